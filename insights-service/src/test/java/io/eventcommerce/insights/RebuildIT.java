package io.eventcommerce.insights;

import io.eventcommerce.events.orders.CustomerRegistered;
import io.eventcommerce.events.orders.OrderPaid;
import io.eventcommerce.events.orders.OrderPlaced;
import io.eventcommerce.events.orders.PaymentRefunded;
import io.eventcommerce.insights.InsightsFixtures.Item;
import io.eventcommerce.testkit.Database;
import io.eventcommerce.testkit.Deadlines;
import io.eventcommerce.testkit.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A rebuild from the topics' history gives the read models they had: every row of every read model (customer ids
 * aside, which an erasure replaced by a new random id each time), and the live consumers go on afterwards.
 */
@QuarkusTest
class RebuildIT {

    private static final Database INSIGHTS = Database.of("insights");

    /** Every read model as rows, ordered; customer ids left out (pseudonyms differ after a re-erasure). */
    private static final List<String> READ_MODELS = List.of(
            "SELECT order_id, channel, country, currency, status, placed_at, placed_day, units, gross, discount, net,"
                    + " paid_at, undone_at FROM order_fact ORDER BY order_id",
            "SELECT * FROM order_line_fact ORDER BY order_id, line_no",
            "SELECT * FROM refund_fact ORDER BY payment_id",
            "SELECT * FROM daily_sales ORDER BY day, channel, country",
            "SELECT * FROM order_status_total WHERE orders <> 0 ORDER BY status",
            "SELECT country, segment, registered_at, profile_updated_at, first_order_at, last_order_at, first_month,"
                    + " orders, revenue FROM customer_summary"
                    + " ORDER BY first_order_at, registered_at, profile_updated_at, last_order_at, first_month,"
                    + " revenue, orders, country, segment",
            "SELECT month, COUNT(*) AS customers FROM customer_month GROUP BY month ORDER BY month",
            "SELECT product_id, sku, category_id, brand, price, cost, version, last_event_id FROM product"
                    + " ORDER BY product_id",
            "SELECT * FROM product_sales ORDER BY product_id",
            "SELECT * FROM stock_level ORDER BY product_id, warehouse_id");

    @Test
    void aRebuildFromTheTopicsGivesTheSameReadModelsAndTheLiveConsumersGoOn() {
        UUID customer = UUID.randomUUID();
        Instant placedAt = Instant.now().minus(3, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
        OrderPlaced order = InsightsFixtures.order(customer, "WEB", "NL", placedAt, "2.00",
                Item.of(UUID.randomUUID(), 3, "7.00"));
        InsightsFixtures.send(new CustomerRegistered(customer, "NL", "VIP", placedAt.minusSeconds(3600)), order,
                new OrderPaid(order.orderId(), customer, UUID.randomUUID(), order.total(), "EUR",
                        placedAt.plusSeconds(60)),
                new PaymentRefunded(UUID.randomUUID(), order.orderId(), customer, order.total(), "EUR", "sim",
                        "CUSTOMER_REQUEST", placedAt.plusSeconds(7200)));
        await().atMost(Deadlines.ASYNC).until(() -> INSIGHTS.count("SELECT COUNT(*) FROM refund_fact r"
                + " JOIN order_fact o ON o.order_id = r.order_id WHERE o.order_id = ? AND o.paid_at IS NOT NULL",
                order.orderId().toString()) == 1
                // The profile comes on another topic (orders.customer), through another consumer.
                && INSIGHTS.count("SELECT COUNT(*) FROM customer_summary WHERE customer_id = ? AND country = 'NL'",
                customer.toString()) == 1);
        Map<String, List<Map<String, Object>>> before = snapshot();
        assertThat(before.values().stream().mapToInt(List::size).sum()).isGreaterThan(5);

        given().auth().oauth2(TestTokens.forRoles("analyst")).post("/admin/read-models/rebuild").then()
                .statusCode(403);
        given().auth().oauth2(TestTokens.forRoles("admin")).post("/admin/read-models/rebuild").then().statusCode(202)
                .body("status", org.hamcrest.Matchers.equalTo("RUNNING"));
        await().atMost(Deadlines.ASYNC).until(() -> !"RUNNING".equals(given().auth()
                .oauth2(TestTokens.forRoles("admin")).get("/admin/read-models/rebuild").then().statusCode(200)
                .extract().path("status")));
        given().auth().oauth2(TestTokens.forRoles("admin")).get("/admin/read-models/rebuild").then()
                .statusCode(200).body("status", org.hamcrest.Matchers.equalTo("DONE"))
                .body("rebuilding", org.hamcrest.Matchers.equalTo(false));

        assertThat(snapshot()).isEqualTo(before);

        // The live consumers go on: the next event of the customer's order moves it.
        InsightsFixtures.send(new io.eventcommerce.events.orders.OrderCancelled(order.orderId(), customer,
                "CUSTOMER", null, "PAID", placedAt.plusSeconds(7300)));
        await().atMost(Deadlines.ASYNC).until(() -> INSIGHTS.count("SELECT COUNT(*) FROM order_fact"
                + " WHERE order_id = ? AND status = 'CANCELLED'", order.orderId().toString()) == 1);
    }

    private static Map<String, List<Map<String, Object>>> snapshot() {
        Map<String, List<Map<String, Object>>> rows = new LinkedHashMap<>();
        for (String query : READ_MODELS) {
            rows.put(query, INSIGHTS.query(query));
        }
        return rows;
    }
}
