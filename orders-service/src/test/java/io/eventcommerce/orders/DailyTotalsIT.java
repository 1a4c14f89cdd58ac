package io.eventcommerce.orders;

import io.eventcommerce.events.EventCodec;
import io.eventcommerce.events.Topics;
import io.eventcommerce.events.orders.CurrencyTotals;
import io.eventcommerce.events.orders.DailyOrderTotals;
import io.eventcommerce.orders.totals.service.DailyTotals;
import io.eventcommerce.testkit.TestTokens;
import io.eventcommerce.testkit.TopicProbe;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.assertj.core.api.recursive.comparison.RecursiveComparisonConfiguration;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import static io.eventcommerce.orders.OrdersFixtures.ADDRESS;
import static io.eventcommerce.orders.OrdersFixtures.ORDERS;
import static io.eventcommerce.orders.OrdersFixtures.importCustomer;
import static io.eventcommerce.orders.OrdersFixtures.productInReplica;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.empty;

/**
 * POST /admin/daily-totals/{day} publishes the day's DailyOrderTotals, whose figures equal what this test adds up
 * itself, order by order, from orders-service's tables right after the publish (for the whole day: other tests'
 * orders may share it). The schedule's claim publishes a day once.
 */
@QuarkusTest
class DailyTotalsIT {

    private static final String ADMIN = TestTokens.forRoles("admin");

    @Inject
    DailyTotals totals;

    private static Map<String, Object> historical(String customerId, UUID product, String status, LocalDate day) {
        String d = day + "T";
        Map<String, Object> order = new HashMap<>();
        order.put("id", UUID.randomUUID().toString());
        order.put("customerId", customerId);
        order.put("status", status);
        order.put("channel", "WEB");
        order.put("lines", List.of(Map.of("productId", product.toString(), "quantity", 3, "unitPrice", "7.50")));
        order.put("shippingAddress", ADDRESS);
        order.put("paymentToken", "tok_approve");
        order.put("discount", "2.00");
        order.put("placedAt", d + "08:00:00Z");
        if (!status.equals("CANCELLED")) {
            order.put("paidAt", d + "08:01:00Z");
        }
        if (List.of("DELIVERED", "RETURNED").contains(status)) {
            order.put("shippedAt", d + "09:00:00Z");
            order.put("shipment", Map.of("carrier", "UPS", "trackingNumber", "1Z" + UUID.randomUUID()
                    .toString().substring(0, 12)));
            order.put("deliveredAt", d + "15:00:00Z");
        }
        if (status.equals("RETURNED")) {
            order.put("returnedAt", d + "20:00:00Z");
            order.put("returned", Map.of("reason", "Too small", "restock", true));
        }
        if (status.equals("CANCELLED")) {
            order.put("cancelledAt", d + "08:30:00Z");
            order.put("cancelReason", "CUSTOMER_REQUEST");
        }
        return order;
    }

    private static Instant instant(Object value) {
        return ((LocalDateTime) value).toInstant(ZoneOffset.UTC);
    }

    private static BigDecimal money(Object value) {
        return new BigDecimal(value.toString());
    }

    /** The day's figures per currency, added up here order by order and payment by payment. */
    private static Map<String, CurrencyTotals> fromTables(LocalDate day) {
        LocalDateTime from = day.atStartOfDay();
        LocalDateTime to = from.plusDays(1);
        Map<String, long[]> counts = new TreeMap<>();
        Map<String, BigDecimal[]> sums = new TreeMap<>();
        for (Map<String, Object> o : ORDERS.query("""
                SELECT id, currency, status, subtotal, discount, total, updated_at FROM customer_order
                WHERE created_at >= ? AND created_at < ?""", from, to)) {
            String id = (String) o.get("id");
            String status = (String) o.get("status");
            long units = ORDERS.query("SELECT quantity FROM order_item WHERE order_id = ?", id).stream()
                    .mapToLong(r -> ((Number) r.get("quantity")).longValue()).sum();
            boolean paidBeforeChange = ORDERS.query("SELECT status, created_at FROM payment WHERE order_id = ?", id)
                    .stream().anyMatch(p -> !"DECLINED".equals(p.get("status"))
                            && instant(p.get("created_at")).isBefore(instant(o.get("updated_at"))));
            boolean paid = List.of("PAID", "SHIPPED", "DELIVERED", "RETURNED").contains(status)
                    || status.equals("CANCELLED") && paidBeforeChange;
            boolean sale = paid && !List.of("RETURNED", "CANCELLED").contains(status);
            long[] c = counts.computeIfAbsent((String) o.get("currency"), k -> new long[7]);
            BigDecimal[] s = sums.computeIfAbsent((String) o.get("currency"), k -> zeros());
            c[0]++;
            BigDecimal[] money = {money(o.get("subtotal")), money(o.get("discount")), money(o.get("total"))};
            if (paid) {
                c[1]++;
                c[2] += units;
                for (int i = 0; i < 3; i++) {
                    s[i] = s[i].add(money[i]);
                }
            }
            if (sale) {
                c[3]++;
                c[4] += units;
                for (int i = 0; i < 3; i++) {
                    s[3 + i] = s[3 + i].add(money[i]);
                }
            }
        }
        for (Map<String, Object> p : ORDERS.query("""
                SELECT currency, amount FROM payment
                WHERE status = 'REFUNDED' AND updated_at >= ? AND updated_at < ?""",
                from, to)) {
            String currency = (String) p.get("currency");
            counts.computeIfAbsent(currency, k -> new long[7])[5]++;
            BigDecimal[] s = sums.computeIfAbsent(currency, k -> zeros());
            s[6] = s[6].add(money(p.get("amount")));
        }
        Map<String, CurrencyTotals> totals = new TreeMap<>();
        counts.forEach((currency, c) -> {
            BigDecimal[] s = sums.get(currency);
            totals.put(currency, new CurrencyTotals(currency, c[0], c[1], c[2], s[0], s[1], s[2], c[3], c[4], s[3],
                    s[4], s[5], c[5], s[6]));
        });
        return totals;
    }

    private static BigDecimal[] zeros() {
        BigDecimal[] z = new BigDecimal[7];
        Arrays.fill(z, new BigDecimal("0.00"));
        return z;
    }

    private static DailyOrderTotals published(LocalDate day, String computedAt) {
        ConsumerRecord<String, String> record = TopicProbe.await(Topics.ORDERS_TOTALS,
                r -> day.toString().equals(r.key()) && r.value().contains("\"computedAt\":\"" + computedAt + "\""),
                TopicProbe.DEFAULT_TIMEOUT);
        assertThat(TopicProbe.header(record, "eventType")).isEqualTo("DailyOrderTotals");
        return EventCodec.data(EventCodec.parse(record.value()), DailyOrderTotals.TYPE);
    }

    @Test
    void aRepublishedDayCarriesTheFiguresOfOrdersPaymentsAndRefundsOfThatDay() {
        LocalDate day = LocalDate.of(2011, 6, 1 + ThreadLocalRandom.current().nextInt(28));
        String customerId = importCustomer("2010-01-01T00:00:00Z");
        UUID product = productInReplica("7.50");
        given().auth().oauth2(ADMIN).contentType(ContentType.JSON).body(Map.of("orders", List.of(
                        historical(customerId, product, "DELIVERED", day),
                        historical(customerId, product, "RETURNED", day),
                        historical(customerId, product, "CANCELLED", day),
                        historical(customerId, product, "PAID", day))))
                .post("/admin/orders/import").then().statusCode(200);

        String computedAt = given().auth().oauth2(ADMIN).post("/admin/daily-totals/" + day).then().statusCode(200)
                .extract().path("computedAt");
        Map<String, CurrencyTotals> expected = fromTables(day);

        DailyOrderTotals event = published(day, computedAt);
        assertThat(event.day()).isEqualTo(day);
        assertThat(event.currencies()).usingRecursiveFieldByFieldElementComparator(RecursiveComparisonConfiguration
                        .builder().withComparatorForType(BigDecimal::compareTo, BigDecimal.class).build())
                .containsExactlyElementsOf(expected.values());
        // This test's four orders are among them: 22.50 - 2.00 each; the returned one refunded the same day.
        CurrencyTotals usd = event.currencies().stream().filter(c -> c.currency().equals("USD")).findFirst()
                .orElseThrow();
        assertThat(usd.placedOrders()).isGreaterThanOrEqualTo(4);
        assertThat(usd.paidOrders()).isGreaterThanOrEqualTo(3);
        assertThat(usd.salesOrders()).isGreaterThanOrEqualTo(2);
        assertThat(usd.refunds()).isGreaterThanOrEqualTo(1);
        assertThat(ORDERS.count("SELECT publications FROM daily_totals_checkpoint WHERE day = ?", day))
                .isEqualTo(1);
    }

    @Test
    void theScheduleClaimsADayOnceAndARepublishStillPublishes() {
        LocalDate day = LocalDate.of(1980, 1, 1).plusDays(ThreadLocalRandom.current().nextInt(3000));

        assertThat(totals.publishOnce(day)).isPresent();
        assertThat(totals.publishOnce(day)).isEmpty();
        assertThat(ORDERS.count("SELECT publications FROM daily_totals_checkpoint WHERE day = ?", day)).isEqualTo(1);

        String computedAt = given().auth().oauth2(ADMIN).post("/admin/daily-totals/" + day).then().statusCode(200)
                .body("currencies", empty()).extract().path("computedAt");
        assertThat(published(day, computedAt).currencies()).isEmpty();
        assertThat(ORDERS.count("SELECT publications FROM daily_totals_checkpoint WHERE day = ?", day)).isEqualTo(2);
    }

    @Test
    void onlyClosedDaysAndOnlyAdmins() {
        String today = LocalDate.now(ZoneOffset.UTC).toString();
        given().auth().oauth2(ADMIN).post("/admin/daily-totals/" + today).then().statusCode(422)
                .contentType("application/problem+json");
        given().auth().oauth2(ADMIN).post("/admin/daily-totals/2011-02-30").then().statusCode(422)
                .contentType("application/problem+json");
        given().auth().oauth2(TestTokens.forRoles("support")).post("/admin/daily-totals/2011-02-01").then()
                .statusCode(403);
        assertThat(ORDERS.count("SELECT COUNT(*) FROM daily_totals_checkpoint WHERE day = ?", today)).isZero();
    }
}
