package io.eventcommerce.insights.market;

import io.eventcommerce.events.DomainEvent;
import io.eventcommerce.events.orders.OrderPaid;
import io.eventcommerce.events.orders.OrderPlaced;
import io.eventcommerce.insights.InsightsFixtures;
import io.eventcommerce.insights.InsightsFixtures.Item;
import io.eventcommerce.insights.market.domain.PeriodKind;
import io.eventcommerce.insights.market.domain.RegionalRows;
import io.eventcommerce.testkit.Database;
import io.eventcommerce.testkit.Deadlines;
import io.eventcommerce.testkit.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

/**
 * The Global Market Pulse end to end on two countries no other test sells to (IS, MT; both in region OTHER) and two
 * fresh categories: the regional figures of every stored period against the ones computed here from the orders sent,
 * and the opportunities: MT buys category X growing (+100 % over the 28 days before, +200 % on a year earlier) and
 * less of it than of everything (MT's own category Y dwarfs every other test's sales), IS buys more of X, flat.
 * Competitors in OTHER price X's product above us (the price position component); nobody watches Y (neutral).
 */
@QuarkusTest
class MarketPulseIT {

    private static final String ANALYST = TestTokens.forRoles("analyst");

    private record Sale(String country, UUID customer, LocalDate day, double net) {
    }

    private final List<Sale> sales = new ArrayList<>();
    private final List<DomainEvent> events = new ArrayList<>();
    private final Instant noon = Instant.now().truncatedTo(ChronoUnit.DAYS).plus(12, ChronoUnit.HOURS);

    private static JsonPath get(String path) {
        return given().auth().oauth2(ANALYST).get(path).then().statusCode(200).extract().jsonPath();
    }

    private void paid(String country, UUID customer, int daysAgo, UUID product, String amount) {
        Instant at = noon.minus(daysAgo, ChronoUnit.DAYS);
        OrderPlaced placed = InsightsFixtures.order(customer, "WEB", country, at, "0", Item.of(product, 1, amount));
        events.add(placed);
        events.add(new OrderPaid(placed.orderId(), customer, UUID.randomUUID(), placed.total(), "EUR",
                at.plusSeconds(60)));
        sales.add(new Sale(country, customer, at.atOffset(ZoneOffset.UTC).toLocalDate(), Double.parseDouble(amount)));
    }

    @Test
    void regionalFiguresAndRankedOpportunitiesComeFromTheCountedSales() {
        UUID categoryX = UUID.randomUUID();
        UUID categoryY = UUID.randomUUID();
        UUID productX = UUID.randomUUID();
        UUID productY = UUID.randomUUID();
        UUID is1 = UUID.randomUUID();
        UUID is2 = UUID.randomUUID();
        UUID mt1 = UUID.randomUUID();
        UUID mt2 = UUID.randomUUID();
        events.add(InsightsFixtures.product(productX, categoryX, "100.00", "50.00"));
        events.add(InsightsFixtures.product(productY, categoryY, "100.00", "50.00"));
        // IS x X: 4,000 in the last 28 days and 4,000 in the 28 before (flat), nothing a year earlier.
        paid("IS", is1, 3, productX, "2000.00");
        paid("IS", is2, 10, productX, "2000.00");
        paid("IS", is1, 31, productX, "2000.00");
        paid("IS", is2, 40, productX, "2000.00");
        // MT x X: 3,000 now, 1,500 in the 28 days before, 1,000 in the same 28 days 52 weeks earlier.
        paid("MT", mt1, 5, productX, "3000.00");
        paid("MT", mt1, 35, productX, "1500.00");
        paid("MT", mt2, 370, productX, "1000.00");
        // MT x Y: MT is most of all revenue, so its 42.9 % of category X is under its share of everything.
        paid("MT", mt2, 6, productY, "5000000.00");
        InsightsFixtures.send(events.toArray(DomainEvent[]::new));
        Database db = Database.of("insights");
        await().atMost(Deadlines.ASYNC).until(() -> db.count("SELECT COUNT(*) FROM order_fact WHERE paid_at IS NOT "
                + "NULL AND customer_id IN (?, ?, ?, ?)", is1.toString(), is2.toString(), mt1.toString(),
                mt2.toString()) == sales.size() && db.count("SELECT COUNT(*) FROM product WHERE product_id IN (?, ?)",
                productX.toString(), productY.toString()) == 2);

        // Competitors in OTHER sell X's product at 90 and 160 (mean 125): we are 20 % below, one undercuts us.
        // Nobody watches Y.
        String tag = UUID.randomUUID().toString().substring(0, 8);
        String sku = "SKU-" + productX.toString().substring(0, 8);
        String observed = Instant.now().minus(2, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS).toString();
        given().auth().oauth2(ANALYST).contentType("application/json").body(List.of(
                Map.of("competitor", "MpLow-" + tag, "country", "IS", "sku", sku, "price", "90.00",
                        "currency", "USD", "observedAt", observed),
                Map.of("competitor", "MpHigh-" + tag, "country", "MT", "sku", sku, "price", "160.00",
                        "currency", "USD", "observedAt", observed)))
                .post("/competitors/prices").then().statusCode(200);
        String analysis = given().auth().oauth2(ANALYST).post("/analysis/kinds/competitor-analysis/runs").then()
                .statusCode(202).extract().header("Location");
        await().atMost(Deadlines.ASYNC).until(() -> !"RUNNING".equals(get(analysis).getString("status")));
        assertThat(get(analysis).getString("status")).isEqualTo("COMPLETED");

        String location = given().auth().oauth2(ANALYST).post("/analysis/kinds/market-pulse/runs").then()
                .statusCode(202).extract().header("Location");
        await().atMost(Deadlines.ASYNC).until(() -> !"RUNNING".equals(get(location).getString("status")));
        JsonPath run = get(location);
        assertThat(run.getString("status")).as(run.prettify()).isEqualTo("COMPLETED");
        assertThat(run.getList("summary.components")).containsExactly("size", "growth", "penetration",
                "pricePosition");
        assertThat(run.getInt("summary.regionalRows")).isPositive();

        // Every stored period of both countries, as computed here.
        for (PeriodKind kind : PeriodKind.values()) {
            for (String country : List.of("IS", "MT")) {
                if (!soldInStoredPeriods(country, kind)) {
                    // IS sold in no complete year yet: the run stores no year of it.
                    given().auth().oauth2(ANALYST).get("/market/countries/" + country + "?period=" + kind).then()
                            .statusCode(404);
                    continue;
                }
                JsonPath series = get("/market/countries/" + country + "?period=" + kind);
                assertThat(series.getString("region")).isEqualTo("OTHER");
                assertThat(series.getList("series.currency")).containsExactly("EUR");
                List<Map<String, Object>> points = series.getList("series[0].points");
                assertThat(points).isNotEmpty();
                double stored = 0;
                for (Map<String, Object> point : points) {
                    LocalDate start = LocalDate.parse((String) point.get("day"));
                    String what = kind + " " + country + " " + start;
                    double revenue = revenue(country, kind, start);
                    stored += revenue;
                    assertThat(number(point.get("value"))).as(what).isCloseTo(revenue, within(0.005));
                    assertThat(point.get("orders")).as(what).isEqualTo(orders(country, kind, start));
                    assertThat(point.get("customers")).as(what).isEqualTo(customers(country, kind, start));
                    assertGrowth(point.get("growth"), revenue, revenue(country, kind, kind.plus(start, -1)), what);
                    assertGrowth(point.get("growthYearOverYear"), revenue,
                            revenue(country, kind, kind.yearEarlier(start)), what);
                }
                assertThat(stored).as(kind + " " + country + " has sales in a stored period").isPositive();
            }
        }

        // The last complete month: both countries under OTHER, their share of the month's EUR total.
        LocalDate month = PeriodKind.MONTH.lastComplete(noon.atOffset(ZoneOffset.UTC).toLocalDate());
        JsonPath regions = get("/market/regions?period=month&day=" + month);
        assertThat(regions.getString("periodStart")).isEqualTo(month.toString());
        double total = regions.getDouble("totals.find { it.currency == 'EUR' }.figures.revenue");
        List<Map<String, Object>> countries = regions.getList(
                "regions.find { it.region == 'OTHER' && it.currency == 'EUR' }.countries");
        for (String country : List.of("IS", "MT")) {
            double revenue = revenue(country, PeriodKind.MONTH, month);
            Map<?, ?> row = countries.stream().filter(c -> country.equals(c.get("country"))).findFirst()
                    .map(c -> (Map<?, ?>) c.get("figures")).orElse(null);
            if (revenue == 0) {
                continue;
            }
            assertThat(row).as(country + " in OTHER").isNotNull();
            assertThat(number(row.get("revenue"))).isCloseTo(revenue, within(0.005));
            assertThat(number(row.get("averageOrderValue"))).isCloseTo(revenue
                    / orders(country, PeriodKind.MONTH, month), within(0.005));
            assertThat(number(row.get("shareOfTotal"))).isCloseTo(revenue / total, close(revenue / total));
        }

        // Opportunities: the growing, under-penetrated MT x X above the flat, over-penetrated IS x X.
        JsonPath mt = get("/market/opportunities?country=MT&categoryId=" + categoryX);
        JsonPath is = get("/market/opportunities?country=is&categoryId=" + categoryX);
        assertThat(mt.getList("items")).hasSize(1);
        assertThat(is.getList("items")).hasSize(1);
        assertThat(mt.getInt("items[0].rank")).isLessThan(is.getInt("items[0].rank"));
        assertThat(mt.getDouble("items[0].score")).isGreaterThan(is.getDouble("items[0].score"));
        assertThat(mt.getDouble("items[0].revenue")).isEqualTo(3000.0);
        assertThat(mt.getDouble("items[0].growth")).isEqualTo(1.0);
        assertThat(mt.getDouble("items[0].penetrationIndex")).isLessThan(1.0);
        assertThat(is.getDouble("items[0].growth")).isEqualTo(0.0);
        assertThat(is.getDouble("items[0].penetrationIndex")).isGreaterThan(1.0);
        assertThat(mt.getString("items[0].explanation")).startsWith("Category " + categoryX + " in MT: 3,000.00 EUR "
                + "in the last 28 days (42.9 % of the category)").contains("growing 100.0 % over the previous 28 days",
                "+200.0 % year over year", "under-penetrated (MT is ", "= size ", " × growth 0.982 × penetration ");
        assertThat(is.getString("items[0].explanation")).contains("4,000.00 EUR in the last 28 days (57.1 % of the "
                + "category)", "flat over the previous 28 days", "no sales in the same days a year earlier",
                "over-penetrated (IS is ");

        // Price position: X in OTHER 100 / 125 for both countries and the region, scored 1 / (1 + 0.8^4); Y neutral.
        double cheaper = 1 / (1 + Math.pow(0.8, 4));
        for (JsonPath x : List.of(mt, is)) {
            assertThat(x.getDouble("items[0].pricePosition")).isCloseTo(0.8, close(0.8));
            assertThat(x.getDouble("items[0].pricePositionScore")).isCloseTo(cheaper, close(cheaper));
            assertThat(x.getString("items[0].explanation")).contains("; priced 20.0 % below competitors in OTHER "
                    + "(index 0.800, 1 product, 1 undercut; price position 0.709).", " × pricePosition 0.709.");
        }
        JsonPath y = get("/market/opportunities?country=MT&categoryId=" + categoryY);
        assertThat(y.getString("items[0].pricePosition")).isNull();
        assertThat(y.getDouble("items[0].pricePositionScore")).isEqualTo(0.5);
        assertThat(y.getString("items[0].explanation")).contains("no competitor prices in OTHER for the category "
                + "(price position 0.500, neutral)");

        JsonPath detail = get("/market/opportunities/" + mt.getString("items[0].id"));
        assertThat(detail.getDouble("figures.revenue")).isEqualTo(3000.0);
        assertThat(detail.getDouble("figures.previousRevenue")).isEqualTo(1500.0);
        assertThat(detail.getDouble("figures.yearAgoRevenue")).isEqualTo(1000.0);
        assertThat(detail.getDouble("figures.categoryRevenue")).isEqualTo(7000.0);
        assertThat(detail.getDouble("figures.marketRevenue")).isEqualTo(5_003_000.0);
        double marketShare = detail.getDouble("figures.marketShare");
        assertThat(detail.getDouble("figures.penetrationIndex")).isCloseTo(3000.0 / 7000 / marketShare,
                close(3000.0 / 7000 / marketShare));
        assertThat(detail.getList("figures.components.name")).containsExactly("size", "growth", "penetration",
                "pricePosition");
        assertThat(detail.getString("figures.components[3].inputs.competitorAnalysisRunId"))
                .isEqualTo(get(analysis).getString("id"));
        assertThat(detail.getInt("figures.components[3].inputs.undercut")).isEqualTo(1);
        double product = 1;
        for (Object score : detail.getList("figures.components.score")) {
            product *= number(score);
        }
        assertThat(detail.getDouble("opportunity.score")).isCloseTo(product, close(product));
        assertThat(detail.getString("runId")).isEqualTo(run.getString("id"));
        JsonPath region = get("/market/opportunities?level=REGION&region=OTHER&categoryId=" + categoryX);
        assertThat(region.getList("items.market")).containsExactly("OTHER");
        assertThat(region.getDouble("items[0].revenue")).isEqualTo(7000.0);

        // Bad input is 422, an unknown id 404, another role 403.
        for (String bad : List.of("/market/regions?period=quarter", "/market/countries/XX", "/market/countries/1S",
                "/market/countries/IS?period=day", "/market/regions?day=yesterday",
                "/market/opportunities?region=MARS", "/market/opportunities?categoryId=nope")) {
            given().auth().oauth2(ANALYST).get(bad).then().statusCode(422).contentType("application/problem+json");
        }
        given().auth().oauth2(ANALYST).get("/market/opportunities/" + UUID.randomUUID()).then().statusCode(404);
        given().auth().oauth2(TestTokens.forRoles("catalog-manager")).get("/market/regions").then().statusCode(403);
    }

    private static void assertGrowth(Object actual, double revenue, double base, String what) {
        if (base == 0) {
            assertThat(actual).as(what + " growth from nothing").isNull();
        } else {
            assertThat(number(actual)).as(what + " growth").isCloseTo(revenue / base - 1, close(revenue / base - 1));
        }
    }

    /** Whether a sale of the country falls in the periods the run stores (the configured number of them). */
    private boolean soldInStoredPeriods(String country, PeriodKind kind) {
        LocalDate today = noon.atOffset(ZoneOffset.UTC).toLocalDate();
        int periods = ConfigProvider.getConfig().getValue("insights.analysis.market-pulse."
                + kind.name().toLowerCase(java.util.Locale.ROOT) + "s", Integer.class);
        LocalDate first = RegionalRows.firstPeriod(kind, today, periods);
        return sales.stream().anyMatch(s -> s.country().equals(country) && !s.day().isBefore(first)
                && s.day().isBefore(kind.start(today)));
    }

    private List<Sale> in(String country, PeriodKind kind, LocalDate start) {
        return sales.stream().filter(s -> s.country().equals(country) && kind.start(s.day()).equals(start)).toList();
    }

    private double revenue(String country, PeriodKind kind, LocalDate start) {
        return in(country, kind, start).stream().mapToDouble(Sale::net).sum();
    }

    private int orders(String country, PeriodKind kind, LocalDate start) {
        return in(country, kind, start).size();
    }

    private int customers(String country, PeriodKind kind, LocalDate start) {
        Set<UUID> customers = new HashSet<>();
        in(country, kind, start).forEach(s -> customers.add(s.customer()));
        return customers.size();
    }

    /** RestAssured reads JSON numbers as floats: about seven digits. */
    private static org.assertj.core.data.Offset<Double> close(double expected) {
        return within(Math.max(1e-6, Math.abs(expected) * 1e-5));
    }

    private static double number(Object value) {
        return ((Number) value).doubleValue();
    }
}
