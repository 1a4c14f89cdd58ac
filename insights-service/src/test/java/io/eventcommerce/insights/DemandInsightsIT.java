package io.eventcommerce.insights;

import io.eventcommerce.events.DomainEvent;
import io.eventcommerce.events.orders.OrderPaid;
import io.eventcommerce.events.orders.OrderPlaced;
import io.eventcommerce.insights.InsightsFixtures.Item;
import io.eventcommerce.insights.pricing.SteppedDemand;
import io.eventcommerce.testkit.Database;
import io.eventcommerce.testkit.Deadlines;
import io.eventcommerce.testkit.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The Demand Insights Engine end to end: this test's customers and products sold over six weeks, then the
 * customer-value, elasticity and trends runs and their APIs. The fits run over every customer in the schema, so
 * only ranges and this test's rows are asserted.
 */
@QuarkusTest
class DemandInsightsIT {

    private static final String ANALYST = TestTokens.forRoles("analyst");
    private static final int CONSTANT_DAYS = 35;

    private static JsonPath get(String path) {
        return given().auth().oauth2(ANALYST).get(path).then().statusCode(200).extract().jsonPath();
    }

    private static JsonPath runToCompletion(String kind) {
        String location = given().auth().oauth2(ANALYST).post("/analysis/kinds/" + kind + "/runs").then().statusCode(202)
                .extract().header("Location");
        await().atMost(Deadlines.ASYNC).until(() -> !"RUNNING".equals(get(location).getString("status")));
        JsonPath run = get(location);
        assertThat(run.getString("status")).as(run.prettify()).isEqualTo("COMPLETED");
        return run;
    }

    private static void paidOrder(List<DomainEvent> events, UUID customer, Instant at, Item item) {
        OrderPlaced placed = InsightsFixtures.order(customer, "WEB", "DE", at, "0", item);
        events.add(placed);
        events.add(new OrderPaid(placed.orderId(), customer, UUID.randomUUID(), placed.total(), "EUR",
                at.plusSeconds(120)));
    }

    @Test
    void customerValuesElasticitiesAndTrendsComeFromTheCountedSales() {
        UUID stepped = UUID.randomUUID();
        UUID constant = UUID.randomUUID();
        UUID category = UUID.randomUUID();
        UUID loyal = UUID.randomUUID();
        UUID regular = UUID.randomUUID();
        UUID once = UUID.randomUUID();
        Instant today = Instant.now().truncatedTo(ChronoUnit.DAYS).plus(12, ChronoUnit.HOURS);
        List<DomainEvent> events = new ArrayList<>();
        events.add(InsightsFixtures.product(stepped, category, "9.00", "3.00"));
        events.add(InsightsFixtures.product(constant, category, "10.00", "4.00"));
        for (int i = 0; i < SteppedDemand.DAYS; i++) {
            paidOrder(events, loyal, today.minus(i + 1, ChronoUnit.DAYS),
                    Item.of(stepped, SteppedDemand.units(i), SteppedDemand.price(i) + ".00"));
        }
        for (int i = 0; i < CONSTANT_DAYS; i++) {
            paidOrder(events, regular, today.minus(i + 1, ChronoUnit.DAYS), Item.of(constant, 5 + i % 4, "10.00"));
        }
        paidOrder(events, once, today.minus(50, ChronoUnit.DAYS), Item.of(constant, 1, "10.00"));
        InsightsFixtures.send(events.toArray(DomainEvent[]::new));
        Database db = Database.of("insights");
        int orders = SteppedDemand.DAYS + CONSTANT_DAYS + 1;
        await().atMost(Deadlines.ASYNC).until(() -> db.count("SELECT COUNT(*) FROM order_fact WHERE paid_at IS NOT "
                + "NULL AND customer_id IN (?, ?, ?)", loyal.toString(), regular.toString(), once.toString())
                == orders);

        // Customer value: fitted parameters in the summary, sane figures for this test's customers.
        JsonPath clvRun = runToCompletion("customer-value");
        assertThat(clvRun.getInt("summary.customers")).isGreaterThanOrEqualTo(3);
        assertThat(clvRun.getDouble("summary.bgNbd.r")).isPositive();
        assertThat(clvRun.getDouble("summary.gammaGamma.p")).isPositive();
        assertThat(clvRun.getLong("summary.fitMs")).isNotNegative();
        for (UUID customer : List.of(loyal, regular, once)) {
            JsonPath value = get("/customers/" + customer + "/value");
            assertThat(value.getDouble("probabilityAlive")).isBetween(0.0, 1.0);
            assertThat(value.getDouble("value")).isGreaterThanOrEqualTo(0.0);
            assertThat(value.getDouble("expectedPurchases")).isGreaterThanOrEqualTo(0.0);
            assertThat(value.getString("rfm")).matches("[1-5]{3}");
            assertThat(value.getString("segment")).isNotBlank();
        }
        JsonPath loyalValue = get("/customers/" + loyal + "/value");
        assertThat(loyalValue.getInt("frequency")).isEqualTo(SteppedDemand.DAYS - 1);
        assertThat(loyalValue.getInt("orders")).isEqualTo(SteppedDemand.DAYS);
        assertThat(get("/customers/" + once + "/value").getInt("frequency")).isZero();
        // A customer who bought on 42 days, the last yesterday, is worth more than one who bought once 50 days ago.
        assertThat(loyalValue.getDouble("value")).isGreaterThan(get("/customers/" + once + "/value")
                .getDouble("value"));
        List<Map<String, Object>> segments = get("/customers/segments").getList("$");
        assertThat(segments).isNotEmpty();
        assertThat(segments.stream().mapToDouble(s -> ((Number) s.get("customerShare")).doubleValue()).sum())
                .isBetween(0.99, 1.01);
        JsonPath page = get("/customers/value?sort=probabilityAlive&size=5");
        assertThat(page.getList("items")).hasSizeLessThanOrEqualTo(5);
        given().auth().oauth2(ANALYST).get("/customers/" + UUID.randomUUID() + "/value").then().statusCode(404);
        given().auth().oauth2(ANALYST).get("/customers/value?sort=nonsense").then().statusCode(422)
                .contentType("application/problem+json");
        given().auth().oauth2(TestTokens.forRoles("catalog-manager")).get("/customers/segments").then()
                .statusCode(403);

        // Elasticity: -1.5 within the interval of the stepped product; the constant price has too little variation.
        runToCompletion("elasticity");
        JsonPath elastic = get("/pricing/elasticity/" + stepped);
        assertThat(elastic.getString("status")).isEqualTo("ESTIMATED");
        assertThat(elastic.getInt("observations")).isEqualTo(SteppedDemand.DAYS);
        assertThat(elastic.getDouble("lower")).isLessThanOrEqualTo(-1.5);
        assertThat(elastic.getDouble("upper")).isGreaterThanOrEqualTo(-1.5);
        JsonPath flat = get("/pricing/elasticity/" + constant);
        assertThat(flat.getString("status")).isEqualTo("NOT_ENOUGH_VARIATION");
        assertThat(flat.getString("elasticity")).isNull();
        assertThat(get("/pricing/elasticity?status=NOT_ENOUGH_VARIATION&size=100").getList("items.status"))
                .containsOnly("NOT_ENOUGH_VARIATION");
        given().auth().oauth2(ANALYST).get("/pricing/elasticity/" + UUID.randomUUID()).then().statusCode(404);

        // Trends: this test's product, its category and its region are tested.
        JsonPath trendRun = runToCompletion("trends");
        assertThat(trendRun.getInt("summary.tested")).isGreaterThanOrEqualTo(3);
        List<Map<String, Object>> product = get("/trends/PRODUCT/" + stepped).getList("$");
        assertThat(product).extracting(t -> t.get("metric")).containsExactly("UNITS", "REVENUE");
        assertThat((Integer) product.get(0).get("weeks")).isBetween(4, 7);
        assertThat(((Number) product.get(0).get("total")).doubleValue())
                .isPositive().isLessThanOrEqualTo(sumOfUnits());
        assertThat(((Number) product.get(0).get("pValue")).doubleValue()).isBetween(0.0, 1.0);
        assertThat(product.get(0).get("direction")).isIn("GROWTH", "DECLINE", "NO_TREND");
        assertThat(get("/trends/CATEGORY/" + category).getList("metric")).containsExactly("UNITS", "REVENUE");
        String europe = get("/trends/REGION/EU").getString("find { it.metric == 'UNITS' }.direction");
        JsonPath regions = get("/trends?level=REGION&direction=" + europe);
        assertThat(regions.getList("items.direction")).containsOnly(europe);
        assertThat(regions.getList("items.key")).contains("EU");
        given().auth().oauth2(ANALYST).get("/trends?level=CITY").then().statusCode(422)
                .contentType("application/problem+json");
        given().auth().oauth2(ANALYST).get("/trends/PRODUCT/" + UUID.randomUUID()).then().statusCode(404);
    }

    private static double sumOfUnits() {
        double total = 0;
        for (int i = 0; i < SteppedDemand.DAYS; i++) {
            total += SteppedDemand.units(i);
        }
        return total;
    }
}
