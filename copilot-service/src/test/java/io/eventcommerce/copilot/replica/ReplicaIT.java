package io.eventcommerce.copilot.replica;

import io.agroal.api.AgroalDataSource;
import io.eventcommerce.copilot.replica.service.ReplicaRepair;
import io.eventcommerce.events.DomainEvent;
import io.eventcommerce.events.catalog.CategoryChanged;
import io.eventcommerce.events.catalog.ProductCreated;
import io.eventcommerce.events.catalog.ProductSnapshot;
import io.eventcommerce.events.orders.Address;
import io.eventcommerce.events.orders.CustomerRegistered;
import io.eventcommerce.events.orders.OrderConfirmed;
import io.eventcommerce.events.orders.OrderDelivered;
import io.eventcommerce.events.orders.OrderLine;
import io.eventcommerce.events.orders.OrderPaid;
import io.eventcommerce.events.orders.OrderPlaced;
import io.eventcommerce.events.orders.OrderShipped;
import io.eventcommerce.events.orders.PaymentMethodRef;
import io.eventcommerce.events.orders.PaymentRefunded;
import io.eventcommerce.testkit.Database;
import io.eventcommerce.testkit.Deadlines;
import io.eventcommerce.testkit.TopicProbe;
import io.quarkus.agroal.DataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * The replica from the events of one fresh order, sent in an awkward order: a category before its parent, the refund
 * before its order, one product before and one after the order, the customer after it. The rows and amounts are
 * exact (the discount split by gross, the refund by net, to the cent); a redelivered event and a copy of the refund
 * with another event id change nothing; copilot_reader reads the replica and nothing else.
 */
@QuarkusTest
class ReplicaIT {

    private static final Database DB = Database.of("copilot");

    @Inject
    @DataSource("replica")
    AgroalDataSource replica;

    @Inject
    ReplicaRepair repair;

    private final UUID root = UUID.randomUUID();
    private final UUID child = UUID.randomUUID();
    private final UUID p1 = UUID.randomUUID();
    private final UUID p2 = UUID.randomUUID();
    private final UUID customer = UUID.randomUUID();
    private final UUID orderId = UUID.randomUUID();
    private final UUID paymentId = UUID.randomUUID();
    private final String tag = root.toString().substring(0, 8);
    /** A day of a past year, within dim_date, that no other test's order has. */
    private final Instant placedAt = LocalDate.of(2016, 1, 1).plusDays(Math.floorMod(orderId.hashCode(), 3000))
            .atTime(10, 15).toInstant(ZoneOffset.UTC);

    @Test
    void oneOrderInOddOrderGivesExactRowsAndARedeliveryChangesNothing() {
        ProducerRecord<String, String> paid = record(new OrderPaid(orderId, customer, paymentId,
                new BigDecimal("40.00"), "EUR", placedAt.plusSeconds(60)));
        PaymentRefunded refund = new PaymentRefunded(paymentId, orderId, customer, new BigDecimal("10.00"), "EUR",
                "gw-1", "GOODWILL", placedAt.plusSeconds(86_400));
        ProducerRecord<String, String> refunded = record(refund);
        List<ProducerRecord<String, String>> records = new ArrayList<>(List.of(
                record(new CategoryChanged(child, "Phones " + tag, "phones-" + tag, root, 3, false, placedAt)),
                refunded,
                record(product(p2, root, null, "Acme", "25.00")),
                record(placed()),
                record(new OrderConfirmed(orderId, customer, new BigDecimal("40.00"), "EUR",
                        placedAt.plusSeconds(30))),
                paid, paid,
                record(new OrderShipped(orderId, customer, UUID.randomUUID(), "DHL", "TRACK-1",
                        placedAt.plusSeconds(3_600))),
                record(new OrderDelivered(orderId, customer, null, List.of(p1, p2), placedAt.plusSeconds(7_200))),
                record(product(p1, child, "4.00", "Zeta", "10.00")),
                record(new CustomerRegistered(customer, "DE", "VIP", placedAt.minusSeconds(86_400))),
                record(new CategoryChanged(root, "Electronics " + tag, "electronics-" + tag, null, 1, false,
                        placedAt)),
                // The same refund redelivered, then a copy of it published again under a new event id.
                refunded, record(refund)));
        TopicProbe.sendAll(records);

        UUID lastRefundEvent = UUID.fromString(new String(records.get(records.size() - 1).headers().lastHeader("id")
                .value(), StandardCharsets.UTF_8));
        await().atMost(Deadlines.ASYNC).untilAsserted(() -> {
            assertThat(DB.count("SELECT COUNT(*) FROM processed_event WHERE event_id = ?", lastRefundEvent.toString()))
                    .isEqualTo(1);
            assertThat(DB.query("SELECT status FROM fact_order WHERE order_id = ?", orderId.toString()))
                    .extracting(r -> r.get("status")).containsExactly("DELIVERED");
            assertThat(DB.count("SELECT COUNT(*) FROM fact_order_line WHERE order_id = ? AND product_filled",
                    orderId.toString())).isEqualTo(2);
            assertThat(DB.count("SELECT COUNT(*) FROM fact_order WHERE order_id = ? AND segment = 'VIP'",
                    orderId.toString())).isEqualTo(1);
            assertThat(DB.count("SELECT COUNT(*) FROM dim_category WHERE category_id = ? AND depth = 1",
                    child.toString())).isEqualTo(1);
        });

        Map<String, Object> order = DB.query("""
                SELECT customer_id, day, status, channel, currency, country, region, segment, promotion_code, subtotal,
                    discount, total, paid_at IS NOT NULL AS paid, undone_at IS NULL AS counted, refunded, new_customer
                FROM fact_order WHERE order_id = ?""", orderId.toString()).get(0);
        assertThat(order).containsEntry("customer_id", customer.toString())
                .containsEntry("status", "DELIVERED").containsEntry("channel", "WEB").containsEntry("currency", "EUR")
                .containsEntry("country", "FR").containsEntry("region", "EU").containsEntry("segment", "VIP")
                .containsEntry("promotion_code", "SAVE5");
        assertThat(order.get("day").toString()).isEqualTo(placedAt.atOffset(ZoneOffset.UTC).toLocalDate().toString());
        assertThat(money(order.get("subtotal"))).isEqualTo("45.00");
        assertThat(money(order.get("discount"))).isEqualTo("5.00");
        assertThat(money(order.get("total"))).isEqualTo("40.00");
        assertThat(money(order.get("refunded"))).as("the refund once, redelivered and copied").isEqualTo("10.00");
        assertThat(flag(order.get("paid"))).isTrue();
        assertThat(flag(order.get("counted"))).isTrue();
        assertThat(flag(order.get("new_customer"))).isTrue();

        List<Map<String, Object>> lines = DB.query("""
                SELECT line_no, product_id, category_id, brand, segment, status, quantity, unit_price, gross, discount,
                    net, cost, refunded, returned_quantity, paid_at IS NOT NULL AS paid
                FROM fact_order_line WHERE order_id = ? ORDER BY line_no""", orderId.toString());
        assertThat(lines).hasSize(2);
        // Line 1: 2 x 10.00 of p1 (its product came after the order); line 2: 1 x 25.00 of p2 (known before).
        // Discount 5.00 by gross 20 : 25 = 2.222 : 2.777, the cent left to the larger remainder: 2.22 and 2.78.
        // Refund 10.00 by net 17.78 : 22.22 = 4.445 : 5.555, a tie: the first line takes the cent: 4.45 and 5.55.
        assertLine(lines.get(0), p1, child, "Zeta", 2, "10.00", "20.00", "2.22", "17.78", "8.00", "4.45");
        assertLine(lines.get(1), p2, root, "Acme", 1, "25.00", "25.00", "2.78", "22.22", null, "5.55");

        Map<String, Object> category = DB.query("SELECT root_id, root_name, path, depth FROM dim_category"
                + " WHERE category_id = ?", child.toString()).get(0);
        assertThat(category).containsEntry("root_id", root.toString())
                .containsEntry("root_name", "Electronics " + tag)
                .containsEntry("path", "Electronics " + tag + " > Phones " + tag);
        Map<String, Object> dimCustomer = DB.query("SELECT country, region, segment, first_order_day FROM dim_customer"
                + " WHERE customer_id = ?", customer.toString()).get(0);
        assertThat(dimCustomer).containsEntry("country", "DE").containsEntry("region", "EU")
                .containsEntry("segment", "VIP");
        assertThat(dimCustomer.get("first_order_day").toString()).isEqualTo(order.get("day").toString());
        assertThat(DB.count("SELECT COUNT(*) FROM dim_date WHERE day = ? AND weekday BETWEEN 1 AND 7",
                order.get("day"))).isEqualTo(1);
    }

    /**
     * The rows two consumers leave when a product and its order, or a customer and their order, were applied at the
     * same moment (each committed without seeing the other): the repair sweep fills them from the dimensions.
     */
    @Test
    void rowsLeftOpenByEventsThatCrossedInFlightAreFilledByTheRepairSweep() {
        String product = UUID.randomUUID().toString();
        String buyer = UUID.randomUUID().toString();
        String order = UUID.randomUUID().toString();
        String category = UUID.randomUUID().toString();
        DB.update("INSERT INTO dim_product (product_id, sku, name, brand, category_id, price, cost, currency, status, "
                + "version) VALUES (?, ?, 'Crossed', 'Acme', ?, 10.00, 4.00, 'EUR', 'ACTIVE', 1)", product,
                "X-" + tag, category);
        DB.update("INSERT INTO dim_customer (customer_id, country, region, segment, updated_at) VALUES "
                + "(?, 'DE', 'EU', 'VIP', ?)", buyer, java.sql.Timestamp.from(placedAt));
        DB.update("INSERT INTO fact_order (order_id, customer_id, placed_at, day, status, channel, currency, country,"
                + " region, subtotal, discount, total) VALUES (?, ?, ?, ?, 'PAID', 'WEB', 'EUR', 'DE', 'EU', 30.00, "
                + "0.00, 30.00)", order, buyer, java.sql.Timestamp.from(placedAt),
                java.sql.Date.valueOf(placedAt.atOffset(ZoneOffset.UTC).toLocalDate()));
        DB.update("INSERT INTO fact_order_line (order_id, line_no, product_id, customer_id, day, status, channel, "
                + "currency, country, region, quantity, unit_price, gross, discount, net) VALUES (?, 1, ?, ?, ?, "
                + "'PAID', 'WEB', 'EUR', 'DE', 'EU', 3, 10.00, 30.00, 0.00, 30.00)", order, product, buyer,
                java.sql.Date.valueOf(placedAt.atOffset(ZoneOffset.UTC).toLocalDate()));

        // The scheduled sweep may have run in between; then this pass finds nothing left, and the rows are the same.
        QuarkusTransaction.requiringNew().call(repair::repair);

        Map<String, Object> line = DB.query("SELECT category_id, brand, cost, segment, product_filled FROM "
                + "fact_order_line WHERE order_id = ?", order).get(0);
        assertThat(line.get("category_id")).isEqualTo(category);
        assertThat(line.get("brand")).isEqualTo("Acme");
        assertThat((java.math.BigDecimal) line.get("cost")).isEqualByComparingTo("12.00");
        assertThat(line.get("segment")).isEqualTo("VIP");
        assertThat(line.get("product_filled")).isIn(true, 1, (byte) 1, 1L);
        assertThat(DB.query("SELECT segment FROM fact_order WHERE order_id = ?", order).get(0).get("segment"))
                .isEqualTo("VIP");
        assertThat(DB.query("SELECT first_order_day FROM dim_customer WHERE customer_id = ?", buyer).get(0)
                .get("first_order_day")).hasToString(placedAt.atOffset(ZoneOffset.UTC).toLocalDate().toString());
    }

    @Test
    void theReaderSelectsTheReplicaAndNothingElse() throws SQLException {
        try (Connection connection = replica.getConnection(); Statement statement = connection.createStatement()) {
            try (ResultSet rows = statement.executeQuery("SELECT COUNT(*) FROM dim_date")) {
                assertThat(rows.next()).isTrue();
                assertThat(rows.getLong(1)).as("2015-01-01 to 2035-12-31").isEqualTo(7_670);
            }
            for (String table : List.of("dim_category", "dim_product", "dim_customer", "fact_order",
                    "fact_order_line")) {
                statement.executeQuery("SELECT COUNT(*) FROM " + table).close();
            }
            for (String refused : List.of(
                    "INSERT INTO fact_order_line (order_id, line_no) VALUES ('x', 1)",
                    "UPDATE dim_product SET price = 0",
                    "DELETE FROM fact_order",
                    "SELECT * FROM processed_event",
                    "SELECT * FROM outbox_event",
                    "SELECT * FROM order_refund",
                    "SELECT * FROM orders.customer",
                    "SELECT * FROM insights.order_fact",
                    "SELECT * FROM mysql.user",
                    "CREATE TABLE scratch (id INT)")) {
                assertThatThrownBy(() -> statement.execute(refused)).as(refused).isInstanceOf(SQLException.class)
                        .hasMessageContaining("denied");
            }
        }
    }

    private static void assertLine(Map<String, Object> line, UUID product, UUID category, String brand, int quantity,
                                   String unitPrice, String gross, String discount, String net, String cost,
                                   String refunded) {
        assertThat(line).containsEntry("product_id", product.toString())
                .containsEntry("category_id", category.toString()).containsEntry("brand", brand)
                .containsEntry("segment", "VIP").containsEntry("status", "DELIVERED");
        assertThat(((Number) line.get("quantity")).intValue()).isEqualTo(quantity);
        assertThat(((Number) line.get("returned_quantity")).intValue()).isZero();
        assertThat(money(line.get("unit_price"))).isEqualTo(unitPrice);
        assertThat(money(line.get("gross"))).isEqualTo(gross);
        assertThat(money(line.get("discount"))).isEqualTo(discount);
        assertThat(money(line.get("net"))).isEqualTo(net);
        assertThat(line.get("cost") == null ? null : money(line.get("cost"))).isEqualTo(cost);
        assertThat(money(line.get("refunded"))).isEqualTo(refunded);
        assertThat(flag(line.get("paid"))).isTrue();
    }

    private OrderPlaced placed() {
        List<OrderLine> lines = List.of(
                new OrderLine(1, p1, "SKU-1", "One", 2, new BigDecimal("10.00"), new BigDecimal("20.00"), 1),
                new OrderLine(2, p2, "SKU-2", "Two", 1, new BigDecimal("25.00"), new BigDecimal("25.00"), 1));
        Address shipping = new Address("Someone", "1 Rue", null, "Paris", null, "75001", "FR");
        Address billing = new Address("Someone", "1 Strasse", null, "Berlin", null, "10115", "DE");
        return new OrderPlaced(orderId, customer, "PENDING", "EUR", lines, new BigDecimal("45.00"),
                new BigDecimal("5.00"), new BigDecimal("40.00"), "SAVE5", shipping, billing,
                new PaymentMethodRef(UUID.randomUUID(), "visa", "4242", 12, 2030, "DE", null), "WEB", null, placedAt);
    }

    private static ProductCreated product(UUID id, UUID category, String cost, String brand, String price) {
        return new ProductCreated(new ProductSnapshot(id, "SKU-" + id.toString().substring(0, 8), "Product",
                "A product", brand, category, new BigDecimal(price), cost == null ? null : new BigDecimal(cost), "EUR",
                "ACTIVE", Map.of(), 1, null));
    }

    private static ProducerRecord<String, String> record(DomainEvent event) {
        return TopicProbe.outboxRecord(event,
                event.eventType().topic().startsWith("catalog.") ? "catalog-service" : "orders-service");
    }

    private static String money(Object value) {
        return ((BigDecimal) value).setScale(2).toPlainString();
    }

    private static boolean flag(Object value) {
        return Boolean.TRUE.equals(value) || value instanceof Number n && n.intValue() != 0;
    }
}
