package io.eventcommerce.insights;

import io.eventcommerce.testkit.Deadlines;
import io.eventcommerce.testkit.TestStack;
import io.eventcommerce.testkit.TestTokens;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * insights-service at the seed documents' scale (5,000 products in 50 categories, 10,000 customers in 20 countries,
 * 50,000 orders over two years, ~2.5 lines each, 3 warehouses): the read models are filled with SQL (what the
 * consumers would have built from those orders' events; building them through Kafka would take the consumers
 * ~10 minutes and measure them, not the reads), then
 * <ol>
 *   <li>the analysis jobs run one after the other through the API (forecast, customer-value, trends, elasticity) and
 *       their wall times are reported with the forecast's share of series beating seasonal naive and its mean
 *       MASE ratio;</li>
 *   <li>the dashboard endpoints are read at {@code bench.rps} (100) requests per second, open loop (a request is
 *       sent every 10 ms whether or not the previous ones returned, so a slow answer cannot hide the queue behind
 *       it), round-robin over the endpoints for {@code bench.seconds} (60); p50/p99/max per endpoint and overall.
 *       </li>
 * </ol>
 * Not part of the build (failsafe runs {@code *IT}): {@code ./mvnw -o verify -pl insights-service -am -Dtest=NONE
 * -Dsurefire.failIfNoSpecifiedTests=false -Dit.test=SeedScaleBenchmark -Dfailsafe.failIfNoSpecifiedTests=false}.
 * Reports to {@code insights-service/target/benchmarks/seed-scale.txt}. Run it alone: it adds 50,000 orders to the
 * test schema. It asserts only that every run completed and every request answered 200.
 */
@QuarkusTest
class SeedScaleBenchmark {

    private static final String ANALYST = TestTokens.forRoles("analyst");
    private static final int PRODUCTS = Integer.getInteger("bench.products", 5_000);
    private static final int CATEGORIES = 50;
    private static final int CUSTOMERS = Integer.getInteger("bench.customers", 10_000);
    private static final int ORDERS = Integer.getInteger("bench.orders", 50_000);
    private static final int DAYS = 730;
    private static final int WAREHOUSES = 3;
    private static final int RPS = Integer.getInteger("bench.rps", 100);
    private static final int SECONDS = Integer.getInteger("bench.seconds", 60);
    private static final int SERIAL = 20;
    private static final List<String> COUNTRIES = List.of("US", "GB", "DE", "FR", "NL", "ES", "IT", "SE", "PL", "CA",
            "MX", "BR", "AR", "AU", "JP", "IN", "SG", "ZA", "AE", "NG");
    private static final List<String> CHANNELS = List.of("WEB", "MOBILE", "MARKETPLACE");

    @TestHTTPResource("/")
    URL base;

    private final StringBuilder report = new StringBuilder();

    @Test
    void analysesAndDashboardsAtSeedScale() throws Exception {
        UUID top = fill();
        for (String kind : List.of("forecast", "customer-value", "trends", "elasticity")) {
            runAnalysis(kind);
        }
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        Map<String, String> endpoints = new LinkedHashMap<>();
        if (Boolean.getBoolean("bench.baseline")) {
            endpoints.put("health (no auth, no db)", "/q/health/live");
            endpoints.put("kinds (auth, no db)", "/analysis/kinds");
        }
        endpoints.put("daily-sales 30 d", "/reports/daily-sales");
        endpoints.put("daily-sales 2 y", "/reports/daily-sales?from=" + today.minusDays(730) + "&to=" + today);
        endpoints.put("daily-sales 1 country", "/reports/daily-sales?country=DE");
        endpoints.put("order-status", "/reports/order-status");
        endpoints.put("customers", "/reports/customers");
        endpoints.put("customer", "/reports/customers/" + top);
        endpoints.put("cohorts", "/reports/cohorts");
        endpoints.put("products", "/reports/products");
        endpoints.put("categories", "/reports/categories");
        endpoints.put("inventory", "/reports/inventory");
        endpoints.put("forecast total", "/forecasts/total");
        endpoints.put("segments", "/customers/segments");
        try {
            load(endpoints);
            staleness();
        } finally {
            System.out.print(report);
            Path dir = Files.createDirectories(Path.of("target", "benchmarks"));
            Files.writeString(dir.resolve("seed-scale.txt"), report.toString());
        }
    }

    /** Fills the read models; returns the customer with the most orders (for the one-customer read). */
    private UUID fill() throws SQLException {
        long started = System.nanoTime();
        Random rnd = new Random(2026);
        LocalDate last = LocalDate.now(ZoneOffset.UTC).minusDays(1);
        LocalDate first = last.minusDays(DAYS - 1);
        List<UUID> categories = ids(CATEGORIES);
        List<UUID> products = ids(PRODUCTS);
        List<UUID> customers = ids(CUSTOMERS);
        List<UUID> warehouses = ids(WAREHOUSES);
        BigDecimal[] prices = new BigDecimal[PRODUCTS];
        // Zipf popularity over a shuffled ranking, as the generator draws it.
        double[] cumulative = new double[PRODUCTS];
        double sum = 0;
        for (int p = 0; p < PRODUCTS; p++) {
            prices[p] = BigDecimal.valueOf(Math.exp(3 + rnd.nextGaussian() * 0.8)).setScale(2, RoundingMode.HALF_UP);
            sum += 1 / Math.pow(p + 1, 1.1);
            cumulative[p] = sum;
        }
        // Pareto customer activity.
        double[] activity = new double[CUSTOMERS];
        double activitySum = 0;
        for (int c = 0; c < CUSTOMERS; c++) {
            activitySum += Math.pow(1 - rnd.nextDouble(), -1 / 1.5);
            activity[c] = activitySum;
        }
        try (Connection db = DriverManager.getConnection(TestStack.get().jdbcUrl("insights"), "root",
                TestStack.get().rootPassword())) {
            db.setAutoCommit(false);
            Rows product = new Rows(db, "INSERT INTO product (product_id, sku, category_id, brand, price, cost, "
                    + "version, last_event_id, updated_at) VALUES ");
            for (int p = 0; p < PRODUCTS; p++) {
                product.add(q(products.get(p)), q("SEED-" + p), q(categories.get(p % CATEGORIES)), q("Brand " + p % 40),
                        prices[p], prices[p].multiply(BigDecimal.valueOf(0.6)).setScale(2, RoundingMode.HALF_UP), 1,
                        q(UUID.randomUUID()), q(LocalDateTime.now(ZoneOffset.UTC)));
            }
            product.flush();
            Rows stock = new Rows(db, "INSERT INTO stock_level (product_id, warehouse_id, on_hand, available, version, "
                    + "changed_at) VALUES ");
            for (int p = 0; p < PRODUCTS; p++) {
                for (UUID w : warehouses) {
                    if (rnd.nextDouble() < 0.8) {
                        int onHand = rnd.nextInt(500);
                        stock.add(q(products.get(p)), q(w), onHand, onHand - rnd.nextInt(Math.max(1, onHand / 10 + 1)),
                                1, q(LocalDateTime.now(ZoneOffset.UTC)));
                    }
                }
            }
            stock.flush();
            Rows orders = new Rows(db, "INSERT INTO order_fact (order_id, customer_id, channel, country, currency, "
                    + "status, placed_at, placed_day, units, gross, discount, net, paid_at, undone_at) VALUES ");
            Rows lines = new Rows(db, "INSERT INTO order_line_fact (order_id, line_no, product_id, quantity, "
                    + "line_total) VALUES ");
            double[] dayWeight = new double[DAYS];
            double weights = 0;
            for (int d = 0; d < DAYS; d++) {
                LocalDate day = first.plusDays(d);
                double w = (1 + 0.5 * d / DAYS) * switch (day.getMonthValue()) {
                    case 12 -> 1.7;
                    case 11 -> 1.4;
                    case 1, 2 -> 0.8;
                    default -> 1.0;
                } * switch (day.getDayOfWeek()) {
                    case SATURDAY -> 1.3;
                    case SUNDAY -> 1.25;
                    case MONDAY -> 0.9;
                    default -> 1.0;
                };
                weights += w;
                dayWeight[d] = weights;
            }
            for (int o = 0; o < ORDERS; o++) {
                UUID order = UUID.randomUUID();
                int c = search(activity, rnd.nextDouble() * activitySum);
                LocalDate day = first.plusDays(search(dayWeight, rnd.nextDouble() * weights));
                Instant placed = day.atStartOfDay(ZoneOffset.UTC).toInstant().plusSeconds(rnd.nextInt(86_400));
                int lineCount = 1 + (int) Math.min(6, Math.round(-Math.log(1 - rnd.nextDouble()) * 1.5));
                int units = 0;
                BigDecimal gross = BigDecimal.ZERO;
                for (int l = 0; l < lineCount; l++) {
                    int p = search(cumulative, rnd.nextDouble() * sum);
                    int quantity = 1 + (rnd.nextDouble() < 0.2 ? rnd.nextInt(3) : 0);
                    BigDecimal total = prices[p].multiply(BigDecimal.valueOf(quantity));
                    lines.add(q(order), l + 1, q(products.get(p)), quantity, total);
                    units += quantity;
                    gross = gross.add(total);
                }
                BigDecimal discount = rnd.nextDouble() < 0.12
                        ? gross.multiply(BigDecimal.valueOf(0.1)).setScale(2, RoundingMode.HALF_UP) : BigDecimal.ZERO;
                double outcome = rnd.nextDouble();
                boolean paid = outcome >= 0.15;
                boolean undone = paid && outcome < 0.2;
                String status = !paid ? "CANCELLED" : undone ? "RETURNED" : outcome < 0.35 ? "PAID" : "DELIVERED";
                orders.add(q(order), q(customers.get(c)), q(CHANNELS.get(c % CHANNELS.size())),
                        q(COUNTRIES.get(c % COUNTRIES.size())), q("EUR"), q(status), q(ts(placed)), q(day), units,
                        gross, discount, gross.subtract(discount), paid ? q(ts(placed.plusSeconds(90))) : "NULL",
                        undone ? q(ts(placed.plusSeconds(86_400 * 9))) : "NULL");
            }
            orders.flush();
            lines.flush();
            try (Statement derive = db.createStatement()) {
                // This run's own rows only (a schema may hold an earlier run's), through temporary key tables.
                derive.executeUpdate("CREATE TEMPORARY TABLE bench_customer (customer_id CHAR(36) PRIMARY KEY)");
                derive.executeUpdate("CREATE TEMPORARY TABLE bench_product (product_id CHAR(36) PRIMARY KEY)");
                Rows benchCustomers = new Rows(db, "INSERT INTO bench_customer (customer_id) VALUES ");
                for (UUID c : customers) {
                    benchCustomers.add(q(c));
                }
                benchCustomers.flush();
                Rows benchProducts = new Rows(db, "INSERT INTO bench_product (product_id) VALUES ");
                for (UUID p : products) {
                    benchProducts.add(q(p));
                }
                benchProducts.flush();
                // The consumers' figures, derived from the facts with their definitions: a counted sale is paid and
                // not undone, by the day it was placed.
                derive.executeUpdate("""
                        INSERT INTO daily_sales (day, channel, country, orders, units, gross, discounts, net)
                        SELECT f.placed_day, f.channel, f.country, COUNT(*), SUM(f.units), SUM(f.gross),
                          SUM(f.discount), SUM(f.net)
                        FROM order_fact f JOIN bench_customer b ON b.customer_id = f.customer_id
                        WHERE f.paid_at IS NOT NULL AND f.undone_at IS NULL
                        GROUP BY f.placed_day, f.channel, f.country
                        ON DUPLICATE KEY UPDATE orders = daily_sales.orders + VALUES(orders),
                          units = daily_sales.units + VALUES(units), gross = daily_sales.gross + VALUES(gross),
                          discounts = daily_sales.discounts + VALUES(discounts), net = daily_sales.net + VALUES(net)""");
                derive.executeUpdate("""
                        INSERT INTO product_sales (product_id, units, revenue, returned_units, returned_revenue)
                        SELECT l.product_id, SUM(l.quantity), SUM(l.line_total), 0, 0
                        FROM order_line_fact l JOIN bench_product b ON b.product_id = l.product_id
                        JOIN order_fact f ON f.order_id = l.order_id
                        WHERE f.paid_at IS NOT NULL AND f.undone_at IS NULL GROUP BY l.product_id""");
                derive.executeUpdate("""
                        INSERT INTO customer_summary (customer_id, country, segment, registered_at, profile_updated_at,
                          first_order_at, last_order_at, first_month, orders, revenue)
                        SELECT f.customer_id, MIN(f.country), 'CONSUMER', MIN(f.placed_at), MIN(f.placed_at),
                          MIN(f.paid_at), MAX(f.paid_at), DATE_FORMAT(MIN(f.paid_at), '%Y-%m-01'), COUNT(*), SUM(f.net)
                        FROM order_fact f JOIN bench_customer b ON b.customer_id = f.customer_id
                        WHERE f.paid_at IS NOT NULL AND f.undone_at IS NULL
                        GROUP BY f.customer_id""");
                derive.executeUpdate("""
                        INSERT INTO customer_month (customer_id, month)
                        SELECT DISTINCT f.customer_id, DATE_FORMAT(f.placed_day, '%Y-%m-01')
                        FROM order_fact f JOIN bench_customer b ON b.customer_id = f.customer_id
                        WHERE f.paid_at IS NOT NULL AND f.undone_at IS NULL""");
            }
            db.commit();
        }
        String topCustomer = (String) io.eventcommerce.testkit.Database.of("insights").query(
                "SELECT customer_id FROM customer_summary ORDER BY orders DESC LIMIT 1").get(0).get("customer_id");
        line("filled the read models: %,d products, %,d customers, %,d orders over %d days in %.1f s",
                PRODUCTS, CUSTOMERS, ORDERS, DAYS, (System.nanoTime() - started) / 1e9);
        return UUID.fromString(topCustomer);
    }

    private void runAnalysis(String kind) {
        long started = System.nanoTime();
        var accepted = given().auth().oauth2(ANALYST).post("/analysis/kinds/" + kind + "/runs");
        assertThat(accepted.statusCode()).as(accepted.asString()).isEqualTo(202);
        String location = accepted.header("Location");
        await().atMost(Deadlines.ASYNC.multipliedBy(10)).pollInterval(Duration.ofMillis(200)).until(() ->
                !"RUNNING".equals(given().auth().oauth2(ANALYST).get(location).path("status")));
        double wall = (System.nanoTime() - started) / 1e9;
        JsonPath run = given().auth().oauth2(ANALYST).get(location).then().extract().jsonPath();
        assertThat(run.getString("status")).as(run.prettify()).isEqualTo("COMPLETED");
        line("analysis %s: %.1f s (request to COMPLETED); summary %s", kind, wall, run.getMap("summary"));
    }

    private void load(Map<String, String> endpoints) throws InterruptedException {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(30)).build();
        List<String> names = new ArrayList<>(endpoints.keySet());
        line("dashboard reads one at a time (%d each, after one warm-up), the service's own time per request:",
                SERIAL);
        for (String name : names) {
            HttpResponse<String> warm = send(http, endpoints.get(name)).join();
            assertThat(warm.statusCode()).as(name + ": " + warm.body()).isEqualTo(200);
            List<Long> serial = new ArrayList<>();
            for (int i = 0; i < SERIAL; i++) {
                long sent = System.nanoTime();
                send(http, endpoints.get(name)).join();
                serial.add(System.nanoTime() - sent);
            }
            Collections.sort(serial);
            line("  %-22s p50 %6.1f ms  max %6.1f ms  (%,d bytes)", name, ms(pct(serial, 50)),
                    ms(serial.get(serial.size() - 1)), warm.body().length());
        }
        Map<String, ConcurrentLinkedQueue<Long>> latencies = new ConcurrentHashMap<>();
        Map<String, AtomicInteger> failed = new ConcurrentHashMap<>();
        names.forEach(n -> latencies.put(n, new ConcurrentLinkedQueue<>()));
        names.forEach(n -> failed.put(n, new AtomicInteger()));
        ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
        AtomicInteger outstanding = new AtomicInteger();
        long pace = TimeUnit.SECONDS.toNanos(1) / RPS;
        int total = RPS * SECONDS;
        long start = System.nanoTime();
        List<CompletableFuture<?>> all = new ArrayList<>(total);
        for (int i = 0; i < total; i++) {
            long due = start + i * pace;
            LockSupport.parkNanos(Math.max(0, due - System.nanoTime()));
            String name = names.get(i % names.size());
            outstanding.incrementAndGet();
            all.add(send(http, endpoints.get(name)).whenComplete((response, error) -> {
                // Measured from when the request was due, not when it was sent: a late sender counts against us.
                latencies.get(name).add(System.nanoTime() - due);
                outstanding.decrementAndGet();
                if (error != null || response.statusCode() != 200) {
                    failed.get(name).incrementAndGet();
                    failures.add(name + ": " + (error != null ? error : response.statusCode() + " " + response.body()));
                }
            }));
        }
        CompletableFuture.allOf(all.toArray(CompletableFuture[]::new)).exceptionally(e -> null).join();
        double seconds = (System.nanoTime() - start) / 1e9;
        line("dashboard reads: %,d requests at %d/s open loop over %d endpoints in %.1f s (%d failed)", total, RPS,
                names.size(), seconds, failures.size());
        List<Long> overall = new ArrayList<>();
        for (String name : names) {
            List<Long> sorted = new ArrayList<>(latencies.get(name));
            Collections.sort(sorted);
            overall.addAll(sorted);
            line("  %-22s p50 %6.1f ms  p99 %6.1f ms  max %6.1f ms  failed %d", name, ms(pct(sorted, 50)),
                    ms(pct(sorted, 99)), ms(sorted.get(sorted.size() - 1)), failed.get(name).get());
        }
        Collections.sort(overall);
        line("  %-22s p50 %6.1f ms  p99 %6.1f ms  max %6.1f ms", "all", ms(pct(overall, 50)), ms(pct(overall, 99)),
                ms(overall.get(overall.size() - 1)));
        assertThat(failures).as("%d failed requests, e.g. %s", failures.size(), failures.stream().limit(3).toList())
                .isEmpty();
    }

    /**
     * How long a dashboard answer lags its read model (the reads' cache): a change to yesterday's daily_sales, then
     * the 30-day series read every 10 ms until it shows the change.
     */
    private void staleness() {
        String yesterday = LocalDate.now(ZoneOffset.UTC).minusDays(1).toString();
        io.eventcommerce.testkit.Database db = io.eventcommerce.testkit.Database.of("insights");
        List<Long> lags = new ArrayList<>();
        for (int i = 1; i <= 10; i++) {
            BigDecimal before = totalOn(yesterday);
            db.update("INSERT INTO daily_sales (day, channel, country, orders, units, gross, discounts, net) "
                    + "VALUES (?, 'BENCH', 'ZZ', 1, 1, 1.00, 0, 1.00) ON DUPLICATE KEY UPDATE net = net + 1.00, "
                    + "orders = orders + 1, units = units + 1, gross = gross + 1.00", yesterday);
            long changed = System.nanoTime();
            await().atMost(Deadlines.ASYNC).pollInterval(Duration.ofMillis(10))
                    .until(() -> totalOn(yesterday).compareTo(before) > 0);
            lags.add(System.nanoTime() - changed);
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(137L * i % 600));
        }
        Collections.sort(lags);
        line("read model change -> visible in GET /reports/daily-sales, 10 changes: p50 %.0f ms, max %.0f ms",
                ms(pct(lags, 50)), ms(lags.get(lags.size() - 1)));
    }

    private static BigDecimal totalOn(String day) {
        List<Map<String, Object>> points = given().auth().oauth2(ANALYST).get("/reports/daily-sales").then()
                .statusCode(200).extract().jsonPath().getList("points");
        return points.stream().filter(p -> day.equals(p.get("day"))).map(p -> new BigDecimal(String.valueOf(
                p.get("net")))).findFirst().orElse(BigDecimal.ZERO);
    }

    private CompletableFuture<HttpResponse<String>> send(HttpClient http, String path) {
        URI uri = URI.create(base.toString().replaceAll("/$", "") + path);
        return http.sendAsync(HttpRequest.newBuilder(uri).header("Authorization", "Bearer " + ANALYST)
                .timeout(Duration.ofMinutes(2)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private void line(String format, Object... args) {
        report.append(String.format(format, args)).append(System.lineSeparator());
    }

    private static long pct(List<Long> sorted, int percentile) {
        int index = (int) Math.ceil(percentile / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(index, sorted.size() - 1)));
    }

    private static double ms(long nanos) {
        return nanos / 1e6;
    }

    private static int search(double[] cumulative, double value) {
        int lo = 0;
        int hi = cumulative.length - 1;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (cumulative[mid] < value) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    private static List<UUID> ids(int n) {
        List<UUID> ids = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            ids.add(UUID.randomUUID());
        }
        return ids;
    }

    private static LocalDateTime ts(Instant instant) {
        return LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    private static String q(Object value) {
        return "'" + value + "'";
    }

    /** Multi-row INSERTs of up to 1,000 rows each: the values are the benchmark's own, never user input. */
    private static final class Rows {
        private final Connection db;
        private final String prefix;
        private final StringBuilder values = new StringBuilder();
        private int rows;

        Rows(Connection db, String prefix) {
            this.db = db;
            this.prefix = prefix;
        }

        void add(Object... columns) throws SQLException {
            values.append(rows == 0 ? "(" : ",(");
            for (int i = 0; i < columns.length; i++) {
                values.append(i == 0 ? "" : ",").append(columns[i]);
            }
            values.append(')');
            if (++rows == 1_000) {
                flush();
            }
        }

        void flush() throws SQLException {
            if (rows == 0) {
                return;
            }
            try (Statement statement = db.createStatement()) {
                statement.executeUpdate(prefix + values);
            }
            values.setLength(0);
            rows = 0;
        }
    }
}
