package io.eventcommerce.compliance;

import io.eventcommerce.compliance.ComplianceFixtures.Shopper;
import io.eventcommerce.events.EventCodec;
import io.eventcommerce.events.Topics;
import io.eventcommerce.events.orders.OrderPlaced;
import io.eventcommerce.events.privacy.PersonalDataErased;
import io.eventcommerce.events.privacy.PersonalDataExported;
import io.eventcommerce.testkit.Deadlines;
import io.eventcommerce.testkit.TestTokens;
import io.eventcommerce.testkit.TopicProbe;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.eventcommerce.compliance.ComplianceFixtures.COMPLIANCE;
import static io.eventcommerce.compliance.ComplianceFixtures.ip;
import static io.eventcommerce.compliance.ComplianceFixtures.order;
import static io.eventcommerce.compliance.ComplianceFixtures.registered;
import static io.eventcommerce.compliance.ComplianceFixtures.send;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Data-subject requests: compliance-service publishes the request, answers it for itself like every service, and
 * completes it once the other services (here the test, answering as catalog-service and orders-service on
 * compliance.privacy-response) have answered. Access assembles one export; erasure removes the IP addresses, the
 * profile and the earlier export, and a service whose self-check found plaintext fails the request.
 */
@QuarkusTest
class PrivacyRequestIT {

    private static final String OFFICER = TestTokens.forRoles("compliance-officer");

    /** A customer compliance-service knows: a profile and one order with its client IP. */
    private static OrderPlaced knownCustomer(int seed) {
        Shopper s = Shopper.of("DE", seed);
        send(registered(s, Instant.now().minus(Duration.ofDays(90))));
        OrderPlaced placed = order(s, new BigDecimal("42.00"), 1, ip("DE", 200 + seed), Instant.now()
                .minus(Duration.ofDays(10)), true);
        send(placed);
        await().atMost(Deadlines.ASYNC).until(() -> COMPLIANCE.count("SELECT COUNT(*) FROM order_fact WHERE"
                + " customer_id = ? AND client_ip IS NOT NULL", s.id().toString()) == 1
                && COMPLIANCE.count("SELECT COUNT(*) FROM customer_profile WHERE customer_id = ?",
                s.id().toString()) == 1);
        return placed;
    }

    private static JsonPath open(UUID customerId, String type) {
        return given().auth().oauth2(OFFICER).contentType(ContentType.JSON)
                .body(Map.of("customerId", customerId, "type", type, "reason", "customer e-mail of today"))
                .post("/privacy/requests").then().statusCode(202).extract().jsonPath();
    }

    private static JsonPath get(String requestId) {
        return given().auth().oauth2(OFFICER).get("/privacy/requests/" + requestId).then().statusCode(200)
                .extract().jsonPath();
    }

    private static void awaitStatus(String requestId, String status) {
        await().atMost(Deadlines.ASYNC).until(() -> status.equals(get(requestId).getString("request.status")));
    }

    /** compliance-service's own answer to the request, as it left through its outbox. */
    private static ConsumerRecord<String, String> ownAnswer(String requestId, String eventType) {
        return TopicProbe.await(Topics.COMPLIANCE_PRIVACY_RESPONSE, r -> requestId.equals(r.key())
                && eventType.equals(TopicProbe.header(r, "eventType"))
                && r.value().contains("\"service\":\"compliance-service\""), Deadlines.ASYNC);
    }

    private static void answerAs(String service, UUID requestId, Map<String, Object> data) {
        send(new PersonalDataExported(requestId, service, data, Instant.now()));
    }

    private static void erasedAs(String service, UUID requestId, long matches) {
        send(new PersonalDataErased(requestId, service, List.of(new PersonalDataErased.Erasure("review",
                PersonalDataErased.ANONYMISED, 1)), 12, matches, Instant.now()));
    }

    @Test
    void anAccessRequestAssemblesEveryServicesExportAndAnErasureThenRemovesTheIpTheProfileAndTheExport() {
        OrderPlaced placed = knownCustomer(11);
        UUID customer = placed.customerId();

        JsonPath access = open(customer, "ACCESS");
        String accessId = access.getString("request.id");
        assertThat(access.getString("request.status")).isEqualTo("PENDING");
        assertThat(access.getBoolean("request.overdue")).isFalse();
        assertThat(access.getList("services.service")).containsExactlyInAnyOrder("catalog-service",
                "orders-service", "compliance-service");
        ConsumerRecord<String, String> request = TopicProbe.await(Topics.COMPLIANCE_PRIVACY_REQUEST,
                r -> r.value().contains(accessId), Deadlines.ASYNC);
        assertThat(request.key()).isEqualTo(customer.toString());
        assertThat(TopicProbe.header(request, "eventType")).isEqualTo("DataSubjectAccessRequested");

        ownAnswer(accessId, "PersonalDataExported");
        given().auth().oauth2(OFFICER).get("/privacy/requests/" + accessId + "/export").then().statusCode(409);
        answerAs("orders-service", UUID.fromString(accessId), Map.of("customer", List.of(Map.of("email",
                "privacy-it-11@example.org"))));
        answerAs("catalog-service", UUID.fromString(accessId), Map.of("reviews", List.of()));
        awaitStatus(accessId, "COMPLETED");

        JsonPath export = given().auth().oauth2(OFFICER).get("/privacy/requests/" + accessId + "/export").then()
                .statusCode(200).extract().jsonPath();
        assertThat(export.getString("customerId")).isEqualTo(customer.toString());
        assertThat(export.getString("services.'orders-service'.customer[0].email"))
                .isEqualTo("privacy-it-11@example.org");
        assertThat(export.getList("services.'catalog-service'.reviews")).isEmpty();
        assertThat(export.getString("services.'compliance-service'.orders[0].client_ip"))
                .isEqualTo(placed.clientIp());
        assertThat(export.getString("services.'compliance-service'.customerProfile[0].country")).isEqualTo("DE");

        JsonPath erasure = open(customer, "ERASURE");
        String erasureId = erasure.getString("request.id");
        PersonalDataErased own = EventCodec.data(EventCodec.parse(ownAnswer(erasureId, "PersonalDataErased")
                .value()), PersonalDataErased.TYPE);
        assertThat(own.plaintextMatches()).isZero();
        assertThat(own.columnsScanned()).isPositive();
        assertThat(own.tables()).extracting(PersonalDataErased.Erasure::table, PersonalDataErased.Erasure::rows)
                .contains(org.assertj.core.groups.Tuple.tuple("order_fact", 1),
                        org.assertj.core.groups.Tuple.tuple("customer_profile", 1),
                        org.assertj.core.groups.Tuple.tuple("data_subject_request_service", 3));
        erasedAs("orders-service", UUID.fromString(erasureId), 0);
        erasedAs("catalog-service", UUID.fromString(erasureId), 0);
        awaitStatus(erasureId, "COMPLETED");

        JsonPath done = get(erasureId);
        assertThat(done.getList("services.status")).containsOnly("COMPLETED");
        assertThat(done.getString("request.completedAt")).isNotNull();
        assertThat(done.getList("services.find { it.service == 'compliance-service' }.erasure.table"))
                .contains("order_fact", "customer_profile", "fraud_detection");
        assertThat(done.getList("services.find { it.service == 'catalog-service' }.erasure.table"))
                .containsExactly("review");
        // As the database root: no IP, no profile, no stored export of the customer is left.
        assertThat(COMPLIANCE.query("SELECT client_ip, shipping_address_hash, card_fingerprint, total FROM order_fact"
                + " WHERE order_id = ?", placed.orderId().toString())).singleElement().satisfies(row -> {
                    assertThat(row.get("client_ip")).isNull();
                    assertThat(row.get("shipping_address_hash")).isNull();
                    assertThat(row.get("card_fingerprint")).isNull();
                    assertThat(row.get("total").toString()).isEqualTo("42.00");
                });
        assertThat(COMPLIANCE.count("SELECT COUNT(*) FROM customer_profile WHERE customer_id = ?",
                customer.toString())).isZero();
        assertThat(COMPLIANCE.count("SELECT COUNT(*) FROM data_subject_request_service WHERE request_id = ?"
                + " AND export_data IS NOT NULL", accessId)).isZero();
        given().auth().oauth2(OFFICER).get("/privacy/requests/" + accessId + "/export").then().statusCode(409);
        given().auth().oauth2(OFFICER).get("/privacy/requests/" + erasureId + "/export").then().statusCode(409);

        JsonPath listed = given().auth().oauth2(OFFICER).queryParam("customerId", customer)
                .queryParam("type", "ERASURE").get("/privacy/requests").then().statusCode(200).extract().jsonPath();
        assertThat(listed.getList("items.id")).containsExactly(erasureId);
    }

    @Test
    void anExportAnsweredAfterTheErasureWasRequestedIsNotKept() {
        OrderPlaced placed = knownCustomer(13);
        String accessId = open(placed.customerId(), "ACCESS").getString("request.id");
        ownAnswer(accessId, "PersonalDataExported");
        String erasureId = open(placed.customerId(), "ERASURE").getString("request.id");
        ownAnswer(erasureId, "PersonalDataErased");
        answerAs("orders-service", UUID.fromString(accessId), Map.of("customer", List.of(Map.of("email",
                "privacy-it-13@example.org"))));
        answerAs("catalog-service", UUID.fromString(accessId), Map.of("reviews", List.of()));
        awaitStatus(accessId, "COMPLETED");
        assertThat(COMPLIANCE.count("SELECT COUNT(*) FROM data_subject_request_service WHERE request_id = ?"
                + " AND export_data IS NOT NULL", accessId)).isZero();
        assertThat(COMPLIANCE.count("SELECT COUNT(*) FROM data_subject_request_service WHERE request_id = ?"
                + " AND status = 'COMPLETED'", accessId)).isEqualTo(3);
        given().auth().oauth2(OFFICER).get("/privacy/requests/" + accessId + "/export").then().statusCode(409);
    }

    @Test
    void aServiceWhoseSelfCheckStillFindsPlaintextFailsTheErasure() {
        OrderPlaced placed = knownCustomer(12);
        String erasureId = open(placed.customerId(), "ERASURE").getString("request.id");
        ownAnswer(erasureId, "PersonalDataErased");
        erasedAs("catalog-service", UUID.fromString(erasureId), 0);
        erasedAs("orders-service", UUID.fromString(erasureId), 2);
        awaitStatus(erasureId, "FAILED");
        JsonPath failed = get(erasureId);
        Map<String, Object> orders = failed.getList("services", Map.class).stream()
                .filter(s -> "orders-service".equals(s.get("service"))).findFirst().orElseThrow();
        assertThat(orders.get("status")).isEqualTo("FAILED");
        assertThat(((Number) orders.get("plaintextMatches")).longValue()).isEqualTo(2);
    }

    @Test
    void badRequestsAreRefusedAndChangeNothing() {
        UUID customer = UUID.randomUUID();
        given().auth().oauth2(OFFICER).contentType(ContentType.JSON)
                .body(Map.of("customerId", customer, "type", "DELETE", "reason", "x"))
                .post("/privacy/requests").then().statusCode(422);
        given().auth().oauth2(OFFICER).contentType(ContentType.JSON)
                .body(Map.of("customerId", customer, "type", "ACCESS"))
                .post("/privacy/requests").then().statusCode(422);
        given().auth().oauth2(TestTokens.forRoles("support")).contentType(ContentType.JSON)
                .body(Map.of("customerId", customer, "type", "ACCESS", "reason", "x"))
                .post("/privacy/requests").then().statusCode(403);
        given().auth().oauth2(TestTokens.customer(customer)).get("/privacy/requests").then().statusCode(403);
        given().auth().oauth2(OFFICER).queryParam("status", "DONE").get("/privacy/requests").then().statusCode(422);
        given().auth().oauth2(OFFICER).get("/privacy/requests/" + UUID.randomUUID()).then().statusCode(404)
                .contentType("application/problem+json");
        assertThat(COMPLIANCE.count("SELECT COUNT(*) FROM data_subject_request WHERE customer_id = ?",
                customer.toString())).isZero();
    }
}
