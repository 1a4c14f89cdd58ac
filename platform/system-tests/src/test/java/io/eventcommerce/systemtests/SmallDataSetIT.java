package io.eventcommerce.systemtests;

import io.eventcommerce.devstack.PlatformService;
import io.eventcommerce.devstack.datagen.ConsumerLag;
import io.eventcommerce.devstack.datagen.DataGenerator;
import io.eventcommerce.devstack.datagen.Scale;
import io.eventcommerce.testkit.Database;
import io.eventcommerce.testkit.Deadlines;
import io.eventcommerce.testkit.TestTokens;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import org.apache.kafka.clients.admin.Admin;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.PrintWriter;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Issue 11's check of the read models against the sources: the small generated data set (the real generator,
 * through the services' APIs, seed 42) loaded into the running platform, then every insights read model compared
 * with totals computed independently by SQL on orders-service's and catalog-service's own tables; then the same after
 * a rebuild of the read models from the topics; then the elasticity analysis against the generator's true
 * elasticities. Only the generator's rows are compared (its SKUs, {@value #SKUS}, mark its products and, through
 * their lines, its orders): the module's other tests share the stack. Where a read model is an aggregate over every
 * order (daily_sales), the other tests' orders, as insights' own order facts give them, are taken out first.
 */
class SmallDataSetIT {

    private static final long SEED = 42;
    /** The generator's SKUs, GEN-&lt;seed&gt;-00000 ... (Synthesis). */
    private static final String SKUS = "GEN-42-%";
    private static final String ADMIN = TestTokens.forRoles("admin");
    private static final String ANALYST = TestTokens.forRoles("analyst");
    private static final Path OUT = Path.of("target", "smalldata");
    /**
     * How many of the true elasticities must lie in their 95 % interval. Each covers it with probability 0.95 if the
     * estimator is right, so the share covered is binomial: with 10 estimates P(share &lt; 0.8) is about 1 %, with
     * 30 about 0.02 %; a biased estimator or an interval half as wide as it should be falls well below it.
     */
    private static final double COVERAGE = 0.8;
    /**
     * The fewest estimates on which a share covered says anything (see {@link #COVERAGE}). The small data set has
     * about 12 order lines a year per product, so the job (30 selling days in its 365-day window) can estimate only
     * the best sellers; the generator varies the price of each of its 20 best sellers (PriceSchedule.BEST_SELLERS)
     * so that these are estimated. Below this the coverage is measured and written to target/smalldata/report.txt,
     * and the test fails: the check must not pass by having nothing to check.
     */
    private static final int MIN_ESTIMATES = 10;

    // orders-service: an order of the generator, paid (a payment was captured, perhaps refunded since), undone.
    private static final String GENERATED = "EXISTS (SELECT 1 FROM order_item gi WHERE gi.order_id = o.id AND gi.sku"
            + " LIKE '" + SKUS + "')";
    private static final String PAID = "EXISTS (SELECT 1 FROM payment p WHERE p.order_id = o.id AND p.status IN "
            + "('CAPTURED', 'REFUNDED'))";
    private static final String UNDONE = "o.status IN ('RETURNED', 'CANCELLED')";
    // insights-service: an order fact of the generator, as insights knows its products.
    private static final String FACT_GENERATED = "EXISTS (SELECT 1 FROM order_line_fact gl JOIN product gp ON "
            + "gp.product_id = gl.product_id WHERE gl.order_id = f.order_id AND gp.sku LIKE '" + SKUS + "')";

    private final Map<String, Long> timings = new LinkedHashMap<>();

    @Test
    void readModelsEqualTheSourcesBeforeAndAfterARebuildAndElasticitiesCoverTheTruth() throws IOException {
        long started = System.nanoTime();
        Platform.services();
        phase("platform", started);

        long t = System.nanoTime();
        DataGenerator.Summary summary;
        Files.createDirectories(OUT);
        try (PrintWriter log = new PrintWriter(Files.newBufferedWriter(OUT.resolve("generator.log")), true)) {
            summary = new DataGenerator(uri(PlatformService.CATALOG), uri(PlatformService.ORDERS), log, OUT)
                    .generate(Scale.SMALL, SEED);
        }
        phase("generate", t);
        assertThat(summary.counts().get("orders")).isPositive();

        t = System.nanoTime();
        awaitCaughtUp("catalog-service");
        awaitCaughtUp("insights-service");
        phase("catch up", t);

        t = System.nanoTime();
        Map<String, Integer> compared = awaitSameTotals("after the load");
        phase("compare", t);

        t = System.nanoTime();
        Instant requested = Instant.now();
        insights(ADMIN).post("/admin/read-models/rebuild").then().statusCode(202);
        JsonPath rebuilt = await().atMost(Deadlines.ASYNC.multipliedBy(3)).pollInterval(Duration.ofSeconds(1))
                .until(() -> insights(ADMIN).get("/admin/read-models/rebuild").then().statusCode(200).extract()
                        .jsonPath(), s -> !"RUNNING".equals(s.getString("status"))
                        && s.getString("finishedAt") != null
                        && !Instant.parse(s.getString("finishedAt")).isBefore(requested));
        assertThat(rebuilt.getString("status")).as("rebuild: %s", rebuilt.prettify()).isEqualTo("DONE");
        phase("rebuild", t);

        t = System.nanoTime();
        awaitSameTotals("after the rebuild");
        phase("compare again", t);

        t = System.nanoTime();
        String elasticity = elasticities();
        phase("elasticity", t);
        phase("total", started);

        String report = String.format(Locale.ROOT, "Loaded: %s%nRows compared (source side): %s%nRebuild: %s events"
                        + " applied, %s skipped%n%s%nTimes (s): %s%n", summary.counts(), compared,
                rebuilt.getString("eventsApplied"), rebuilt.getString("eventsSkipped"), elasticity,
                timings.entrySet().stream().map(e -> e.getKey() + " " + String.format(Locale.ROOT, "%.1f",
                        e.getValue() / 1000.0)).collect(Collectors.joining(", ")));
        Files.writeString(OUT.resolve("report.txt"), report);
        System.out.println(report);
    }

    /** Every comparison at once, awaited: a consumer may still be applying the last events. */
    private Map<String, Integer> awaitSameTotals(String when) {
        Map<String, Integer> sizes = new LinkedHashMap<>();
        await().atMost(Deadlines.ASYNC).pollInterval(Duration.ofSeconds(2)).untilAsserted(() -> {
            List<String> differences = new ArrayList<>();
            for (Comparison c : comparisons()) {
                List<String> expected = rows(c.source, c.sourceSql);
                assertThat(expected).as("%s in the source", c.what).isNotEmpty();
                sizes.put(c.what, expected.size());
                String difference = difference(c.what, expected, rows("insights", c.insightsSql));
                if (difference != null) {
                    differences.add(difference);
                }
            }
            assertThat(differences).as("read models %s", when).isEmpty();
        });
        return sizes;
    }

    private record Comparison(String what, String source, String sourceSql, String insightsSql) {
    }

    private static List<Comparison> comparisons() {
        String day = "DATE_FORMAT(o.created_at, '%Y-%m-%d')";
        String country = "COALESCE(o.ship_country, o.bill_country, 'ZZ')";
        String sourceByDay = "SELECT " + day + " AS day, o.channel AS channel, " + country + " AS country, "
                + "COUNT(*) AS orders, SUM(u.units) AS units, SUM(o.subtotal) AS gross, SUM(o.discount) AS discounts, "
                + "SUM(o.total) AS net FROM customer_order o JOIN (SELECT order_id, SUM(quantity) AS units "
                + "FROM order_item GROUP BY order_id) u ON u.order_id = o.id WHERE " + GENERATED + " AND " + PAID;
        String sourceGroup = " GROUP BY " + day + ", o.channel, " + country;
        String factsByDay = "SELECT DATE_FORMAT(f.placed_day, '%Y-%m-%d') AS day, f.channel AS channel, "
                + "f.country AS country, COUNT(*) AS orders, SUM(f.units) AS units, SUM(f.gross) AS gross, "
                + "SUM(f.discount) AS discounts, SUM(f.net) AS net FROM order_fact f WHERE f.paid_at IS NOT NULL";
        String factsGroup = " GROUP BY f.placed_day, f.channel, f.country";
        // daily_sales adds every paid order (a return or a cancellation after payment does not take it out):
        // less the other tests' paid orders, by insights' own facts of them, it is the generator's.
        String dailySales = "SELECT DATE_FORMAT(d.day, '%Y-%m-%d') AS day, d.channel AS channel, d.country AS country, "
                + "d.orders - COALESCE(x.orders, 0) AS orders, d.units - COALESCE(x.units, 0) AS units, "
                + "d.gross - COALESCE(x.gross, 0) AS gross, d.discounts - COALESCE(x.discounts, 0) AS discounts, "
                + "d.net - COALESCE(x.net, 0) AS net FROM daily_sales d LEFT JOIN (" + factsByDay.replace(
                        "DATE_FORMAT(f.placed_day, '%Y-%m-%d') AS day", "f.placed_day AS placed_day")
                + " AND NOT " + FACT_GENERATED + factsGroup + ") x ON x.placed_day = d.day AND x.channel = d.channel "
                + "AND x.country = d.country WHERE d.orders <> COALESCE(x.orders, 0) OR d.units <> COALESCE(x.units, 0)"
                + " OR d.net <> COALESCE(x.net, 0)";
        return List.of(
                new Comparison("daily_sales by day, channel, country", "orders", sourceByDay + sourceGroup,
                        dailySales),
                new Comparison("paid order_fact by day, channel, country", "orders", sourceByDay + sourceGroup,
                        factsByDay + " AND " + FACT_GENERATED + factsGroup),
                new Comparison("counted sales (paid, not undone) by day, channel, country", "orders",
                        sourceByDay + " AND NOT " + UNDONE + sourceGroup,
                        factsByDay + " AND f.undone_at IS NULL AND " + FACT_GENERATED + factsGroup),
                new Comparison("order_fact by status", "orders",
                        "SELECT o.status AS status, COUNT(*) AS orders FROM customer_order o WHERE " + GENERATED
                                + " GROUP BY o.status",
                        "SELECT f.status AS status, COUNT(*) AS orders FROM order_fact f WHERE " + FACT_GENERATED
                                + " GROUP BY f.status"),
                new Comparison("refund_fact by refund day", "orders",
                        "SELECT DATE_FORMAT(p.updated_at, '%Y-%m-%d') AS day, COUNT(*) AS refunds, "
                                + "SUM(p.refunded_amount) AS amount FROM payment p JOIN customer_order o "
                                + "ON o.id = p.order_id WHERE p.status = 'REFUNDED' AND " + GENERATED
                                + " GROUP BY DATE_FORMAT(p.updated_at, '%Y-%m-%d')",
                        "SELECT DATE_FORMAT(r.refunded_day, '%Y-%m-%d') AS day, COUNT(*) AS refunds, "
                                + "SUM(r.amount) AS amount FROM refund_fact r JOIN order_fact f "
                                + "ON f.order_id = r.order_id WHERE " + FACT_GENERATED + " GROUP BY r.refunded_day"),
                new Comparison("customer_summary (paid orders, revenue, first and last order, profile)", "orders",
                        "SELECT o.customer_id AS customer, COUNT(*) AS orders, SUM(o.total) AS revenue, "
                                + "DATE_FORMAT(MIN(o.created_at), '%Y-%m-%d %H:%i:%s.%f') AS first_order, "
                                + "DATE_FORMAT(MAX(o.created_at), '%Y-%m-%d %H:%i:%s.%f') AS last_order, "
                                + "MAX(c.country) AS country, MAX(c.segment) AS segment "
                                + "FROM customer_order o JOIN customer c ON c.id = o.customer_id WHERE " + GENERATED
                                + " AND " + PAID + " GROUP BY o.customer_id",
                        "SELECT s.customer_id AS customer, s.orders AS orders, s.revenue AS revenue, "
                                + "DATE_FORMAT(s.first_order_at, '%Y-%m-%d %H:%i:%s.%f') AS first_order, "
                                + "DATE_FORMAT(s.last_order_at, '%Y-%m-%d %H:%i:%s.%f') AS last_order, "
                                + "s.country AS country, s.segment AS segment FROM customer_summary s "
                                + "WHERE s.orders <> 0 AND s.customer_id IN (SELECT f.customer_id FROM order_fact f "
                                + "WHERE " + FACT_GENERATED + ")"),
                new Comparison("product_sales (paid units and revenue, the part undone)", "orders",
                        "SELECT i.product_id AS product, SUM(i.quantity) AS units, SUM(i.line_total) AS revenue, "
                                + "SUM(CASE WHEN " + UNDONE + " THEN i.quantity ELSE 0 END) AS returned_units, "
                                + "SUM(CASE WHEN " + UNDONE + " THEN i.line_total ELSE 0 END) AS returned_revenue "
                                + "FROM order_item i JOIN customer_order o ON o.id = i.order_id "
                                + "WHERE i.sku LIKE '" + SKUS + "' AND " + PAID + " GROUP BY i.product_id",
                        "SELECT s.product_id AS product, s.units AS units, s.revenue AS revenue, "
                                + "s.returned_units AS returned_units, s.returned_revenue AS returned_revenue "
                                + "FROM product_sales s JOIN product p ON p.product_id = s.product_id "
                                + "WHERE p.sku LIKE '" + SKUS + "'"),
                new Comparison("stock_level by product and warehouse", "catalog",
                        "SELECT s.product_id AS product, s.warehouse_id AS warehouse, s.on_hand AS on_hand, "
                                + "s.on_hand - s.reserved AS available FROM stock_level s JOIN product p "
                                + "ON p.id = s.product_id WHERE p.sku LIKE '" + SKUS + "'",
                        "SELECT s.product_id AS product, s.warehouse_id AS warehouse, s.on_hand AS on_hand, "
                                + "s.available AS available FROM stock_level s JOIN product p "
                                + "ON p.product_id = s.product_id WHERE p.sku LIKE '" + SKUS + "'"));
    }

    /** The rows as sorted "column=value" lines; numbers without trailing zeros, so 12, 12.0 and 12.00 agree. */
    private static List<String> rows(String schema, String sql) {
        return Database.of(schema).query(sql).stream().map(row -> row.entrySet().stream()
                        .map(e -> e.getKey() + "=" + value(e.getValue())).collect(Collectors.joining(" ")))
                .sorted().toList();
    }

    private static String value(Object value) {
        if (value instanceof BigDecimal d) {
            return d.signum() == 0 ? "0" : d.stripTrailingZeros().toPlainString();
        }
        if (value instanceof Number n) {
            return value(new BigDecimal(n.toString()));
        }
        return String.valueOf(value);
    }

    /** Null when the same; else how many rows differ and the first of them on each side. */
    static String difference(String what, List<String> source, List<String> insights) {
        List<String> missing = new ArrayList<>(source);
        insights.forEach(missing::remove);
        List<String> extra = new ArrayList<>(insights);
        source.forEach(extra::remove);
        if (missing.isEmpty() && extra.isEmpty()) {
            return null;
        }
        return String.format("%s: %d of %d source rows not in insights, %d insights rows not in the source;%n"
                        + "  source only: %s%n  insights only: %s", what, missing.size(), source.size(), extra.size(),
                missing.subList(0, Math.min(5, missing.size())), extra.subList(0, Math.min(5, extra.size())));
    }

    /**
     * Runs the elasticity analysis and checks its intervals against the generator's truth; the figures, as text.
     */
    private String elasticities() throws IOException {
        Response started = insights(ANALYST).post("/analysis/kinds/elasticity/runs");
        started.then().statusCode(202);
        String runId = started.jsonPath().getString("id");
        JsonPath run = await().atMost(Deadlines.ASYNC).pollInterval(Duration.ofSeconds(1))
                .until(() -> insights(ANALYST).get("/analysis/runs/" + runId).then().statusCode(200).extract()
                        .jsonPath(), r -> !"RUNNING".equals(r.getString("status")));
        assertThat(run.getString("status")).as("elasticity run: %s", run.prettify()).isEqualTo("COMPLETED");

        java.sql.Date since = java.sql.Date.valueOf(Instant.parse(run.getString("startedAt"))
                .atOffset(java.time.ZoneOffset.UTC).toLocalDate().minusDays(run.getInt("summary.lookbackDays")));
        List<String> truth = Files.readAllLines(OUT.resolve("elasticity-truth.csv"));
        assertThat(truth.get(0)).startsWith("product_id,sku,true_elasticity");
        Map<String, Integer> statuses = new TreeMap<>();
        int estimated = 0;
        int covered = 0;
        List<String> outside = new ArrayList<>();
        for (String line : truth.subList(1, truth.size())) {
            String[] field = line.split(",");
            double trueValue = Double.parseDouble(field[2]);
            Response reply = insights(ANALYST).get("/pricing/elasticity/" + field[0]);
            if (reply.statusCode() == 404) {
                // Only a product without a counted sale in the run's window may have no row.
                assertThat(Database.of("insights").count("SELECT COUNT(*) FROM order_line_fact l JOIN order_fact o "
                        + "ON o.order_id = l.order_id WHERE l.product_id = ? AND o.paid_at IS NOT NULL "
                        + "AND o.undone_at IS NULL AND o.placed_day >= ?", field[0], since))
                        .as("counted sales of %s since %s, which has no elasticity", field[1], since).isZero();
                statuses.merge("NO_COUNTED_SALE", 1, Integer::sum);
                continue;
            }
            reply.then().statusCode(200);
            JsonPath e = reply.jsonPath();
            statuses.merge(e.getString("status"), 1, Integer::sum);
            if (!"ESTIMATED".equals(e.getString("status"))) {
                continue;
            }
            estimated++;
            double lower = e.getDouble("lower");
            double upper = e.getDouble("upper");
            if (lower <= trueValue && trueValue <= upper) {
                covered++;
            } else {
                outside.add(String.format(Locale.ROOT, "%s true %.3f estimate %s [%.3f, %.3f]", field[1], trueValue,
                        e.getString("elasticity"), lower, upper));
            }
        }
        boolean enough = estimated >= MIN_ESTIMATES;
        String figures = String.format(Locale.ROOT, "Elasticity: %d products with a varied price, by status %s; "
                        + "%d of %d estimates (%.0f %%) cover the true value (%s); outside: %s", truth.size() - 1,
                statuses, covered, estimated, estimated == 0 ? 0.0 : 100.0 * covered / estimated,
                enough ? "asserted >= " + COVERAGE : "too few: fewer than " + MIN_ESTIMATES + " estimates",
                outside);
        System.out.println(figures);
        assertThat(statuses.values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(truth.size() - 1);
        assertThat(estimated).as(figures).isGreaterThanOrEqualTo(MIN_ESTIMATES);
        assertThat((double) covered / estimated).as(figures).isGreaterThanOrEqualTo(COVERAGE);
        return figures;
    }

    /**
     * Waits until the consumer group has committed the end of every partition it reads and stays there for a few
     * seconds (Debezium may still be publishing what was committed a moment ago); fails only when the lag stops
     * shrinking for {@link Deadlines#ASYNC}.
     */
    private static void awaitCaughtUp(String group) {
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", Platform.stack().kafkaBootstrapServers()))) {
            Deadlines.awaitCount("lag of " + group, 0, () -> -ConsumerLag.of(admin, group));
            await().atMost(Deadlines.ASYNC).pollInterval(Duration.ofMillis(500)).during(Duration.ofSeconds(3))
                    .until(() -> ConsumerLag.of(admin, group) == 0);
        }
    }

    private void phase(String name, long startedNanos) {
        timings.put(name, (System.nanoTime() - startedNanos) / 1_000_000);
    }

    private static java.net.URI uri(PlatformService service) {
        return Platform.services().get(service).uri();
    }

    private static RequestSpecification insights(String token) {
        return given().baseUri(uri(PlatformService.INSIGHTS).toString()).auth().oauth2(token)
                .contentType(ContentType.JSON);
    }
}
