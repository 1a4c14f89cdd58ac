package io.eventcommerce.orders;

import io.eventcommerce.events.EventCodec;
import io.eventcommerce.events.Topics;
import io.eventcommerce.events.orders.CustomerConsentChanged;
import io.eventcommerce.events.privacy.ConsentBasedProcessingReported;
import io.eventcommerce.events.privacy.ConsentBasedProcessingRequested;
import io.eventcommerce.testkit.TestTokens;
import io.eventcommerce.testkit.TopicProbe;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.eventcommerce.orders.OrdersFixtures.ORDERS;
import static io.eventcommerce.orders.OrdersFixtures.SUPPORT;
import static io.eventcommerce.orders.OrdersFixtures.createCustomer;
import static io.eventcommerce.orders.OrdersFixtures.sendEvent;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/**
 * Consent per purpose: the customer gives and withdraws its own, support changes it on the person's word; every change
 * is kept in the history and published once on orders.customer, a PUT that changes nothing publishes nothing, and bad
 * requests change nothing.
 */
@QuarkusTest
class ConsentIT {

    private static JsonPath put(String token, String customerId, String purpose, Object granted, int status) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(Map.of("granted", granted))
                .put("/customers/" + customerId + "/consents/" + purpose).then().statusCode(status).extract()
                .jsonPath();
    }

    private static List<CustomerConsentChanged> consentEvents(String customerId) {
        return TopicProbe.readAll(Topics.ORDERS_CUSTOMER).stream()
                .filter(r -> r.key() != null && r.key().startsWith(customerId + ":")
                        && "CustomerConsentChanged".equals(TopicProbe.header(r, "eventType")))
                .map(r -> EventCodec.data(EventCodec.parse(r.value()), CustomerConsentChanged.TYPE)).toList();
    }

    @Test
    void aCustomerGivesAndWithdrawsConsentEachChangeKeptAndPublishedOnce() {
        String id = createCustomer();
        String self = TestTokens.customer(UUID.fromString(id));

        JsonPath before = given().auth().oauth2(self).get("/customers/" + id + "/consents").then().statusCode(200)
                .extract().jsonPath();
        assertThat(before.getList("purpose")).containsExactly("marketing-email", "personalised-recommendations",
                "profiling-analytics");
        assertThat(before.getList("granted")).containsOnly(false);
        assertThat(before.getList("changedAt")).containsOnlyNulls();

        JsonPath granted = put(self, id, "marketing-email", true, 200);
        assertThat(granted.getBoolean("granted")).isTrue();
        assertThat(granted.getString("source")).isEqualTo("customer");
        put(self, id, "marketing-email", true, 200);
        put(SUPPORT, id, "marketing-email", false, 200);

        // The withdrawal is the purpose's last event: once it is on the topic, every earlier one is (one key, one
        // partition). Keyed by customer and purpose, so compaction keeps each purpose's and the profile's last state.
        ConsumerRecord<String, String> last = TopicProbe.await(Topics.ORDERS_CUSTOMER, r -> (id + ":marketing-email")
                .equals(r.key()) && r.value().contains("\"granted\":false"), TopicProbe.DEFAULT_TIMEOUT);
        assertThat(TopicProbe.header(last, "eventType")).isEqualTo("CustomerConsentChanged");
        List<CustomerConsentChanged> events = consentEvents(id);
        assertThat(events).extracting(CustomerConsentChanged::purpose, CustomerConsentChanged::granted,
                CustomerConsentChanged::source).containsExactly(
                org.assertj.core.groups.Tuple.tuple("marketing-email", true, "customer"),
                org.assertj.core.groups.Tuple.tuple("marketing-email", false, "support"));
        assertThat(last.value()).doesNotContain("Lovelace").doesNotContain("@example.com");

        JsonPath now = given().auth().oauth2(self).get("/customers/" + id + "/consents").then().statusCode(200)
                .extract().jsonPath();
        Map<String, Object> marketing = now.getList("", Map.class).stream()
                .filter(c -> "marketing-email".equals(c.get("purpose"))).findFirst().orElseThrow();
        assertThat(marketing).containsEntry("granted", false).containsEntry("source", "support");
        assertThat(marketing.get("changedAt")).isNotNull();

        JsonPath history = given().auth().oauth2(self).queryParam("size", 1).get("/customers/" + id
                + "/consents/history").then().statusCode(200).extract().jsonPath();
        assertThat(history.getLong("totalItems")).isEqualTo(2);
        assertThat(history.getBoolean("items[0].granted")).isFalse();
        assertThat(history.getString("items[0].source")).isEqualTo("support");
        assertThat(history.getString("items[0].requestId")).isNotBlank();
        // Rows of the evidence, as the database holds them: the person's own change names no login.
        assertThat(ORDERS.query("SELECT granted, source, changed_by FROM customer_consent_history"
                + " WHERE customer_id = ? ORDER BY changed_at", id)).extracting(r -> r.get("source") + "/"
                + r.get("changed_by")).containsExactly("customer/customer", "support/test-support");
    }

    @Test
    void badRequestsAreRefusedAndChangeNothing() {
        String id = createCustomer();
        String self = TestTokens.customer(UUID.fromString(id));

        given().auth().oauth2(self).contentType(ContentType.JSON).body(Map.of("granted", true))
                .put("/customers/" + id + "/consents/telemarketing").then().statusCode(422)
                .contentType("application/problem+json").body("errors[0].field", equalTo("purpose"));
        given().auth().oauth2(self).contentType(ContentType.JSON).body(Map.of())
                .put("/customers/" + id + "/consents/marketing-email").then().statusCode(422)
                .contentType("application/problem+json");
        given().auth().oauth2(SUPPORT).contentType(ContentType.JSON).body(Map.of("granted", true))
                .put("/customers/" + UUID.randomUUID() + "/consents/marketing-email").then().statusCode(404)
                .contentType("application/problem+json");
        // Another customer's consents are not there for this one (404, as every customer resource answers).
        given().auth().oauth2(TestTokens.customer(UUID.randomUUID())).contentType(ContentType.JSON)
                .body(Map.of("granted", true)).put("/customers/" + id + "/consents/marketing-email").then()
                .statusCode(404);
        given().auth().oauth2(TestTokens.forRoles("compliance-officer")).contentType(ContentType.JSON)
                .body(Map.of("granted", true)).put("/customers/" + id + "/consents/marketing-email").then()
                .statusCode(403);
        given().auth().oauth2(TestTokens.forRoles("analyst")).get("/customers/" + id + "/consents").then()
                .statusCode(403);

        assertThat(ORDERS.count("SELECT COUNT(*) FROM customer_consent WHERE customer_id = ?", id)).isZero();
        assertThat(ORDERS.count("SELECT COUNT(*) FROM customer_consent_history WHERE customer_id = ?", id)).isZero();
    }

    @Test
    void compliancesQuestionWhomItProcessesOnConsentIsAnsweredEmpty() {
        UUID question = UUID.randomUUID();
        sendEvent(new ConsentBasedProcessingRequested(question, Instant.now()), "compliance-service");
        ConsentBasedProcessingReported answer = EventCodec.data(EventCodec.parse(TopicProbe.awaitKey(
                Topics.COMPLIANCE_PRIVACY_RESPONSE, question.toString(), "ConsentBasedProcessingReported").value()),
                ConsentBasedProcessingReported.TYPE);
        assertThat(answer.service()).isEqualTo("orders-service");
        assertThat(answer.customers()).isEmpty();
    }
}
