package io.eventcommerce.systemtests;

import io.eventcommerce.devstack.PlatformTopic;
import io.eventcommerce.testkit.Database;
import io.eventcommerce.testkit.Deadlines;
import io.eventcommerce.testkit.PlaintextSearch;
import io.eventcommerce.testkit.TestTokens;
import io.eventcommerce.testkit.TopicProbe;
import io.restassured.path.json.JsonPath;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.eventcommerce.systemtests.Platform.catalog;
import static io.eventcommerce.systemtests.Platform.compliance;
import static io.eventcommerce.systemtests.Platform.orders;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * GDPR data-subject requests across the running platform: an officer's access request returns one export with the
 * data of every service, and an erasure request completes in every service, after which no table of any schema (read
 * as the database root) and no event published since the request holds the customer's name, e-mail, address lines,
 * IP address or review text in plaintext. The customer's orders are imported history with an IP address unique to
 * the test (orders placed through the API here all come from 127.0.0.1, which every test's orders share).
 */
class DataSubjectRequestIT {

    private static final String OFFICER = TestTokens.forRoles("compliance-officer");
    private static final String ADMIN = TestTokens.forRoles("admin");
    private static final List<String> SCHEMAS = List.of("catalog", "orders", "compliance");

    @Test
    void accessReturnsEveryServicesDataAndErasureLeavesNoPlaintextAnywhere() {
        String t = UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        String customerId = UUID.randomUUID().toString();
        String email = "dsr-" + t + "@example.org";
        String firstName = "Philippa" + t;
        String lastName = "Quayle" + t;
        String homeLine = t + " Erasure Street";
        String shipLine = "9 " + t + " Mews";
        String ip = "2001:db8:" + t.substring(0, 4) + ":" + t.substring(4, 8) + "::" + t.substring(8, 10);
        String reviewTitle = firstName + " recommends it";
        String reviewBody = "Delivered to " + shipLine + " on time.";
        List<String> plaintext = List.of(email, firstName, lastName, homeLine, shipLine, ip, reviewTitle, reviewBody);

        String productId = Platform.stockedProduct(5);
        orders(ADMIN).body(Map.of("customers", List.of(Map.of("id", customerId, "email", email, "firstName", firstName,
                        "lastName", lastName, "country", "GB", "registeredAt", "2024-01-01T00:00:00Z"))))
                .post("/admin/customers/import").then().statusCode(200);
        orders(TestTokens.customer(UUID.fromString(customerId))).body(Map.of("label", "Home", "address",
                        Map.of("name", firstName + " " + lastName, "line1", homeLine, "city", "York",
                                "postalCode", "YO1 7HH", "country", "GB")))
                .post("/customers/" + customerId + "/addresses").then().statusCode(201);
        Map<String, Object> delivered = new HashMap<>(Map.of("id", UUID.randomUUID().toString(),
                "customerId", customerId, "status", "DELIVERED", "channel", "WEB",
                "lines", List.of(Map.of("productId", productId, "quantity", 1, "unitPrice", "30.00")),
                "shippingAddress", Map.of("name", firstName + " " + lastName, "line1", shipLine, "city", "York",
                        "postalCode", "YO1 8AA", "country", "GB"),
                "paymentToken", "tok_approve", "placedAt", "2025-05-01T10:00:00Z", "paidAt", "2025-05-01T10:01:00Z",
                "shippedAt", "2025-05-02T09:00:00Z"));
        delivered.putAll(Map.of("deliveredAt", "2025-05-04T15:00:00Z", "clientIp", ip, "shipment", Map.of("carrier", "DHL", "trackingNumber",
                "JD" + UUID.randomUUID().toString().substring(0, 12))));
        orders(ADMIN).body(Map.of("orders", List.of(delivered))).post("/admin/orders/import").then().statusCode(200);

        // The delivery makes the customer a verified buyer in catalog-service, who then reviews the product.
        await().atMost(Deadlines.ASYNC).until(() -> Database.of("catalog").count("SELECT COUNT(*) FROM"
                + " verified_purchase WHERE customer_id = ?", customerId) == 1);
        catalog(TestTokens.customer(UUID.fromString(customerId))).body(Map.of("rating", 5, "title", reviewTitle,
                "body", reviewBody)).post("/products/" + productId + "/reviews").then().statusCode(201);
        await().atMost(Deadlines.ASYNC).until(() -> Database.of("compliance").count("SELECT COUNT(*) FROM order_fact"
                + " WHERE customer_id = ? AND client_ip = ?", customerId, ip) == 1);

        // Access: one export with every service's part.
        String accessId = open(customerId, "ACCESS");
        awaitFinal(accessId);
        assertThat(request(accessId).getString("request.status")).isEqualTo("COMPLETED");
        JsonPath export = compliance(OFFICER).get("/privacy/requests/" + accessId + "/export").then().statusCode(200)
                .extract().jsonPath();
        assertThat(export.getMap("services").keySet()).containsExactlyInAnyOrder("catalog-service",
                "orders-service", "compliance-service", "insights-service", "copilot-service");
        assertThat(export.getString("services.'orders-service'.customer[0].email")).isEqualTo(email);
        assertThat(export.getString("services.'orders-service'.addresses[0].line1")).isEqualTo(homeLine);
        assertThat(export.getString("services.'orders-service'.orders[0].client_ip")).isEqualTo(ip);
        assertThat(export.getList("services.'orders-service'.shipments")).hasSize(1);
        assertThat(export.getString("services.'catalog-service'.reviews[0].title")).isEqualTo(reviewTitle);
        assertThat(export.getString("services.'compliance-service'.orders[0].client_ip")).isEqualTo(ip);
        for (String schema : SCHEMAS) {
            assertThat(PlaintextSearch.inTables(schema, plaintext)).as("%s before the erasure", schema).isNotEmpty();
        }

        // Erasure: complete in every service, measured from the officer's request to the last answer stored.
        long requestedAtMillis = System.currentTimeMillis();
        long started = System.nanoTime();
        String erasureId = open(customerId, "ERASURE");
        awaitFinal(erasureId);
        long tookMillis = Duration.ofNanos(System.nanoTime() - started).toMillis();
        JsonPath erasure = request(erasureId);
        Duration stored = Duration.between(Instant.parse(erasure.getString("request.requestedAt")),
                Instant.parse(erasure.getString("request.completedAt")));
        System.out.printf("DataSubjectRequestIT: erasure request -> complete in every service: %d ms observed by"
                + " the API, %d ms between requestedAt and completedAt%n", tookMillis, stored.toMillis());
        assertThat(erasure.getString("request.status")).isEqualTo("COMPLETED");
        assertThat(erasure.getList("services.service")).containsExactlyInAnyOrder("catalog-service",
                "orders-service", "compliance-service", "insights-service", "copilot-service");
        assertThat(erasure.getList("services.status")).containsOnly("COMPLETED");
        assertThat(erasure.getList("services.plaintextMatches", Long.class)).containsOnly(0L);

        // As the database root: no text column of any schema holds the customer's plaintext.
        List<String> left = new ArrayList<>();
        for (String schema : SCHEMAS) {
            left.addAll(PlaintextSearch.inTables(schema, plaintext));
        }
        assertThat(left).isEmpty();
        compliance(OFFICER).get("/privacy/requests/" + accessId + "/export").then().statusCode(409);

        // No event published since the erasure request carries it, on any topic of the platform.
        List<ConsumerRecord<String, String>> since = new ArrayList<>();
        for (PlatformTopic topic : PlatformTopic.values()) {
            TopicProbe.readAll(topic.topic()).stream().filter(r -> r.timestamp() >= requestedAtMillis)
                    .forEach(since::add);
        }
        assertThat(since).extracting(r -> TopicProbe.header(r, "eventType")).contains("DataSubjectErasureRequested",
                "PersonalDataErased");
        assertThat(PlaintextSearch.inRecords(since, plaintext)).isEmpty();

        // The audit trail keeps the customer's row changes, its key destroyed: the personal fields cannot be read
        // again (crypto-shredding), and the chain still verifies.
        assertThat(erasure.getList("services.find { it.service == 'compliance-service' }.erasure.table"))
                .contains("audit_subject_key");
        List<List<String>> shredded = new ArrayList<>();
        await().atMost(Deadlines.ASYNC).untilAsserted(() -> {
            JsonPath entries = compliance(OFFICER).queryParam("schema", "orders").queryParam("table", "customer")
                    .queryParam("entity", customerId).queryParam("size", 100).get("/audit/entries")
                    .then().statusCode(200).extract().jsonPath();
            shredded.clear();
            shredded.addAll(entries.getList("items.shreddedFields"));
            assertThat(shredded).isNotEmpty().allSatisfy(fields -> assertThat(fields).isNotEmpty());
        });
        compliance(OFFICER).get("/audit/verify").then().statusCode(200).body("ok", org.hamcrest.Matchers.equalTo(true));
    }

    private static String open(String customerId, String type) {
        return compliance(OFFICER).body(Map.of("customerId", customerId, "type", type, "reason", "system test"))
                .post("/privacy/requests").then().statusCode(202).extract().path("request.id");
    }

    private static JsonPath request(String id) {
        return compliance(OFFICER).get("/privacy/requests/" + id).then().statusCode(200).extract().jsonPath();
    }

    private static void awaitFinal(String id) {
        await().atMost(Deadlines.ASYNC).pollInterval(Duration.ofMillis(200))
                .until(() -> !"PENDING".equals(request(id).getString("request.status")));
    }
}
