package io.eventcommerce.orders;

import io.eventcommerce.events.EventCodec;
import io.eventcommerce.events.EventEnvelope;
import io.eventcommerce.events.Topics;
import io.eventcommerce.events.catalog.ProductCreated;
import io.eventcommerce.testkit.TestTokens;
import io.eventcommerce.testkit.TopicProbe;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.eventcommerce.orders.OrdersFixtures.ORDERS;
import static io.eventcommerce.orders.OrdersFixtures.SUPPORT;
import static io.eventcommerce.orders.OrdersFixtures.created;
import static io.eventcommerce.orders.OrdersFixtures.replicaRow;
import static io.eventcommerce.orders.OrdersFixtures.snapshot;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * An operator's way back from a dead letter: a product event whose data breaks its contract is dead-lettered; the
 * corrected event, published into the dead-letter topic, is applied exactly once by a replay through the channel's
 * own handler; the poison copy fails again and waits at the end of the topic; replaying again changes nothing.
 */
@QuarkusTest
class DeadLetterReplayIT {

    private static final String DLQ = Topics.deadLetter(Topics.CATALOG_PRODUCT, "orders-service");
    private static final String ADMIN = TestTokens.forRoles("admin");

    private static long processed(UUID eventId) {
        return ORDERS.count("SELECT COUNT(*) FROM processed_event WHERE consumer = 'product-replica' AND event_id = ?",
                eventId.toString());
    }

    private static JsonPath replay() {
        return given().auth().oauth2(ADMIN).post("/admin/dead-letters/" + DLQ + "/replay")
                .then().statusCode(200).extract().jsonPath();
    }

    /** Pending records of the DLQ with this key, across all pages. */
    private static List<Map<String, Object>> pending(String key) {
        List<Map<String, Object>> found = new ArrayList<>();
        for (int page = 0; ; page++) {
            JsonPath topics = given().auth().oauth2(ADMIN).queryParam("topic", DLQ).queryParam("page", page)
                    .queryParam("size", 100).get("/admin/dead-letters").then().statusCode(200).extract().jsonPath();
            assertThat(topics.getList("topic")).containsExactly(DLQ);
            List<Map<String, Object>> items = topics.getList("[0].records.items");
            items.stream().filter(item -> key.equals(item.get("key"))).forEach(found::add);
            if (page + 1 >= topics.getInt("[0].records.totalPages")) {
                return found;
            }
        }
    }

    @Test
    void aFixedEventReplayedFromTheDeadLetterTopicIsAppliedOnceAndReplayingAgainChangesNothing() {
        UUID productId = UUID.randomUUID();
        String key = productId.toString();
        EventEnvelope<ProductCreated> event = created(snapshot(productId, "10.00", "ACTIVE", 0));
        String fixed = EventCodec.toJson(event);
        String poison = fixed.replace("\"price\":\"10.00\"", "\"price\":\"ten dollars\"");
        Map<String, String> headers = Map.of("id", event.eventId().toString(), "eventType", event.type());
        TopicProbe.send(Topics.CATALOG_PRODUCT, key, poison, headers);

        ConsumerRecord<String, String> dead = TopicProbe.await(DLQ, r -> key.equals(r.key()), Duration.ofMinutes(2));
        assertThat(TopicProbe.header(dead, "dead-letter-reason")).contains("ProductCreated");
        assertThat(pending(key)).singleElement().satisfies(record -> {
            assertThat(record.get("offset")).isEqualTo((int) dead.offset());
            assertThat(record.get("eventId")).isEqualTo(event.eventId().toString());
            assertThat(record.get("type")).isEqualTo("ProductCreated");
            assertThat((String) record.get("reason")).contains("ProductCreated");
        });

        // Only an admin may look or replay.
        given().auth().oauth2(SUPPORT).get("/admin/dead-letters").then().statusCode(403);
        given().auth().oauth2(SUPPORT).post("/admin/dead-letters/" + DLQ + "/replay").then().statusCode(403);
        given().auth().oauth2(ADMIN).post("/admin/dead-letters/no.such.dlq/replay").then().statusCode(404);

        // The operator publishes the corrected event into the dead-letter topic, then replays it.
        TopicProbe.send(DLQ, key, fixed, headers);
        JsonPath first = replay();
        assertThat(first.getInt("applied")).isGreaterThanOrEqualTo(1);
        assertThat(first.getInt("failedAgain")).isGreaterThanOrEqualTo(1);

        assertThat(processed(event.eventId())).isEqualTo(1);
        assertThat((BigDecimal) replicaRow(productId).get("price")).isEqualByComparingTo("10.00");
        assertThat(replicaRow(productId).get("last_event_id")).isEqualTo(event.eventId().toString());
        // The poison copy failed again: it waits at the end of the topic with its new reason; the fixed one is done.
        List<Map<String, Object>> waiting = pending(key);
        assertThat(waiting).singleElement().satisfies(record -> {
            assertThat(((Number) record.get("offset")).longValue()).isGreaterThan(dead.offset() + 1);
            assertThat((String) record.get("reason")).contains("ProductCreated");
        });

        // Replaying again changes nothing: the fixed event is not replayed again, the poison fails again.
        replay();
        assertThat(processed(event.eventId())).isEqualTo(1);
        assertThat((BigDecimal) replicaRow(productId).get("price")).isEqualByComparingTo("10.00");
        assertThat(ORDERS.count("SELECT COUNT(*) FROM catalog_product WHERE product_id = ?", key)).isEqualTo(1);
        assertThat(pending(key)).hasSize(1);
    }

    @Test
    void replayingOneRecordNeedsBothItsPartitionAndOffset() {
        given().auth().oauth2(ADMIN).queryParam("partition", 0).post("/admin/dead-letters/" + DLQ + "/replay")
                .then().statusCode(422);
    }
}
