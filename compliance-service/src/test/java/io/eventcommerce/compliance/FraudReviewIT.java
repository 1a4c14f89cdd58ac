package io.eventcommerce.compliance;

import io.eventcommerce.compliance.ComplianceFixtures.Shopper;
import io.eventcommerce.events.EventCodec;
import io.eventcommerce.events.Topics;
import io.eventcommerce.events.compliance.FraudAssessed;
import io.eventcommerce.events.orders.OrderPlaced;
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
import static io.eventcommerce.compliance.ComplianceFixtures.assessment;
import static io.eventcommerce.compliance.ComplianceFixtures.captured;
import static io.eventcommerce.compliance.ComplianceFixtures.declined;
import static io.eventcommerce.compliance.ComplianceFixtures.ip;
import static io.eventcommerce.compliance.ComplianceFixtures.order;
import static io.eventcommerce.compliance.ComplianceFixtures.registered;
import static io.eventcommerce.compliance.ComplianceFixtures.send;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The review queue: an order the hard rules hold (declined payments in a row) waits for an officer, who sees its
 * reasons, features and the customer's history, and approves or rejects it with a comment; the decision is the
 * order's final FraudAssessed on compliance.fraud and a label for the next model. Whatever model version is active,
 * the hold comes from a hard rule, so the test does not depend on other tests' training.
 */
@QuarkusTest
class FraudReviewIT {

    private static final String OFFICER = TestTokens.forRoles("compliance-officer");
    private static final String OFFICER_NAME = "test-compliance-officer";

    /** A customer of long standing whose last three payments were declined, and its new order: held. */
    private static OrderPlaced heldOrder(Instant placedAt) {
        Shopper s = Shopper.of("DE", 7);
        Instant now = Instant.now();
        send(registered(s, now.minus(Duration.ofDays(400))));
        await().atMost(Deadlines.ASYNC).until(() -> COMPLIANCE.count(
                "SELECT COUNT(*) FROM customer_profile WHERE customer_id = ?", s.id().toString()) == 1);
        OrderPlaced[] history = new OrderPlaced[3];
        for (int i = 0; i < 3; i++) {
            history[i] = order(s, new BigDecimal("60.00"), 1, ip("DE", i), now.minus(Duration.ofDays(200 - 30L * i)),
                    true);
        }
        send(history);
        send(captured(history[0], history[0].placedAt()), captured(history[1], history[1].placedAt()),
                captured(history[2], history[2].placedAt()));
        send(declined(s, now.minusSeconds(300)), declined(s, now.minusSeconds(200)), declined(s, now.minusSeconds(100)));
        await().atMost(Deadlines.ASYNC).until(() -> COMPLIANCE.count("SELECT COUNT(*) FROM payment_streak "
                + "WHERE customer_id = ? AND declines_in_a_row = 3", s.id().toString()) == 1
                && COMPLIANCE.count("SELECT COUNT(*) FROM order_fact WHERE customer_id = ?", s.id().toString()) == 3);
        OrderPlaced live = order(s, new BigDecimal("65.00"), 1, ip("DE", 9), placedAt, false);
        send(live);
        FraudAssessed first = assessment(live.orderId());
        assertThat(first.decision()).as("%s", first).isEqualTo(FraudAssessed.REVIEW);
        assertThat(first.reasons()).contains("REPEATED_DECLINES");
        assertThat(first.reviewedBy()).isNull();
        return live;
    }

    private static JsonPath review(UUID orderId, Object body, int status) {
        return given().auth().oauth2(OFFICER).contentType(ContentType.JSON).body(body)
                .post("/fraud/assessments/" + orderId + "/review").then().statusCode(status).extract().jsonPath();
    }

    /** The officer's FraudAssessed: the second assessment of the order, with reviewedBy. */
    private static FraudAssessed reviewed(UUID orderId) {
        ConsumerRecord<String, String> record = TopicProbe.await(Topics.COMPLIANCE_FRAUD, r ->
                orderId.toString().equals(r.key()) && r.value().contains("\"reviewedBy\":\"" + OFFICER_NAME + "\""),
                Deadlines.ASYNC);
        return EventCodec.data(EventCodec.parse(record.value()), FraudAssessed.TYPE);
    }

    @Test
    void anOfficerSeesAHeldOrderWithItsReasonsAndApprovesItOnceWithAComment() {
        OrderPlaced held = heldOrder(Instant.now());
        UUID orderId = held.orderId();

        JsonPath queue = given().auth().oauth2(OFFICER).queryParam("status", "ON_HOLD")
                .queryParam("customerId", held.customerId()).get("/fraud/assessments").then().statusCode(200)
                .extract().jsonPath();
        assertThat(queue.getList("items.orderId")).containsExactly(orderId.toString());
        assertThat(queue.getList("items[0].reasons", String.class)).contains("REPEATED_DECLINES");
        assertThat(queue.getBoolean("items[0].overdue")).isFalse();

        JsonPath detail = given().auth().oauth2(OFFICER).get("/fraud/assessments/" + orderId).then().statusCode(200)
                .extract().jsonPath();
        assertThat(detail.getString("assessment.status")).isEqualTo("ON_HOLD");
        assertThat(detail.getInt("customerHistory.orders")).isEqualTo(3);
        assertThat(detail.getList("customerHistory.recent")).hasSize(3);
        assertThat(detail.getList("features.code")).contains("DECLINES_IN_A_ROW");
        Map<String, Object> declines = detail.getList("features", Map.class).stream()
                .filter(f -> "DECLINES_IN_A_ROW".equals(f.get("code"))).findFirst().orElseThrow();
        assertThat(((Number) declines.get("value")).doubleValue()).isEqualTo(3.0);
        assertThat(detail.getList("explanation.hardRules", String.class)).contains("REPEATED_DECLINES");
        // No personal data on the review screen: no IP address, no name, no address.
        assertThat(detail.prettify()).doesNotContain(held.clientIp()).doesNotContain("Customer 7")
                .doesNotContain(held.shippingAddress().line1());

        // Bad input changes nothing.
        review(orderId, Map.of("decision", "MAYBE", "comment", "?"), 422);
        review(orderId, Map.of("decision", "APPROVE"), 422);
        given().auth().oauth2(TestTokens.forRoles("support")).contentType(ContentType.JSON)
                .body(Map.of("decision", "APPROVE", "comment", "looks fine"))
                .post("/fraud/assessments/" + orderId + "/review").then().statusCode(403);
        given().auth().oauth2(TestTokens.customer(held.customerId())).get("/fraud/assessments/" + orderId).then()
                .statusCode(403);
        assertThat(COMPLIANCE.query("SELECT status FROM fraud_detection WHERE order_id = ?", orderId.toString())
                .get(0).get("status")).isEqualTo("ON_HOLD");

        JsonPath decided = review(orderId, Map.of("decision", "APPROVE",
                "comment", "Called the customer: the declines were an expired card."), 200);
        assertThat(decided.getString("assessment.status")).isEqualTo("REVIEWED");
        assertThat(decided.getString("review.decision")).isEqualTo("APPROVE");
        assertThat(decided.getString("review.reviewedBy")).isEqualTo(OFFICER_NAME);

        FraudAssessed finalAnswer = reviewed(orderId);
        assertThat(finalAnswer.decision()).isEqualTo(FraudAssessed.APPROVE);
        assertThat(finalAnswer.customerId()).isEqualTo(held.customerId());
        assertThat(COMPLIANCE.query("SELECT fraud, source FROM fraud_label WHERE order_id = ?", orderId.toString()))
                .singleElement().satisfies(label -> {
                    assertThat(label.get("source")).isEqualTo("OFFICER");
                    assertThat(label.get("fraud")).isIn(false, 0, 0L);
                });

        // Once only.
        given().auth().oauth2(OFFICER).contentType(ContentType.JSON)
                .body(Map.of("decision", "REJECT", "comment", "changed my mind"))
                .post("/fraud/assessments/" + orderId + "/review").then().statusCode(409)
                .contentType("application/problem+json");
        given().auth().oauth2(OFFICER).contentType(ContentType.JSON)
                .body(Map.of("decision", "REJECT", "comment", "unknown"))
                .post("/fraud/assessments/" + UUID.randomUUID() + "/review").then().statusCode(404);
    }

    @Test
    void aRejectionIsTheFinalAnswerAndAFraudLabel() {
        UUID orderId = heldOrder(Instant.now()).orderId();
        review(orderId, Map.of("decision", "REJECT", "comment", "Card holder confirmed it was not them."), 200);
        assertThat(reviewed(orderId).decision()).isEqualTo(FraudAssessed.REJECT);
        assertThat(COMPLIANCE.query("SELECT fraud FROM fraud_label WHERE order_id = ?", orderId.toString()).get(0)
                .get("fraud")).isIn(true, 1, 1L);
    }

    @Test
    void anOrderWaitingLongerThanTheConfiguredTimeIsFlaggedOverdue() {
        OrderPlaced held = heldOrder(Instant.now().minus(Duration.ofHours(5)));
        JsonPath overdue = given().auth().oauth2(OFFICER).queryParam("overdue", true).queryParam("sort", "AGE")
                .queryParam("customerId", held.customerId()).get("/fraud/assessments").then().statusCode(200)
                .extract().jsonPath();
        assertThat(overdue.getList("items.orderId")).containsExactly(held.orderId().toString());
        assertThat(overdue.getBoolean("items[0].overdue")).isTrue();
        given().auth().oauth2(OFFICER).queryParam("sort", "NEWEST").get("/fraud/assessments").then().statusCode(422)
                .contentType("application/problem+json");
        given().auth().oauth2(OFFICER).queryParam("size", 1000).get("/fraud/assessments").then().statusCode(422);
    }
}
