package io.eventcommerce.testkit;

import io.eventcommerce.events.Topics;
import org.apache.kafka.clients.consumer.ConsumerRecord;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The dead-letter path of one consumer channel, proven against the running service: a record that is not JSON, then
 * an event of a type the channel applies whose data breaks its contract, both on one key (so one partition, in this
 * order). Each must land in the channel's dead-letter topic ({@link Topics#deadLetter}) with its reason, and the
 * second arriving there shows the channel went on after the first. Used by every service's {@code DeadLetterPathIT}.
 */
public final class DeadLetterPath {

    private DeadLetterPath() {
    }

    /**
     * Sends both poison records to {@code topic} and awaits them in the dead-letter topic of {@code group}.
     *
     * @param appliedType an event type the channel routes (so its data is bound, and refused)
     * @throws AssertionError naming what did not arrive or arrived without its reason
     */
    public static void assertPoisonRecordsDeadLettered(String channel, String topic, String group,
                                                       String appliedType) {
        String key = UUID.randomUUID().toString();
        TopicProbe.send(topic, key, "{\"eventId\": \"" + key + "\", \"type\": ", Map.of());
        String refusedId = UUID.randomUUID().toString();
        TopicProbe.send(topic, key, refused(refusedId, appliedType, key),
                Map.of("id", refusedId, "eventType", appliedType));

        String deadLetters = Topics.deadLetter(topic, group);
        List<ConsumerRecord<String, String>> dead = TopicProbe.readUntil(deadLetters, r -> key.equals(r.key()),
                kept -> kept.size() >= 2, Deadlines.ASYNC);

        String where = "channel " + channel + ", " + deadLetters;
        check(dead.size() == 2, where + ": expected the 2 poison records of key " + key + ", got " + dead.size());
        check(String.valueOf(TopicProbe.header(dead.get(0), "dead-letter-reason")).contains("payload is not JSON"),
                where + ": the record that is not JSON came without its reason: "
                        + TopicProbe.header(dead.get(0), "dead-letter-reason"));
        check(topic.equals(TopicProbe.header(dead.get(0), "dead-letter-topic")),
                where + ": dead-letter-topic header " + TopicProbe.header(dead.get(0), "dead-letter-topic"));
        check(refusedId.equals(TopicProbe.header(dead.get(1), "id")),
                where + ": the second dead letter is not the refused event " + refusedId);
        check(String.valueOf(TopicProbe.header(dead.get(1), "dead-letter-reason"))
                        .contains(appliedType + " data does not match its contract"),
                where + ": the refused event came without its reason: "
                        + TopicProbe.header(dead.get(1), "dead-letter-reason"));
        check(dead.get(1).offset() > dead.get(0).offset(), where + ": dead letters out of order");
    }

    /** A well-formed envelope of {@code type} whose data is not an object of its contract. */
    private static String refused(String eventId, String type, String key) {
        return "{\"eventId\":\"" + eventId + "\",\"type\":\"" + type + "\",\"schemaVersion\":1,\"occurredAt\":\""
                + Instant.now() + "\",\"source\":\"dead-letter-test\",\"aggregateId\":\"" + key
                + "\",\"data\":\"not an object\"}";
    }

    private static void check(boolean condition, String message) {
        if (!condition) {
            throw new AssertionError(message);
        }
    }
}
