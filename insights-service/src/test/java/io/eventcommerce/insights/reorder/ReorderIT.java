package io.eventcommerce.insights.reorder;

import io.eventcommerce.events.EventCodec;
import io.eventcommerce.events.Topics;
import io.eventcommerce.events.catalog.PurchaseOrderChanged;
import io.eventcommerce.events.catalog.PurchaseOrderSnapshot;
import io.eventcommerce.events.insights.ReorderSuggested;
import io.eventcommerce.insights.InsightsFixtures;
import io.eventcommerce.testkit.Database;
import io.eventcommerce.testkit.Deadlines;
import io.eventcommerce.testkit.TestTokens;
import io.eventcommerce.testkit.TopicProbe;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.path.json.config.JsonPathConfig;
import org.apache.commons.math3.distribution.NormalDistribution;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

/**
 * The reorder loop's insights half against the real stack: purchase orders from catalog.purchase-order into the
 * supply read model (newer version wins, {@code /reports/supply}), then a reorder run over a forecast written with
 * SQL for a completed forecast run of this test (the real forecast job would forecast every product of the schema),
 * its suggestions checked against figures computed here from the same inputs, published on insights.reorder, and
 * not repeated by a second run within the review period.
 */
@QuarkusTest
class ReorderIT {

    private static final Database DB = Database.of("insights");
    private static final String ANALYST = TestTokens.forRoles("analyst");
    private static final String BUYER = TestTokens.forRoles("catalog-manager");
    private static final JsonPathConfig DECIMALS =
            JsonPathConfig.jsonPathConfig().numberReturnType(JsonPathConfig.NumberReturnType.BIG_DECIMAL);
    private static final int HORIZON = 14;
    private static final int LEAD_TIME = 10;
    private static final int REVIEW = 7;

    @Test
    void purchaseOrdersAndAForecastGiveSuggestionsWhereStockRunsShort() {
        UUID shortProduct = UUID.randomUUID();
        UUID stocked = UUID.randomUUID();
        UUID w1 = UUID.randomUUID();
        UUID w2 = UUID.randomUUID();
        String currency = "Q" + (char) ('A' + ThreadLocalRandom.current().nextInt(26))
                + (char) ('A' + ThreadLocalRandom.current().nextInt(26));
        Instant now = Instant.now();
        LocalDate today = LocalDate.now(ZoneOffset.UTC);

        // An older order, received short, late and dearer: its lead time (20) is not the latest.
        UUID received = UUID.randomUUID();
        PurchaseOrderSnapshot receivedOrder = new PurchaseOrderSnapshot(received, number(), UUID.randomUUID(),
                20, w2, "RECEIVED", currency, today.minusDays(5), new BigDecimal("40.00"), new BigDecimal("36.00"),
                now.minus(20, ChronoUnit.DAYS), now.minus(20, ChronoUnit.DAYS), now.minus(19, ChronoUnit.DAYS),
                now.minus(2, ChronoUnit.DAYS), null,
                List.of(new PurchaseOrderSnapshot.Line(1, shortProduct, 10, 8, new BigDecimal("4.00"),
                        new BigDecimal("36.00"))), 5);
        // The latest order: approved, 6 units on order for w1, its supplier's lead time is L.
        UUID open = UUID.randomUUID();
        PurchaseOrderSnapshot approved = openOrder(open, shortProduct, w1, currency, "APPROVED", 3, now);
        ProducerRecord<String, String> stale = InsightsFixtures.record(
                new PurchaseOrderChanged(openOrder(open, shortProduct, w1, currency, "SUBMITTED", 2, now)));
        List<ProducerRecord<String, String>> records = new ArrayList<>();
        records.add(InsightsFixtures.record(new PurchaseOrderChanged(receivedOrder)));
        records.add(InsightsFixtures.record(new PurchaseOrderChanged(approved)));
        records.add(stale);
        records.add(InsightsFixtures.record(InsightsFixtures.stock(shortProduct, w1, 20, 1)));
        records.add(InsightsFixtures.record(InsightsFixtures.stock(shortProduct, w2, 10, 1)));
        records.add(InsightsFixtures.record(InsightsFixtures.stock(stocked, w1, 500, 1)));
        InsightsFixtures.send(records);
        String staleId = new String(stale.headers().lastHeader("id").value(), StandardCharsets.UTF_8);
        await().atMost(Deadlines.ASYNC).until(() -> DB.count("SELECT COUNT(*) FROM stock_level WHERE product_id IN "
                + "(?, ?)", shortProduct.toString(), stocked.toString()) == 3
                && DB.count("SELECT COUNT(*) FROM processed_event WHERE event_id = ?", staleId) == 1
                && DB.count("SELECT COUNT(*) FROM purchase_order_fact WHERE purchase_order_id = ?",
                received.toString()) == 1);
        assertThat(DB.query("SELECT status, version FROM purchase_order_fact WHERE purchase_order_id = ?",
                open.toString())).as("the older snapshot after the newer one changes nothing")
                .singleElement().satisfies(r -> assertThat(r.get("status")).isEqualTo("APPROVED"));

        JsonPath supply = given().auth().oauth2(BUYER).queryParam("productId", shortProduct.toString())
                .get("/reports/supply").then().statusCode(200).extract().jsonPath().using(DECIMALS);
        assertThat(supply.getInt("onOrder.totalItems")).isEqualTo(1);
        assertThat(supply.getString("onOrder.items[0].warehouseId")).isEqualTo(w1.toString());
        assertThat(supply.getInt("onOrder.items[0].units")).isEqualTo(6);
        assertThat(supply.getString("onOrder.items[0].nextExpectedOn")).isEqualTo(today.plusDays(9).toString());
        Map<String, Object> receipts = supply.getMap("receipts.find { it.currency == '" + currency + "' }");
        assertThat(receipts).containsEntry("orders", 1).containsEntry("units", 8);
        assertThat((BigDecimal) receipts.get("value")).isEqualByComparingTo("36.00");
        Map<String, Object> costs = supply.getMap("variance.costs.find { it.currency == '" + currency + "' }");
        assertThat((BigDecimal) costs.get("orderedValue")).isEqualByComparingTo("40.00");
        assertThat((BigDecimal) costs.get("costVariance")).as("8 units at 4.50 instead of 4.00")
                .isEqualByComparingTo("4.00");
        assertThat(supply.getInt("variance.ordersLate")).isGreaterThanOrEqualTo(1);
        assertThat(supply.getInt("variance.linesShort")).isGreaterThanOrEqualTo(1);
        assertThat(supply.getList("openOrders.findAll { it.currency == '" + currency + "' }.status"))
                .containsExactly("APPROVED");
        given().auth().oauth2(BUYER).get("/reports/supply?days=0").then().statusCode(422)
                .contentType("application/problem+json");
        given().auth().oauth2(TestTokens.forRoles("customer")).get("/reports/supply").then().statusCode(403);

        List<double[]> forecast = forecast();
        UUID forecastRun = completedForecastRun(now, List.of(shortProduct, stocked), forecast, today);

        String firstRun = runReorder();
        JsonPath list = given().auth().oauth2(BUYER).queryParam("productId", shortProduct.toString())
                .get("/reorder/suggestions").then().statusCode(200).extract().jsonPath().using(DECIMALS);
        assertThat(list.getInt("totalItems")).isEqualTo(2);
        double z = new NormalDistribution().inverseCumulativeProbability(0.95);
        for (Object[] c : List.of(new Object[] {w1, 20.0 / 30, 20, 6}, new Object[] {w2, 10.0 / 30, 10, 0})) {
            double share = (double) c[1];
            int available = (int) c[2];
            int onOrder = (int) c[3];
            double demand = 0;
            double variance = 0;
            double cover = 0;
            double tailMean = forecast.subList(HORIZON - 7, HORIZON).stream().mapToDouble(d -> d[0]).average()
                    .orElseThrow();
            for (int day = 0; day < LEAD_TIME + REVIEW; day++) {
                double mean = day < HORIZON ? forecast.get(day)[0] : tailMean;
                cover += mean;
                if (day < LEAD_TIME) {
                    double sigma = (forecast.get(day)[1] - forecast.get(day)[0]) / 1.2816;
                    demand += mean;
                    variance += sigma * sigma;
                }
            }
            double safety = z * Math.sqrt(variance) * share;
            double reorderPoint = demand * share + safety;
            assertThat(available + onOrder).as("the case needs a reorder").isLessThan((int) reorderPoint);
            int quantity = (int) Math.ceil(cover * share + safety - available - onOrder);

            Map<String, Object> s = list.getMap("items.find { it.warehouseId == '" + c[0] + "' }");
            assertThat(s).as(list.prettify()).isNotNull()
                    .containsEntry("runId", firstRun).containsEntry("forecastRunId", forecastRun.toString())
                    .containsEntry("leadTimeDays", LEAD_TIME).containsEntry("leadTimeSource", "SUPPLIER")
                    .containsEntry("available", available).containsEntry("onOrder", onOrder)
                    .containsEntry("suggestedQuantity", quantity);
            assertThat(((BigDecimal) s.get("demandOverLeadTime")).doubleValue()).isCloseTo(demand * share,
                    within(1e-4));
            assertThat(((BigDecimal) s.get("safetyStock")).doubleValue()).isCloseTo(safety, within(1e-4));
            assertThat(((BigDecimal) s.get("reorderPoint")).doubleValue()).isCloseTo(reorderPoint, within(1e-4));

            String id = (String) s.get("id");
            given().auth().oauth2(ANALYST).get("/reorder/suggestions/" + id).then().statusCode(200);
            ReorderSuggested event = EventCodec.data(EventCodec.parse(TopicProbe.await(Topics.INSIGHTS_REORDER,
                    r -> (shortProduct + ":" + c[0]).equals(r.key()) && r.value().contains(id),
                    TopicProbe.DEFAULT_TIMEOUT).value()), ReorderSuggested.TYPE);
            assertThat(event.suggestedQuantity()).isEqualTo(quantity);
            assertThat(event.leadTimeDays()).isEqualTo(LEAD_TIME);
            assertThat(event.onOrder()).isEqualTo(onOrder);
            assertThat(event.forecastRunId()).isEqualTo(forecastRun);
        }
        assertThat(given().auth().oauth2(BUYER).queryParam("productId", stocked.toString())
                .get("/reorder/suggestions").then().statusCode(200).extract().<Integer>path("totalItems"))
                .as("500 on hand cover the demand").isZero();

        runReorder();
        assertThat(DB.count("SELECT COUNT(*) FROM reorder_suggestion WHERE product_id = ?", shortProduct.toString()))
                .as("the same advice within the review period is not repeated").isEqualTo(2);
        given().auth().oauth2(ANALYST).get("/reorder/suggestions/" + UUID.randomUUID()).then().statusCode(404);
        given().auth().oauth2(ANALYST).get("/reorder/suggestions?size=0").then().statusCode(422);
    }

    private static PurchaseOrderSnapshot openOrder(UUID id, UUID product, UUID warehouse, String currency,
                                                   String status, long version, Instant now) {
        Instant written = now.minus(1, ChronoUnit.DAYS);
        return new PurchaseOrderSnapshot(id, number(), UUID.randomUUID(), LEAD_TIME, warehouse, status, currency,
                LocalDate.now(ZoneOffset.UTC).plusDays(9), new BigDecimal("24.00"), new BigDecimal("0.00"), written,
                written, "APPROVED".equals(status) ? now : null, null, null,
                List.of(new PurchaseOrderSnapshot.Line(1, product, 6, 0, new BigDecimal("4.00"),
                        new BigDecimal("0.00"))), version);
    }

    /** A catalog-style number (PO-2026-000123), unique enough for this test. */
    private static String number() {
        return "PO-2099-" + String.format("%06d", ThreadLocalRandom.current().nextInt(1_000_000));
    }

    /** 14 days of rising means and widening 80 % intervals, at the database's 4 decimals: {mean, upper80}. */
    private static List<double[]> forecast() {
        List<double[]> days = new ArrayList<>();
        for (int i = 0; i < HORIZON; i++) {
            double mean = 3 + 0.25 * i;
            double upper = BigDecimal.valueOf(mean + 1.2816 * (1 + 0.1 * i)).setScale(4, RoundingMode.HALF_UP)
                    .doubleValue();
            days.add(new double[] {mean, upper});
        }
        return days;
    }

    /** A completed forecast run, newer than any other, with this forecast for each product. */
    private static UUID completedForecastRun(Instant now, List<UUID> products, List<double[]> days, LocalDate first) {
        UUID run = UUID.randomUUID();
        Timestamp at = Timestamp.from(now);
        DB.update("INSERT INTO analysis_run (id, kind, trigger_type, status, items_done, summary, created_at, "
                + "started_at, finished_at) VALUES (?, 'forecast', 'ON_DEMAND', 'COMPLETED', 0, '{}', ?, ?, ?)",
                run.toString(), at, at, at);
        for (UUID product : products) {
            DB.update("INSERT INTO demand_forecasts (product_id, run_id, model, series_class, history_days, "
                    + "first_day, horizon_days, origins, generated_at) VALUES (?, ?, 'TEST', 'SMOOTH', 90, ?, ?, 0, ?)",
                    product.toString(), run.toString(), Date.valueOf(first), HORIZON, at);
            for (int i = 0; i < days.size(); i++) {
                double mean = days.get(i)[0];
                double upper = days.get(i)[1];
                DB.update("INSERT INTO demand_forecast_point (product_id, day, mean, lower_80, upper_80, lower_95, "
                        + "upper_95) VALUES (?, ?, ?, ?, ?, ?, ?)", product.toString(),
                        Date.valueOf(first.plusDays(i)), mean, Math.max(0, 2 * mean - upper), upper,
                        Math.max(0, 2 * mean - upper - 1), upper + 1);
            }
        }
        return run;
    }

    private static String runReorder() {
        var accepted = given().auth().oauth2(ANALYST).post("/analysis/kinds/reorder/runs");
        assertThat(accepted.statusCode()).as(accepted.asString()).isEqualTo(202);
        String location = accepted.header("Location");
        await().atMost(Deadlines.ASYNC).until(() -> !"RUNNING".equals(given().auth().oauth2(ANALYST).get(location)
                .path("status")));
        JsonPath run = given().auth().oauth2(ANALYST).get(location).then().statusCode(200).extract().jsonPath();
        assertThat(run.getString("status")).as(run.prettify()).isEqualTo("COMPLETED");
        return run.getString("id");
    }
}
