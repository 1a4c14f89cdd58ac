package io.eventcommerce.orders;

import io.eventcommerce.events.EventEnvelope;
import io.eventcommerce.events.Topics;
import io.eventcommerce.events.catalog.ProductCreated;
import io.eventcommerce.events.catalog.ProductSnapshot;
import io.eventcommerce.testkit.Deadlines;
import io.eventcommerce.testkit.TopicProbe;
import io.quarkus.test.junit.QuarkusTest;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.Map;
import java.util.UUID;

import static io.eventcommerce.orders.OrdersFixtures.ORDERS;
import static io.eventcommerce.orders.OrdersFixtures.awaitReplica;
import static io.eventcommerce.orders.OrdersFixtures.created;
import static io.eventcommerce.orders.OrdersFixtures.replicaRow;
import static io.eventcommerce.orders.OrdersFixtures.send;
import static io.eventcommerce.orders.OrdersFixtures.snapshot;
import static io.eventcommerce.orders.OrdersFixtures.updated;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The product replica consumes catalog.product idempotently: a redelivered event changes nothing, a stale one is
 * ignored, a poison message goes to the dead-letter topic and the consumer goes on.
 */
@QuarkusTest
class ProductReplicaIT {

    private static final String DLQ = Topics.deadLetter(Topics.CATALOG_PRODUCT, "orders-service");

    private static long processed(UUID eventId) {
        return ORDERS.count("SELECT COUNT(*) FROM processed_event WHERE consumer = 'product-replica' AND event_id = ?",
                eventId.toString());
    }

    @Test
    void theSameEventDeliveredTwiceChangesTheReplicaOnce() {
        UUID productId = UUID.randomUUID();
        EventEnvelope<ProductCreated> first = send(created(snapshot(productId, "10.00", "ACTIVE", 0)));
        awaitReplica(productId, 0);

        // The redelivery carries the same event id; this copy would even pass the version check (version 5), so
        // only the inbox can stop it.
        send(first);
        send(new EventEnvelope<>(first.eventId(), first.type(), first.schemaVersion(), first.occurredAt(),
                first.source(), first.aggregateId(), new ProductCreated(snapshot(productId, "99.00", "ACTIVE", 5))));
        // Same key, same partition: once this one is applied, both copies before it have been handled.
        EventEnvelope<?> next = send(updated(snapshot(productId, "12.00", "ACTIVE", 1)));
        awaitReplica(productId, 1);

        assertThat(processed(first.eventId())).isEqualTo(1);
        assertThat(processed(next.eventId())).isEqualTo(1);
        assertThat((BigDecimal) replicaRow(productId).get("price")).isEqualByComparingTo("12.00");
        assertThat(replicaRow(productId).get("last_event_id")).isEqualTo(next.eventId().toString());
    }

    @Test
    void anOlderSnapshotArrivingLateDoesNotOverwriteANewerOne() {
        UUID productId = UUID.randomUUID();
        send(created(snapshot(productId, "10.00", "ACTIVE", 0)));
        send(updated(snapshot(productId, "15.00", "ACTIVE", 2)));
        awaitReplica(productId, 2);

        EventEnvelope<?> stale = send(updated(snapshot(productId, "11.00", "DISCONTINUED", 1)));
        EventEnvelope<?> marker = send(updated(snapshot(productId, "15.00", "ACTIVE", 3)));
        awaitReplica(productId, 3);

        assertThat(processed(stale.eventId())).as("stale events are recorded, just not applied").isEqualTo(1);
        assertThat(processed(marker.eventId())).isEqualTo(1);
        assertThat((BigDecimal) replicaRow(productId).get("price")).isEqualByComparingTo("15.00");
        assertThat(replicaRow(productId).get("status")).isEqualTo("ACTIVE");
    }

    @Test
    void poisonMessagesGoToTheDeadLetterTopicAndTheNextGoodMessageIsStillProcessed() {
        UUID productId = UUID.randomUUID();
        String key = productId.toString();
        TopicProbe.send(Topics.CATALOG_PRODUCT, key, "{this is not json", Map.of("id", "garbage-1"));
        ProductSnapshot wrongData = snapshot(productId, "10.00", "ACTIVE", 0);
        String badPrice = io.eventcommerce.events.EventCodec.toJson(created(wrongData))
                .replace("\"price\":\"10.00\"", "\"price\":\"ten dollars\"");
        TopicProbe.send(Topics.CATALOG_PRODUCT, key, badPrice, Map.of());
        send(created(snapshot(productId, "10.00", "ACTIVE", 0)));

        awaitReplica(productId, 0);
        ConsumerRecord<String, String> notJson = TopicProbe.await(DLQ,
                r -> key.equals(r.key()) && r.value().equals("{this is not json"), Deadlines.ASYNC);
        assertThat(TopicProbe.header(notJson, "dead-letter-reason")).contains("not JSON");
        assertThat(TopicProbe.header(notJson, "dead-letter-topic")).isEqualTo(Topics.CATALOG_PRODUCT);
        ConsumerRecord<String, String> mismatch = TopicProbe.await(DLQ,
                r -> key.equals(r.key()) && r.value().contains("ten dollars"), Deadlines.ASYNC);
        assertThat(TopicProbe.header(mismatch, "dead-letter-reason")).contains("ProductCreated");
    }

    @Test
    void eventTypesTheConsumerDoesNotKnowAreSkippedNotDeadLettered() {
        UUID productId = UUID.randomUUID();
        String unknownType = io.eventcommerce.events.EventCodec.toJson(created(snapshot(productId, "10.00", "ACTIVE", 0)))
                .replace("\"type\":\"ProductCreated\"", "\"type\":\"ProductArchived\"");
        TopicProbe.send(Topics.CATALOG_PRODUCT, productId.toString(), unknownType, Map.of());
        send(created(snapshot(productId, "10.00", "ACTIVE", 0)));

        awaitReplica(productId, 0);
        assertThat(TopicProbe.readAll(DLQ)).noneMatch(r -> r.value().contains("ProductArchived"));
    }
}
