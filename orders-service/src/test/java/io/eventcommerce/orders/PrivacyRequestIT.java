package io.eventcommerce.orders;

import io.eventcommerce.events.EventCodec;
import io.eventcommerce.events.Topics;
import io.eventcommerce.events.privacy.DataSubjectAccessRequested;
import io.eventcommerce.events.privacy.DataSubjectErasureRequested;
import io.eventcommerce.events.privacy.PersonalDataErased;
import io.eventcommerce.events.privacy.PersonalDataExported;
import io.eventcommerce.testkit.Deadlines;
import io.eventcommerce.testkit.PlaintextSearch;
import io.eventcommerce.testkit.TestTokens;
import io.eventcommerce.testkit.TopicProbe;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.eventcommerce.orders.OrdersFixtures.ORDERS;
import static io.eventcommerce.orders.OrdersFixtures.productInReplica;
import static io.eventcommerce.orders.OrdersFixtures.sendEvent;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;
import static org.awaitility.Awaitility.await;

/**
 * orders-service's answers to data-subject requests (compliance.privacy-request, sent here as compliance-service's
 * outbox would): an access request exports the customer, the address book and the orders with lines, payments,
 * shipments and returns; an erasure pseudonymises all of it (amounts, dates and lines stay), reports per table, and
 * its self-check, like the test's own search as the database root, finds none of the values held before. No event
 * published after the erasure request carries them. Names, e-mail, addresses and IPs are unique to the test, so a
 * match can only be the customer's.
 */
@QuarkusTest
class PrivacyRequestIT {

    private static final String ADMIN = TestTokens.forRoles("admin");

    private record Person(String customerId, String email, String firstName, String lastName, String homeLine,
                          String shipLine, String ip, String returnReason) {

        static Person unique() {
            String t = UUID.randomUUID().toString().replace("-", "").substring(0, 10);
            return new Person(UUID.randomUUID().toString(), "privacy-" + t + "@example.org", "Prudence" + t,
                    "Vail" + t, t + " Privacy Lane", "7 " + t + " Road", "2001:db8:" + t.substring(0, 4) + ":"
                    + t.substring(4, 8) + "::" + t.substring(8, 10), "Too big for my flat at " + t);
        }

        List<String> plaintext() {
            return List.of(email, firstName, lastName, homeLine, shipLine, ip, returnReason);
        }
    }

    private static Person customerWithHistory() {
        Person p = Person.unique();
        given().auth().oauth2(ADMIN).contentType(ContentType.JSON)
                .body(Map.of("customers", List.of(Map.of("id", p.customerId(), "email", p.email(),
                        "firstName", p.firstName(), "lastName", p.lastName(), "country", "GB",
                        "registeredAt", "2024-01-01T00:00:00Z"))))
                .post("/admin/customers/import").then().statusCode(200);
        given().auth().oauth2(TestTokens.customer(UUID.fromString(p.customerId()))).contentType(ContentType.JSON)
                .body(Map.of("label", "Home", "defaultShipping", true, "address", Map.of("name",
                        p.firstName() + " " + p.lastName(), "line1", p.homeLine(), "city", "Leeds",
                        "postalCode", "LS1 1AA", "country", "GB")))
                .post("/customers/" + p.customerId() + "/addresses").then().statusCode(201);
        UUID product = productInReplica("7.50");
        Map<String, Object> address = Map.of("name", p.firstName() + " " + p.lastName(), "line1", p.shipLine(),
                "city", "Leeds", "postalCode", "LS2 2BB", "country", "GB");
        Map<String, Object> returned = new HashMap<>(Map.of("id", UUID.randomUUID().toString(),
                "customerId", p.customerId(), "status", "RETURNED", "channel", "WEB",
                "lines", List.of(Map.of("productId", product.toString(), "quantity", 2, "unitPrice", "7.50")),
                "shippingAddress", address, "paymentToken", "tok_approve", "placedAt", "2025-03-01T10:00:00Z",
                "paidAt", "2025-03-01T10:01:00Z", "shippedAt", "2025-03-02T09:00:00Z"));
        returned.putAll(Map.of("clientIp", p.ip(), "deliveredAt", "2025-03-04T15:00:00Z",
                "returnedAt", "2025-03-10T12:00:00Z",
                "shipment", Map.of("carrier", "UPS", "trackingNumber", "1Z" + UUID.randomUUID().toString()
                        .substring(0, 12)),
                "returned", Map.of("reason", p.returnReason(), "restock", true)));
        Map<String, Object> paid = new HashMap<>(Map.of("id", UUID.randomUUID().toString(),
                "customerId", p.customerId(), "status", "PAID", "channel", "MOBILE",
                "lines", List.of(Map.of("productId", product.toString(), "quantity", 1, "unitPrice", "7.50")),
                "shippingAddress", address, "paymentToken", "tok_approve", "placedAt", "2025-04-01T10:00:00Z",
                "paidAt", "2025-04-01T10:01:00Z", "clientIp", p.ip()));
        given().auth().oauth2(ADMIN).contentType(ContentType.JSON).body(Map.of("orders", List.of(returned, paid)))
                .post("/admin/orders/import").then().statusCode(200);
        return p;
    }

    private static ConsumerRecord<String, String> answer(UUID requestId, String type) {
        return TopicProbe.await(Topics.COMPLIANCE_PRIVACY_RESPONSE, r -> requestId.toString().equals(r.key())
                && type.equals(TopicProbe.header(r, "eventType")), Deadlines.ASYNC);
    }

    @Test
    void anAccessRequestExportsEverythingAndAnErasureLeavesTheBooksWithoutThePerson() {
        Person p = customerWithHistory();
        UUID customer = UUID.fromString(p.customerId());
        given().auth().oauth2(TestTokens.customer(customer)).contentType(ContentType.JSON)
                .body(Map.of("granted", true)).put("/customers/" + customer + "/consents/marketing-email").then()
                .statusCode(200);

        UUID access = UUID.randomUUID();
        sendEvent(new DataSubjectAccessRequested(access, customer, Instant.now(), Instant.now().plus(Duration
                .ofDays(30))), "compliance-service");
        PersonalDataExported exported = EventCodec.data(EventCodec.parse(answer(access, "PersonalDataExported")
                .value()), PersonalDataExported.TYPE);
        assertThat(exported.service()).isEqualTo("orders-service");
        Map<String, Object> data = exported.data();
        assertThat(data).containsKeys("customer", "addresses", "paymentMethods", "orders", "orderLines",
                "payments", "shipments", "returns", "promotionUses", "refunds", "consents", "consentHistory");
        assertThat(rows(data, "consents")).extracting(c -> c.get("purpose")).containsExactly("marketing-email");
        assertThat(rows(data, "consentHistory")).hasSize(1);
        assertThat(rows(data, "customer")).singleElement().satisfies(c -> {
            assertThat(c.get("email")).isEqualTo(p.email());
            assertThat(c.get("last_name")).isEqualTo(p.lastName());
        });
        assertThat(rows(data, "addresses")).extracting(a -> a.get("line1")).containsExactly(p.homeLine());
        assertThat(rows(data, "orders")).hasSize(2).allSatisfy(o -> {
            assertThat(o.get("client_ip")).isEqualTo(p.ip());
            assertThat(o.get("ship_line1")).isEqualTo(p.shipLine());
        });
        assertThat(rows(data, "orderLines")).hasSize(2);
        assertThat(rows(data, "payments")).hasSize(2);
        assertThat(rows(data, "shipments")).hasSize(1);
        assertThat(rows(data, "returns")).extracting(r -> r.get("reason")).containsExactly(p.returnReason());
        assertThat(rows(data, "paymentMethods")).isNotEmpty().allSatisfy(m -> assertThat(m).doesNotContainKey(
                "gateway_token"));
        assertThat(PlaintextSearch.inTables("orders", p.plaintext())).as("the values are there before the erasure")
                .isNotEmpty();

        String totalsBefore = totals(p.customerId());
        long erasureRequestedAt = System.currentTimeMillis();
        UUID erasure = UUID.randomUUID();
        sendEvent(new DataSubjectErasureRequested(erasure, customer, Instant.now(), Instant.now().plus(Duration
                .ofDays(30))), "compliance-service");
        ConsumerRecord<String, String> erasedRecord = answer(erasure, "PersonalDataErased");
        PersonalDataErased erased = EventCodec.data(EventCodec.parse(erasedRecord.value()), PersonalDataErased.TYPE);
        assertThat(erased.plaintextMatches()).isZero();
        assertThat(erased.columnsScanned()).isGreaterThan(50);
        assertThat(erased.tables()).extracting(PersonalDataErased.Erasure::table, PersonalDataErased.Erasure::action,
                PersonalDataErased.Erasure::rows).contains(
                tuple("customer", PersonalDataErased.PSEUDONYMISED, 1),
                tuple("customer_address", PersonalDataErased.DELETED, 1),
                tuple("customer_order", PersonalDataErased.PSEUDONYMISED, 2),
                tuple("order_return", PersonalDataErased.PSEUDONYMISED, 1));

        // As the database root: the person is gone from every text column, the books are whole.
        assertThat(PlaintextSearch.inTables("orders", p.plaintext())).isEmpty();
        assertThat(totals(p.customerId())).isEqualTo(totalsBefore);
        assertThat(ORDERS.query("SELECT email, first_name FROM customer WHERE id = ?", p.customerId()))
                .singleElement().satisfies(c -> {
                    assertThat(c.get("email")).isEqualTo(p.customerId() + "@erased.invalid");
                    assertThat(c.get("first_name")).isEqualTo("Erased");
                });
        assertThat(ORDERS.count("SELECT COUNT(*) FROM customer_order WHERE customer_id = ? AND ship_country = 'GB'"
                + " AND client_ip IS NULL AND ship_line1 IS NULL AND bill_name IS NULL", p.customerId()))
                .isEqualTo(2);

        // No event published since the erasure request carries the old values (the answer included).
        List<ConsumerRecord<String, String>> since = new java.util.ArrayList<>();
        for (String topic : List.of(Topics.ORDERS_CUSTOMER, Topics.ORDERS_ORDER, Topics.ORDERS_PAYMENT,
                Topics.COMPLIANCE_PRIVACY_RESPONSE)) {
            TopicProbe.readAll(topic).stream().filter(r -> r.timestamp() >= erasureRequestedAt).forEach(since::add);
        }
        assertThat(since).extracting(ConsumerRecord::value).contains(erasedRecord.value());
        assertThat(PlaintextSearch.inRecords(since, p.plaintext())).isEmpty();
        // The erasure withdrew the consent (published, so no processor goes on) and kept its history as evidence.
        assertThat(ORDERS.query("SELECT granted, source FROM customer_consent WHERE customer_id = ?", p.customerId()))
                .singleElement().satisfies(c -> assertThat(c.get("source")).isEqualTo("erasure"));
        assertThat(ORDERS.count("SELECT COUNT(*) FROM customer_consent_history WHERE customer_id = ?",
                p.customerId())).isEqualTo(2);
        assertThat(since).filteredOn(r -> (p.customerId() + ":marketing-email").equals(r.key()))
                .singleElement().satisfies(r -> assertThat(r.value()).contains("\"granted\":false")
                        .contains("\"source\":\"erasure\""));

        given().auth().oauth2(OrdersFixtures.SUPPORT).queryParam("email", p.email()).get("/customers").then()
                .statusCode(200).body("size()", org.hamcrest.Matchers.equalTo(0));

        // A second erasure request of the same customer finds nothing left to erase, and still no plaintext.
        UUID again = UUID.randomUUID();
        sendEvent(new DataSubjectErasureRequested(again, customer, Instant.now(), Instant.now()), "compliance-service");
        PersonalDataErased second = EventCodec.data(EventCodec.parse(answer(again, "PersonalDataErased").value()),
                PersonalDataErased.TYPE);
        assertThat(second.plaintextMatches()).isZero();
        assertThat(second.tables()).extracting(PersonalDataErased.Erasure::table, PersonalDataErased.Erasure::rows)
                .contains(tuple("customer", 0), tuple("customer_address", 0));
    }

    @Test
    void theSelfCheckReportsAValueThatSurvivedTheErasureElsewhere() {
        Person p = customerWithHistory();
        // Another customer (the test's own) whose last name, set as the database root, is the person's e-mail: a copy
        // the erasure does not know of, which the self-check must find.
        String other = OrdersFixtures.createCustomer();
        ORDERS.update("UPDATE customer SET last_name = ? WHERE id = ?", p.email().toUpperCase(), other);

        UUID erasure = UUID.randomUUID();
        sendEvent(new DataSubjectErasureRequested(erasure, UUID.fromString(p.customerId()), Instant.now(),
                Instant.now().plus(Duration.ofDays(30))), "compliance-service");
        PersonalDataErased erased = EventCodec.data(EventCodec.parse(answer(erasure, "PersonalDataErased").value()),
                PersonalDataErased.TYPE);
        assertThat(erased.plaintextMatches()).isEqualTo(1);
        assertThat(PlaintextSearch.inTables("orders", p.plaintext())).singleElement().asString()
                .startsWith("orders.customer.last_name");
    }

    private static String totals(String customerId) {
        return ORDERS.query("SELECT COUNT(*) AS orders, SUM(total) AS total, (SELECT COUNT(*) FROM order_item i"
                + " JOIN customer_order o ON o.id = i.order_id WHERE o.customer_id = ?) AS item_count, (SELECT SUM(p.amount)"
                + " FROM payment p JOIN customer_order o ON o.id = p.order_id WHERE o.customer_id = ?) AS paid"
                + " FROM customer_order WHERE customer_id = ?", customerId, customerId, customerId).toString();
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> rows(Map<String, Object> data, String key) {
        return (List<Map<String, Object>>) data.get(key);
    }
}
