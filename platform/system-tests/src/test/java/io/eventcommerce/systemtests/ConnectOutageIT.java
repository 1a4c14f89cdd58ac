package io.eventcommerce.systemtests;

import io.eventcommerce.devstack.PlatformService;
import io.eventcommerce.events.EventCodec;
import io.eventcommerce.events.Topics;
import io.eventcommerce.testkit.Deadlines;
import io.eventcommerce.testkit.Database;
import io.eventcommerce.testkit.TopicProbe;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;

import static io.eventcommerce.systemtests.CatalogToOrdersIT.awaitReplicaPrice;
import static io.eventcommerce.systemtests.CatalogToOrdersIT.placeOrder;
import static io.eventcommerce.systemtests.Platform.CATALOG_MANAGER;
import static io.eventcommerce.systemtests.Platform.catalog;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Kafka Connect crashes (SIGKILL: no offset flush) while orders are being placed and prices change, and comes back:
 * every event committed meanwhile reaches its topic, and the consumer applies each exactly once even though Connect
 * may send some twice.
 */
class ConnectOutageIT {

    private static final Database ORDERS_DB = Database.of("orders");
    private static final int PRODUCTS = 4;

    @Test
    void everyEventCommittedWhileConnectIsDownArrivesAndNoConsumerAppliesOneTwice() {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String categoryId = Platform.createCategory("Outage " + suffix);
        List<String> products = new ArrayList<>();
        for (int i = 0; i < PRODUCTS; i++) {
            products.add(Platform.createProduct("OUT-" + suffix + "-" + i, categoryId, "10.00"));
        }
        products.forEach(p -> awaitReplicaPrice(p, "10.00"));
        String customerId = Platform.createCustomer("outage-" + suffix + "@example.com");

        List<String> orderIds = Collections.synchronizedList(new ArrayList<>());
        AtomicBoolean placing = new AtomicBoolean(true);
        CompletableFuture<Void> placer = CompletableFuture.runAsync(() -> {
            for (int n = 0; placing.get() || n < 10; n++) {
                orderIds.add(placeOrder(customerId, products.get(n % PRODUCTS), 1));
            }
        });
        await().atMost(Deadlines.ASYNC).until(() -> orderIds.size() >= 15);

        Platform.stack().killConnect();
        int placedBeforeCrash = orderIds.size();
        Map<String, String> finalPrices = new HashMap<>();
        for (int round = 1; round <= 2; round++) {
            for (int i = 0; i < PRODUCTS; i++) {
                String price = round + "" + i + ".50";
                catalog(CATALOG_MANAGER).body(Platform.product("OUT-" + suffix + "-" + i, categoryId, price))
                        .put("/products/" + products.get(i)).then().statusCode(200);
                finalPrices.put(products.get(i), price);
            }
        }
        await().atMost(Deadlines.ASYNC).until(() -> orderIds.size() >= placedBeforeCrash + 15);
        Platform.stack().startConnect();
        placing.set(false);
        placer.join();

        // Every order committed before, during and after the outage has its OrderPlaced, once per order.
        Set<String> ours = new HashSet<>(orderIds);
        await().atMost(Deadlines.ASYNC).until(() -> TopicProbe.readAll(Topics.ORDERS_ORDER).stream()
                .map(ConsumerRecord::key).collect(Collectors.toSet()).containsAll(ours));
        // The saga goes on meanwhile (these products have no stock, so the orders are cancelled): count OrderPlaced.
        List<ConsumerRecord<String, String>> orderRecords = TopicProbe.readAll(Topics.ORDERS_ORDER).stream()
                .filter(r -> ours.contains(r.key()) && "OrderPlaced".equals(TopicProbe.header(r, "eventType")))
                .toList();
        Map<String, Set<String>> eventIdsPerOrder = orderRecords.stream().collect(Collectors.groupingBy(
                ConsumerRecord::key, Collectors.mapping(r -> TopicProbe.header(r, "id"), Collectors.toSet())));
        assertThat(eventIdsPerOrder).hasSize(ours.size()).allSatisfy((order, ids) -> assertThat(ids).hasSize(1));
        assertThat(ORDERS_DB.count("SELECT COUNT(*) FROM customer_order WHERE customer_id = ?", customerId))
                .isEqualTo(ours.size());

        // Every price change made during the outage reaches the replica, each event applied exactly once.
        finalPrices.forEach(CatalogToOrdersIT::awaitReplicaPrice);
        List<ConsumerRecord<String, String>> productRecords = TopicProbe.readAll(Topics.CATALOG_PRODUCT).stream()
                .filter(r -> products.contains(r.key())).toList();
        Set<String> productEventIds = productRecords.stream().map(r -> TopicProbe.header(r, "id"))
                .collect(Collectors.toSet());
        assertThat(productEventIds).hasSize(PRODUCTS * 3);
        for (String eventId : productEventIds) {
            assertThat(ORDERS_DB.count("SELECT COUNT(*) FROM processed_event WHERE event_id = ?", eventId))
                    .as("event %s applied once", eventId).isEqualTo(1);
        }
        finalPrices.forEach((product, price) -> assertThat((BigDecimal) ORDERS_DB.query(
                "SELECT price FROM catalog_product WHERE product_id = ?", product).get(0).get("price"))
                .isEqualByComparingTo(price));

        // Whatever Connect sent twice after its crash, the consumer saw as a duplicate and skipped.
        long redelivered = productRecords.size() - productEventIds.size();
        assertThat(duplicatesSkippedByTheReplica()).isGreaterThanOrEqualTo(redelivered);
        System.out.printf("Connect outage: %d orders (%d before the crash), %d product events, %d order and %d "
                        + "product records re-sent by Connect after the crash%n", ours.size(), placedBeforeCrash,
                productEventIds.size(), orderRecords.size() - ours.size(), redelivered);
        assertThat(orderRecords).allSatisfy(r -> assertThat(EventCodec.parse(r.value()).type()).isEqualTo("OrderPlaced"));
    }

    private static double duplicatesSkippedByTheReplica() {
        String metrics = given().baseUri(Platform.services().get(PlatformService.ORDERS).uri().toString())
                .get("/q/metrics").then().statusCode(200).extract().asString();
        return metrics.lines()
                .filter(l -> l.startsWith("eventcommerce_events_consumed_total{") && l.contains("delivery=\"duplicate\"")
                        && l.contains("consumer=\"product-replica\""))
                .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1)))
                .sum();
    }
}
