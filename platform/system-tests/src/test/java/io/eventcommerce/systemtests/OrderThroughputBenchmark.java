package io.eventcommerce.systemtests;

import io.eventcommerce.devstack.PlatformService;
import io.eventcommerce.devstack.PlatformStack;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import static io.eventcommerce.systemtests.CdcLatencyBenchmark.ms;
import static io.eventcommerce.systemtests.CdcLatencyBenchmark.percentile;
import static io.eventcommerce.systemtests.CdcLatencyBenchmark.write;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Orders per second that {@code POST /orders} sustains on the embedded stack, with p50/p99 latency, against the
 * same rows written by plain single-transaction JDBC inserts in the same run (customer_order, its order_item rows,
 * and the outbox row inserted and deleted), at the same concurrency. The saga's consumers run meanwhile (catalog
 * reserves stock for every order; orders wait for a fraud answer nobody sends and time out), as in production.
 *
 * <p>Run: {@code ./mvnw -Pbench verify -pl platform/system-tests -am -Dsurefire.skip=true
 * -Dit.test=OrderThroughputBenchmark}; {@code -Dbench.orders} (default 2,000) and {@code -Dbench.clients}
 * (default 8). Reports to target/benchmarks/order-throughput.txt; it asserts only that every order was accepted.
 */
class OrderThroughputBenchmark {

    private static final int ORDERS = Integer.getInteger("bench.orders", 2_000);
    private static final int CLIENTS = Integer.getInteger("bench.clients", 8);
    private static final int WARM_UP = 300;
    private static final int CUSTOMERS = 50;
    private static final int PRODUCTS = 10;

    private record Run(double perSecond, List<Long> latencies) {
    }

    @Test
    void ordersPerSecondAgainstRawInserts() throws Exception {
        List<String> products = new ArrayList<>();
        for (int i = 0; i < PRODUCTS; i++) {
            products.add(Platform.stockedProduct(1_000_000));
        }
        List<String> customers = new ArrayList<>();
        for (int i = 0; i < CUSTOMERS; i++) {
            customers.add(Platform.createCustomer("bench-" + UUID.randomUUID() + "@example.com"));
        }
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        URI orders = URI.create(Platform.services().get(PlatformService.ORDERS).uri() + "/orders");

        AtomicInteger next = new AtomicInteger();
        Callable<Long> apiOrder = () -> {
            int n = next.getAndIncrement();
            String body = orderJson(customers.get(n % CUSTOMERS), products.get(n % PRODUCTS),
                    products.get((n + 1) % PRODUCTS));
            long started = System.nanoTime();
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(orders)
                    .header("Authorization", "Bearer " + Platform.SUPPORT)
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
            long took = System.nanoTime() - started;
            if (response.statusCode() != 201) {
                throw new IllegalStateException("POST /orders answered " + response.statusCode() + ": "
                        + response.body());
            }
            return took;
        };
        run(apiOrder, WARM_UP);
        Run api = run(apiOrder, ORDERS);

        PlatformStack stack = Platform.stack();
        ThreadLocal<Connection> connections = ThreadLocal.withInitial(() -> {
            try {
                Connection c = DriverManager.getConnection(stack.jdbcUrl("orders"), "root", stack.rootPassword());
                c.setAutoCommit(false);
                return c;
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        });
        List<Connection> opened = Collections.synchronizedList(new ArrayList<>());
        Callable<Long> rawOrder = () -> {
            int n = next.getAndIncrement();
            Connection db = connections.get();
            if (!opened.contains(db)) {
                opened.add(db);
            }
            long started = System.nanoTime();
            insertRaw(db, customers.get(n % CUSTOMERS), products.get(n % PRODUCTS), products.get((n + 1) % PRODUCTS));
            return System.nanoTime() - started;
        };
        run(rawOrder, WARM_UP);
        Run raw = run(rawOrder, ORDERS);
        for (Connection c : opened) {
            c.close();
        }

        String report = String.format("POST /orders, %d orders of 2 lines, %d concurrent clients, saga consumers "
                        + "running: %.0f orders/s, p50 %.1f ms, p99 %.1f ms%n"
                        + "Raw JDBC, the same rows in one transaction each (order, 2 items, outbox insert + delete), "
                        + "same concurrency: %.0f orders/s, p50 %.1f ms, p99 %.1f ms%n"
                        + "API / raw throughput: %.2f%n",
                ORDERS, CLIENTS, api.perSecond(), ms(percentile(api.latencies(), 50)),
                ms(percentile(api.latencies(), 99)), raw.perSecond(), ms(percentile(raw.latencies(), 50)),
                ms(percentile(raw.latencies(), 99)), api.perSecond() / raw.perSecond());
        System.out.print(report);
        write("order-throughput.txt", report);
        assertThat(api.latencies()).hasSize(ORDERS);
    }

    private static Run run(Callable<Long> task, int count) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
        try {
            List<Callable<Long>> calls = Collections.nCopies(count, task);
            long started = System.nanoTime();
            List<Future<Long>> futures = pool.invokeAll(calls);
            long elapsed = System.nanoTime() - started;
            List<Long> latencies = new ArrayList<>();
            for (Future<Long> f : futures) {
                latencies.add(f.get());
            }
            Collections.sort(latencies);
            return new Run(count / (elapsed / 1e9), latencies);
        } finally {
            pool.shutdown();
        }
    }

    private static String orderJson(String customerId, String first, String second) {
        return """
                {"customerId":"%s","paymentToken":"tok_approve","channel":"WEB",
                 "shippingAddress":{"name":"Ada Lovelace","line1":"12 St James's Square","city":"London",
                   "postalCode":"SW1Y 4JH","country":"GB"},
                 "lines":[{"productId":"%s","quantity":1},{"productId":"%s","quantity":2}]}"""
                .formatted(customerId, first, second);
    }

    private static void insertRaw(Connection db, String customerId, String first, String second)
            throws SQLException {
        String orderId = UUID.randomUUID().toString();
        Timestamp now = Timestamp.from(Instant.now());
        BigDecimal price = new BigDecimal("30.00");
        try (PreparedStatement order = db.prepareStatement("""
                INSERT INTO customer_order (id, customer_id, status, currency, subtotal, total, channel, client_ip,
                  version, created_at, updated_at, discount, ship_name, ship_line1, ship_city, ship_postal_code,
                  ship_country, bill_name, bill_line1, bill_city, bill_postal_code, bill_country, stock_answer,
                  saga_deadline)
                VALUES (?, ?, 'PENDING', 'USD', 90.00, 90.00, 'WEB', '127.0.0.1', 0, ?, ?, 0, 'Ada Lovelace',
                  '12 St James''s Square', 'London', 'SW1Y 4JH', 'GB', 'Ada Lovelace', '12 St James''s Square',
                  'London', 'SW1Y 4JH', 'GB', 'AWAITING', ?)""");
             PreparedStatement item = db.prepareStatement("""
                INSERT INTO order_item (order_id, line_no, product_id, sku, name, quantity, unit_price, line_total,
                  product_version) VALUES (?, ?, ?, 'SKU', 'Product', ?, ?, ?, 0)""");
             PreparedStatement outbox = db.prepareStatement("INSERT INTO outbox_event (id, aggregate_type, "
                     + "aggregate_id, event_type, payload) VALUES (?, 'bench.raw-orders', ?, 'BenchmarkOrder', ?)");
             PreparedStatement delete = db.prepareStatement("DELETE FROM outbox_event WHERE id = ?")) {
            order.setString(1, orderId);
            order.setString(2, customerId);
            order.setTimestamp(3, now);
            order.setTimestamp(4, now);
            order.setTimestamp(5, Timestamp.from(Instant.now().plus(Duration.ofHours(1))));
            order.executeUpdate();
            String[] productIds = {first, second};
            for (int line = 1; line <= 2; line++) {
                item.setString(1, orderId);
                item.setInt(2, line);
                item.setString(3, productIds[line - 1]);
                item.setInt(4, line);
                item.setBigDecimal(5, price);
                item.setBigDecimal(6, price.multiply(BigDecimal.valueOf(line)));
                item.addBatch();
            }
            item.executeBatch();
            String eventId = UUID.randomUUID().toString();
            outbox.setString(1, eventId);
            outbox.setString(2, orderId);
            outbox.setString(3, "{\"eventId\":\"" + eventId + "\",\"orderId\":\"" + orderId + "\"}");
            outbox.executeUpdate();
            delete.setString(1, eventId);
            delete.executeUpdate();
            db.commit();
        }
    }
}
