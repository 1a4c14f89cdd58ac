package io.eventcommerce.systemtests;

import com.fasterxml.jackson.databind.JsonNode;
import io.eventcommerce.events.EventCodec;
import io.eventcommerce.events.EventEnvelope;
import io.eventcommerce.events.Topics;
import io.eventcommerce.events.orders.OrderPlaced;
import io.eventcommerce.testkit.Deadlines;
import io.eventcommerce.testkit.Database;
import io.eventcommerce.testkit.TopicProbe;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.eventcommerce.systemtests.Platform.CATALOG_MANAGER;
import static io.eventcommerce.systemtests.Platform.SUPPORT;
import static io.eventcommerce.systemtests.Platform.catalog;
import static io.eventcommerce.systemtests.Platform.orders;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

/** A product created in catalog-service reaches orders-service only through Debezium and Kafka, and prices orders. */
class CatalogToOrdersIT {

    private static final Database ORDERS_DB = Database.of("orders");

    @Test
    void aProductCreatedOverRestTravelsThroughDebeziumIntoTheOrdersReplicaAndPricesAnOrder() {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String categoryId = Platform.createCategory("Kitchen " + suffix);
        String productId = Platform.createProduct("KET-" + suffix, categoryId, "19.90");

        ConsumerRecord<String, String> created = TopicProbe.awaitKey(Topics.CATALOG_PRODUCT, productId, "ProductCreated");
        EventEnvelope<JsonNode> envelope = EventCodec.parse(created.value());
        assertThat(TopicProbe.header(created, "id")).isEqualTo(envelope.eventId().toString());
        awaitReplicaPrice(productId, "19.90");
        assertThat(ORDERS_DB.count("SELECT COUNT(*) FROM processed_event WHERE event_id = ?",
                envelope.eventId().toString())).isEqualTo(1);

        String customerId = Platform.createCustomer("ada-" + suffix + "@example.com");
        String orderId = placeOrder(customerId, productId, 3);
        OrderPlaced placed = EventCodec.data(EventCodec.parse(
                TopicProbe.awaitKey(Topics.ORDERS_ORDER, orderId, "OrderPlaced").value()), OrderPlaced.TYPE);
        assertThat(placed.lines().get(0).unitPrice()).isEqualByComparingTo("19.90");
        assertThat(placed.total()).isEqualByComparingTo("59.70");

        Map<String, Object> repriced = new HashMap<>(Platform.product("KET-" + suffix, categoryId, "17.50"));
        catalog(CATALOG_MANAGER).body(repriced).put("/products/" + productId).then().statusCode(200);
        awaitReplicaPrice(productId, "17.50");
        orders(SUPPORT).get("/orders/" + placeOrder(customerId, productId, 1))
                .then().statusCode(200).body("lines[0].unitPrice", equalTo(17.50f));
        orders(SUPPORT).get("/orders/" + orderId)
                .then().body("total", equalTo(59.70f));
    }

    @Test
    void aPromotionCreatedInTheCatalogDiscountsAnOrderUpToItsUsageLimit() {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        // In stock: an order rejected for stock would be cancelled and give its use of the code back.
        String productId = Platform.stockedProduct(10);
        String code = "WELCOME-" + suffix.toUpperCase();
        catalog(CATALOG_MANAGER).body(Map.of("code", code, "kind", "FIXED", "value", "3.00", "usageLimit", 1))
                .post("/promotions").then().statusCode(201);
        await().atMost(Deadlines.ASYNC).until(() ->
                ORDERS_DB.count("SELECT COUNT(*) FROM catalog_promotion WHERE code = ?", code) == 1);

        String customerId = Platform.createCustomer("grace-" + suffix + "@example.com");
        Map<String, Object> order = Map.of("customerId", customerId, "promotionCode", code.toLowerCase(),
                "lines", List.of(Map.of("productId", productId, "quantity", 2)),
                "shippingAddress", Platform.ADDRESS, "paymentToken", "tok_approve");
        orders(SUPPORT).body(order).post("/orders").then().statusCode(201)
                .body("discount", equalTo(3.00f)).body("total", equalTo(57.00f));
        orders(SUPPORT).body(order).post("/orders").then().statusCode(422)
                .body("errors[0].field", equalTo("promotionCode"));
    }

    static String placeOrder(String customerId, String productId, int quantity) {
        return orders(SUPPORT).body(Map.of("customerId", customerId, "lines",
                        List.of(Map.of("productId", productId, "quantity", quantity)),
                        "shippingAddress", Platform.ADDRESS, "paymentToken", "tok_approve"))
                .post("/orders").then().statusCode(201).extract().path("id");
    }

    static void awaitReplicaPrice(String productId, String price) {
        await().atMost(Deadlines.ASYNC).until(() -> ORDERS_DB.query(
                        "SELECT price FROM catalog_product WHERE product_id = ?", productId).stream()
                .anyMatch(row -> ((BigDecimal) row.get("price")).compareTo(new BigDecimal(price)) == 0));
    }
}
