package io.eventcommerce.insights.forecast;

import io.eventcommerce.events.DomainEvent;
import io.eventcommerce.events.orders.OrderPaid;
import io.eventcommerce.events.orders.OrderPlaced;
import io.eventcommerce.insights.InsightsFixtures;
import io.eventcommerce.insights.InsightsFixtures.Item;
import io.eventcommerce.testkit.Database;
import io.eventcommerce.testkit.Deadlines;
import io.eventcommerce.testkit.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.path.json.config.JsonPathConfig;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A forecast run over fresh products with twelve weeks of weekly-patterned daily sales and one with three weeks:
 * the long ones get a 28-day forecast with ordered intervals and a named model, the short one none. Other tests'
 * facts share the schema, so the category and total levels (which include them) are checked for shape only.
 */
@QuarkusTest
class ForecastIT {

    private static final String ANALYST = TestTokens.forRoles("analyst");
    private static final JsonPathConfig DECIMALS = new JsonPathConfig(JsonPathConfig.NumberReturnType.BIG_DECIMAL);
    private static final int DAYS = 84;
    private static final int SHORT_DAYS = 21;

    @Test
    void aRunForecastsProductsWithEnoughHistoryCategoriesAndTheTotal() {
        UUID category = UUID.randomUUID();
        UUID a = UUID.randomUUID();
        UUID b = UUID.randomUUID();
        UUID shortLived = UUID.randomUUID();
        UUID customer = UUID.randomUUID();
        List<DomainEvent> events = new ArrayList<>();
        events.add(InsightsFixtures.product(a, category, "10.00", "6.00"));
        events.add(InsightsFixtures.product(b, category, "20.00", "12.00"));
        events.add(InsightsFixtures.product(shortLived, category, "5.00", "3.00"));
        LocalDate yesterday = LocalDate.now(ZoneOffset.UTC).minusDays(1);
        for (int d = DAYS - 1; d >= 0; d--) {
            LocalDate day = yesterday.minusDays(d);
            boolean weekend = day.getDayOfWeek().getValue() >= 6;
            List<Item> items = new ArrayList<>();
            items.add(Item.of(a, (weekend ? 12 : 5) + d % 3, "10.00"));
            items.add(Item.of(b, (weekend ? 1 : 4) + d % 2, "20.00"));
            if (d < SHORT_DAYS) {
                items.add(Item.of(shortLived, 2, "5.00"));
            }
            OrderPlaced order = InsightsFixtures.order(customer, "WEB", "DE",
                    day.atTime(10, 0).toInstant(ZoneOffset.UTC), "0.00", items.toArray(Item[]::new));
            events.add(order);
            events.add(new OrderPaid(order.orderId(), customer, UUID.randomUUID(), order.total(), "EUR",
                    order.placedAt().plusSeconds(120)));
        }
        InsightsFixtures.send(events.toArray(DomainEvent[]::new));
        Database db = Database.of("insights");
        await().atMost(Deadlines.ASYNC).until(() -> db.count("""
                SELECT COUNT(*) FROM order_fact f JOIN order_line_fact l ON l.order_id = f.order_id
                WHERE l.product_id = ? AND f.paid_at IS NOT NULL""", a.toString()) == DAYS
                && db.count("SELECT COUNT(*) FROM product WHERE product_id = ?", shortLived.toString()) == 1);

        var accepted = given().auth().oauth2(ANALYST).post("/analysis/kinds/forecast/runs");
        assertThat(accepted.statusCode()).as(accepted.asString()).isEqualTo(202);
        String location = accepted.header("Location");
        String runId = accepted.path("id");
        await().atMost(Deadlines.ASYNC).until(() -> !"RUNNING".equals(given().auth().oauth2(ANALYST).get(location)
                .path("status")));
        JsonPath run = given().auth().oauth2(ANALYST).get(location).then().statusCode(200).extract().jsonPath();
        assertThat(run.getString("status")).as(run.prettify()).isEqualTo("COMPLETED");
        assertThat(run.getInt("summary.product.forecast")).isGreaterThanOrEqualTo(2);
        assertThat(run.getInt("summary.product.skipped")).isGreaterThanOrEqualTo(1);
        // a and b come with their price and promotion covariates; categories and the total never do
        assertThat(run.getInt("summary.product.withCovariates")).isGreaterThanOrEqualTo(2);
        assertThat(run.getInt("summary.category.withCovariates")).isZero();
        assertThat(run.getInt("summary.total.withCovariates")).isZero();

        for (UUID product : List.of(a, b)) {
            JsonPath f = given().auth().oauth2(ANALYST).get("/forecasts/products/" + product).then().statusCode(200)
                    .extract().jsonPath().using(DECIMALS);
            assertThat(f.getString("runId")).isEqualTo(runId);
            assertThat(f.getString("model")).isNotBlank();
            assertThat(f.getString("generatedAt")).isNotNull();
            assertThat(f.<Object>getList("history")).hasSize(90);
            assertThat(f.getList("history.value", BigDecimal.class).stream().mapToInt(BigDecimal::intValue).sum())
                    .isPositive();
            List<Map<String, Object>> points = f.getList("forecast");
            assertThat(points).hasSize(28);
            assertThat(points.get(0).get("day")).isEqualTo(yesterday.plusDays(1).toString());
            for (Map<String, Object> p : points) {
                BigDecimal l95 = (BigDecimal) p.get("lower95");
                BigDecimal l80 = (BigDecimal) p.get("lower80");
                BigDecimal mean = (BigDecimal) p.get("value");
                BigDecimal u80 = (BigDecimal) p.get("upper80");
                BigDecimal u95 = (BigDecimal) p.get("upper95");
                assertThat(l95).as("%s", p).isLessThanOrEqualTo(l80);
                assertThat(l80).as("%s", p).isLessThanOrEqualTo(mean);
                assertThat(mean).as("%s", p).isLessThanOrEqualTo(u80);
                assertThat(u80).as("%s", p).isLessThanOrEqualTo(u95);
            }
        }
        given().auth().oauth2(ANALYST).get("/forecasts/products/" + shortLived).then().statusCode(404)
                .contentType("application/problem+json");

        JsonPath cat = given().auth().oauth2(TestTokens.forRoles("catalog-manager"))
                .get("/forecasts/categories/" + category).then().statusCode(200).extract().jsonPath();
        assertThat(cat.<Object>getList("forecast")).hasSize(28);
        assertThat(cat.getString("scope")).isEqualTo("CATEGORY");
        JsonPath total = given().auth().oauth2(TestTokens.forRoles("admin")).get("/forecasts/total").then()
                .statusCode(200).extract().jsonPath();
        assertThat(total.<Object>getList("forecast")).hasSize(28);
        assertThat(total.getString("model")).isNotBlank();
        JsonPath list = given().auth().oauth2(ANALYST).queryParam("sort", "mase").queryParam("size", 100)
                .get("/forecasts/products").then().statusCode(200).extract().jsonPath();
        assertThat(list.getInt("totalItems")).isGreaterThanOrEqualTo(2);
        given().auth().oauth2(ANALYST).queryParam("sort", "nonsense").get("/forecasts/products").then()
                .statusCode(422);

        given().auth().oauth2(TestTokens.forRoles("customer")).get("/forecasts/products/" + a).then()
                .statusCode(403);
        given().get("/forecasts/total").then().statusCode(401);
    }
}
