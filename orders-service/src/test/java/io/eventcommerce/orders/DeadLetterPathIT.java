package io.eventcommerce.orders;

import io.eventcommerce.events.Topics;
import io.eventcommerce.testkit.Deadlines;
import io.eventcommerce.testkit.TopicProbe;
import io.quarkus.test.junit.QuarkusTest;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The dead-letter path of every channel: a record that is not JSON, then an event of a type the channel applies
 * whose data breaks its contract, both on one key (so one partition, in this order). Each lands in the channel's
 * dead-letter topic with its reason, and the second arriving there shows the channel went on after the first.
 * DeadLetterReplayIT takes one channel further, through the replay.
 */
@QuarkusTest
class DeadLetterPathIT {

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "catalog-product,     catalog.product,     orders-service,          ProductCreated",
            "catalog-promotion,   catalog.promotion,   orders-service,          PromotionUpdated",
            "catalog-reservation, catalog.reservation, orders-service,          StockReserved",
            "compliance-fraud,    compliance.fraud,    orders-service,          FraudAssessed",
            "order-payments,      orders.order,        orders-service-payments, OrderConfirmed"})
    void aPoisonRecordLandsInTheChannelsDeadLetterTopicWithItsReasonAndTheChannelGoesOn(
            String channel, String topic, String group, String type) {
        String key = UUID.randomUUID().toString();
        TopicProbe.send(topic, key, "{\"eventId\": \"" + key + "\", \"type\": ", Map.of());
        String refusedId = UUID.randomUUID().toString();
        TopicProbe.send(topic, key, refused(refusedId, type, key), Map.of("id", refusedId, "eventType", type));

        String deadLetters = Topics.deadLetter(topic, group);
        List<ConsumerRecord<String, String>> dead = TopicProbe.readUntil(deadLetters, r -> key.equals(r.key()),
                kept -> kept.size() >= 2, Deadlines.ASYNC);

        assertThat(dead).as(channel).hasSize(2);
        assertThat(TopicProbe.header(dead.get(0), "dead-letter-reason")).contains("payload is not JSON");
        assertThat(TopicProbe.header(dead.get(0), "dead-letter-topic")).isEqualTo(topic);
        assertThat(TopicProbe.header(dead.get(1), "id")).isEqualTo(refusedId);
        assertThat(TopicProbe.header(dead.get(1), "dead-letter-reason"))
                .contains(type + " data does not match its contract");
        assertThat(dead.get(1).offset()).isGreaterThan(dead.get(0).offset());
    }

    /** A well-formed envelope of {@code type} whose data is not an object of its contract. */
    private static String refused(String eventId, String type, String key) {
        return "{\"eventId\":\"" + eventId + "\",\"type\":\"" + type + "\",\"schemaVersion\":1,\"occurredAt\":\""
                + Instant.now() + "\",\"source\":\"dead-letter-test\",\"aggregateId\":\"" + key
                + "\",\"data\":\"not an object\"}";
    }
}
