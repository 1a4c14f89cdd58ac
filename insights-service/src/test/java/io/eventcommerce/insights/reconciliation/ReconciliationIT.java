package io.eventcommerce.insights.reconciliation;

import io.eventcommerce.events.Topics;
import io.eventcommerce.events.orders.CurrencyTotals;
import io.eventcommerce.events.orders.DailyOrderTotals;
import io.eventcommerce.events.orders.OrderCancelled;
import io.eventcommerce.events.orders.OrderPaid;
import io.eventcommerce.events.orders.OrderPlaced;
import io.eventcommerce.events.orders.PaymentRefunded;
import io.eventcommerce.insights.InsightsFixtures;
import io.eventcommerce.insights.InsightsFixtures.Item;
import io.eventcommerce.testkit.Database;
import io.eventcommerce.testkit.Deadlines;
import io.eventcommerce.testkit.TestTokens;
import io.eventcommerce.testkit.TopicProbe;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.path.json.config.JsonPathConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

/**
 * The read models of a day no other test uses, reconciled with orders-service's checkpoints of it (sent here in its
 * role): a matching checkpoint gives MATCH on every figure; a checkpoint that differs in one figure gives DIFFERENCE
 * at once and its alert on insights.alert on the second run that finds it, once.
 */
@QuarkusTest
class ReconciliationIT {

    /** Before every day ReadModelIT picks (1990 on). */
    private static final LocalDate DAY = LocalDate.of(1987, 10, 19);
    private static final String ANALYST = TestTokens.forRoles("analyst");
    private static final Database INSIGHTS = Database.of("insights");

    private static Instant at(String time) {
        return Instant.parse(DAY + "T" + time + "Z");
    }

    private static BigDecimal d(String value) {
        return new BigDecimal(value);
    }

    /** The figures orders-service would publish for the three orders below, with the sales' net as given. */
    private static DailyOrderTotals checkpoint(Instant computedAt, String salesNet) {
        return new DailyOrderTotals(DAY, computedAt, List.of(new CurrencyTotals("EUR", 3,
                2, 3, d("50.00"), d("5.00"), d("45.00"),
                1, 2, d("20.00"), d("0.00"), d(salesNet),
                1, d("25.00"))));
    }

    private static void sendCheckpoint(DailyOrderTotals checkpoint) {
        ProducerRecord<String, String> record = InsightsFixtures.record(checkpoint);
        String eventId = new String(record.headers().lastHeader("id").value(), StandardCharsets.UTF_8);
        InsightsFixtures.send(List.of(record));
        await().atMost(Deadlines.ASYNC).until(() -> INSIGHTS.count(
                "SELECT COUNT(*) FROM source_checkpoint WHERE day = ? AND event_id = ?", DAY, eventId) == 1);
    }

    private static void reconcile() {
        String location = given().auth().oauth2(ANALYST).post("/analysis/kinds/reconciliation/runs").then()
                .statusCode(202).extract().header("Location");
        await().atMost(Deadlines.ASYNC).until(() -> "COMPLETED".equals(given().auth().oauth2(ANALYST)
                .get(location).then().statusCode(200).extract().path("status")));
    }

    private static JsonPath day() {
        return given().auth().oauth2(ANALYST).get("/reconciliation/" + DAY).then().statusCode(200).extract()
                .jsonPath().using(JsonPathConfig.jsonPathConfig().numberReturnType(
                        JsonPathConfig.NumberReturnType.BIG_DECIMAL));
    }

    private static List<ConsumerRecord<String, String>> alerts() {
        return TopicProbe.readAll(Topics.INSIGHTS_ALERT).stream()
                .filter(r -> r.key() != null && r.key().startsWith(DAY + ":")).toList();
    }

    @Test
    void aCheckpointMatchesTheReadModelsAndADifferenceAlertsOnceOnItsSecondRun() {
        UUID customer = UUID.randomUUID();
        UUID product = UUID.randomUUID();
        OrderPlaced kept = InsightsFixtures.order(customer, "WEB", "DE", at("10:00:00"), "0.00",
                Item.of(product, 2, "10.00"));
        OrderPlaced cancelled = InsightsFixtures.order(customer, "WEB", "DE", at("11:00:00"), "5.00",
                Item.of(product, 1, "30.00"));
        OrderPlaced unpaid = InsightsFixtures.order(customer, "MOBILE", "DE", at("13:00:00"), "0.00",
                Item.of(product, 3, "5.00"));
        UUID payment = UUID.randomUUID();
        InsightsFixtures.send(kept, cancelled, unpaid,
                new OrderPaid(kept.orderId(), customer, UUID.randomUUID(), d("20.00"), "EUR", at("10:05:00")),
                new OrderPaid(cancelled.orderId(), customer, payment, d("25.00"), "EUR", at("11:05:00")),
                new OrderCancelled(cancelled.orderId(), customer, "CUSTOMER_REQUEST", null, "PAID", at("12:00:00")),
                new PaymentRefunded(payment, cancelled.orderId(), customer, d("25.00"), "EUR", "ref",
                        "CUSTOMER_REQUEST", at("12:30:00")));
        await().atMost(Deadlines.ASYNC).until(() -> INSIGHTS.count("""
                SELECT COUNT(*) FROM order_fact WHERE customer_id = ? AND placed_day = ?""", customer.toString(), DAY)
                == 3 && INSIGHTS.count("SELECT COUNT(*) FROM order_fact WHERE order_id = ? AND undone_at IS NOT NULL",
                cancelled.orderId().toString()) == 1 && INSIGHTS.count(
                "SELECT COUNT(*) FROM refund_fact WHERE payment_id = ?", payment.toString()) == 1);
        Instant closed = DAY.plusDays(1).atTime(0, 20).toInstant(ZoneOffset.UTC);

        sendCheckpoint(checkpoint(closed, "20.00"));
        reconcile();
        JsonPath matched = day();
        assertThat(matched.getString("status")).isEqualTo("MATCH");
        assertThat(matched.getList("figures.status")).hasSize(18).containsOnly("MATCH");
        assertThat(matched.<BigDecimal>getList("figures.findAll { it.figure == 'daily_sales.net' }.readModelValue"))
                .containsExactly(d("45.00"));

        // A republish a day later says the sales' net was 21.00: the read model has 20.00.
        sendCheckpoint(checkpoint(closed.plusSeconds(86_400), "21.00"));
        reconcile();
        JsonPath differs = day();
        assertThat(differs.getString("status")).isEqualTo("DIFFERENCE");
        assertThat(differs.getList("figures.findAll { it.status == 'DIFFERENCE' }.figure"))
                .containsExactly("sales.net[EUR]");
        assertThat(differs.<BigDecimal>getList("figures.findAll { it.status == 'DIFFERENCE' }.difference"))
                .containsExactly(d("-1.00"));
        assertThat(differs.getList("figures.findAll { it.status == 'DIFFERENCE' }.alertedAt")).containsOnlyNulls();
        assertThat(alerts()).isEmpty();

        reconcile();
        ConsumerRecord<String, String> alert = TopicProbe.awaitKey(Topics.INSIGHTS_ALERT,
                DAY + ":sales.net[EUR]", "ReconciliationAlert");
        assertThat(alert.value()).contains("\"sourceValue\":\"21.00\"", "\"readModelValue\":\"20.00\"",
                "\"consecutiveRuns\":2");

        reconcile();
        JsonPath third = day();
        assertThat(third.getList("figures.findAll { it.status == 'DIFFERENCE' }.consecutiveRuns"))
                .containsExactly(3);
        assertThat(third.getList("figures.findAll { it.status == 'DIFFERENCE' }.alertedAt")).doesNotContainNull();
        assertThat(alerts()).hasSize(1);
        given().auth().oauth2(ANALYST).queryParam("status", "DIFFERENCE").queryParam("size", 100)
                .get("/reconciliation").then().statusCode(200)
                .body("items.find { it.day == '" + DAY + "' }.alerted", equalTo(1));
        assertThat(given().get("/q/metrics").then().statusCode(200).extract().asString())
                .contains("insights_reconciliation_differences");
    }

    @Test
    void badQueriesAreProblemsAndOnlyAnalystsAndAdminsRead() {
        given().auth().oauth2(ANALYST).get("/reconciliation/1987-13-01").then().statusCode(422)
                .contentType("application/problem+json");
        given().auth().oauth2(ANALYST).queryParam("status", "ODD").get("/reconciliation").then().statusCode(422)
                .contentType("application/problem+json");
        given().auth().oauth2(ANALYST).get("/reconciliation/1901-01-01").then().statusCode(404)
                .contentType("application/problem+json");
        given().auth().oauth2(TestTokens.forRoles("catalog-manager")).get("/reconciliation").then().statusCode(403);
    }
}
