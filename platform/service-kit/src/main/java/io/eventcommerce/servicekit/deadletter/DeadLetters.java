package io.eventcommerce.servicekit.deadletter;

import io.eventcommerce.servicekit.deadletter.DeadLetterChannels.DeadLetterTopic;
import io.eventcommerce.servicekit.messaging.DatabaseProbe;
import io.eventcommerce.servicekit.messaging.FailureClass;
import io.eventcommerce.servicekit.messaging.IncomingEvent;
import io.eventcommerce.servicekit.problem.ApiException;
import io.eventcommerce.servicekit.problem.ProblemType;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;

/**
 * Reads and replays this service's dead-letter topics. How far a topic has been replayed is the committed offset of
 * its replay group ({@link DeadLetterTopic#replayGroup()}): records before it are replayed, the rest pending. A replay
 * hands each pending record to the channel's own handler, which records the event in the inbox in its transaction,
 * so an event that was applied before changes nothing. A record that fails again is appended to the end of the same
 * topic with the new reason before the watermark moves past it: nothing is lost. A transient failure (the database
 * gone again) stops the replay where it is.
 */
@ApplicationScoped
public class DeadLetters {

    private static final Logger LOG = Logger.getLogger(DeadLetters.class);
    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final String REASON = "dead-letter-reason";
    private static final String CAUSE = "dead-letter-cause";

    /** A record waiting in a dead-letter topic, with what SmallRye's failure strategy wrote about it. */
    public record DeadLetter(int partition, long offset, String key, String eventId, String type, String reason,
                             String originalTopic, Instant time) {
    }

    /** Per topic: how many records it holds, how many were replayed, how many wait. */
    public record TopicState(String topic, String channel, long total, long replayed, long pending) {
    }

    /** What a replay did. */
    public record Replay(String topic, int replayed, int applied, int failedAgain) {
    }

    private final DeadLetterChannels channels;
    private final DatabaseProbe database;
    private final String bootstrapServers;

    public DeadLetters(DeadLetterChannels channels, DatabaseProbe database,
                       @ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers) {
        this.channels = channels;
        this.database = database;
        this.bootstrapServers = bootstrapServers;
    }

    public List<TopicState> states() {
        List<TopicState> states = new ArrayList<>();
        for (DeadLetterTopic topic : channels.all()) {
            try (KafkaConsumer<String, String> consumer = consumer(topic)) {
                Positions positions = positions(consumer, topic.topic());
                states.add(new TopicState(topic.topic(), topic.channel(), positions.total(), positions.replayed(),
                        positions.pending()));
            }
        }
        return states;
    }

    /** Pending records of {@code topic}, in partition and offset order, {@code size} from {@code skip}. */
    public List<DeadLetter> pending(String topicName, long skip, int size) {
        DeadLetterTopic topic = topic(topicName);
        List<DeadLetter> page = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = consumer(topic)) {
            Positions positions = positions(consumer, topic.topic());
            long toSkip = skip;
            for (TopicPartition partition : positions.partitions()) {
                long from = positions.watermark(partition);
                long end = positions.end().get(partition);
                if (toSkip >= end - from) {
                    toSkip -= end - from;
                    continue;
                }
                for (ConsumerRecord<String, String> record : read(consumer, partition, from + toSkip, end,
                        size - page.size())) {
                    page.add(deadLetter(record));
                }
                toSkip = 0;
                if (page.size() >= size) {
                    break;
                }
            }
        }
        return page;
    }

    /** Replays every pending record of {@code topic} that is there now. */
    public synchronized Replay replay(String topicName) {
        return replay(topic(topicName), null, null);
    }

    /** Replays the one record at {@code partition}/{@code offset}, pending or not. */
    public synchronized Replay replay(String topicName, int partition, long offset) {
        return replay(topic(topicName), partition, offset);
    }

    private Replay replay(DeadLetterTopic topic, Integer onlyPartition, Long onlyOffset) {
        int replayed = 0;
        int applied = 0;
        int failedAgain = 0;
        try (KafkaConsumer<String, String> consumer = consumer(topic); KafkaProducer<String, String> producer = producer()) {
            Positions positions = positions(consumer, topic.topic());
            for (TopicPartition partition : positions.partitions()) {
                if (onlyPartition != null && partition.partition() != onlyPartition) {
                    continue;
                }
                long watermark = positions.watermark(partition);
                long from = onlyOffset != null ? onlyOffset : watermark;
                long end = onlyOffset != null ? Math.min(onlyOffset + 1, positions.end().get(partition))
                        : positions.end().get(partition);
                if (onlyOffset != null && (onlyOffset < positions.begin().get(partition) || from >= end)) {
                    throw ApiException.notFound("Dead letter", topic.topic() + "-" + partition.partition() + "@"
                            + onlyOffset);
                }
                for (ConsumerRecord<String, String> record : read(consumer, partition, from, end, Integer.MAX_VALUE)) {
                    RuntimeException failure = apply(topic, record);
                    FailureClass kind = failure == null ? null : FailureClass.of(failure);
                    if (kind == FailureClass.UNKNOWN && !database.reachable()) {
                        kind = FailureClass.TRANSIENT;
                    }
                    if (kind == FailureClass.TRANSIENT) {
                        throw new ApiException(ProblemType.SERVICE_UNAVAILABLE, "The database is not available; "
                                + "replay of " + topic.topic() + " stopped at partition " + partition.partition()
                                + " offset " + record.offset() + ", nothing was lost; replay again later");
                    }
                    replayed++;
                    if (failure == null) {
                        applied++;
                    } else {
                        failedAgain++;
                        LOG.warnf("Replay of %s-%d@%d failed again (%s), appending it to the topic: %s",
                                record.topic(), record.partition(), record.offset(), kind,
                                FailureClass.describe(failure));
                        appendAgain(producer, record, failure);
                    }
                    // The watermark only moves over a contiguous run: a single record replayed out of order
                    // stays pending and is simply found applied (by the inbox) when the run reaches it.
                    if (record.offset() == watermark) {
                        watermark = record.offset() + 1;
                        consumer.commitSync(Map.of(partition, new OffsetAndMetadata(watermark)), TIMEOUT);
                    }
                }
            }
        }
        LOG.infof("Replayed %d records of %s: %d applied, %d failed again", replayed, topic.topic(), applied,
                failedAgain);
        return new Replay(topic.topic(), replayed, applied, failedAgain);
    }

    /** @return null if applied, otherwise the failure */
    private static RuntimeException apply(DeadLetterTopic topic, ConsumerRecord<String, String> record) {
        try {
            topic.handler().accept(IncomingEvent.from(record));
            return null;
        } catch (RuntimeException e) {
            return e;
        }
    }

    /** The record again at the end of its topic, its reason replaced by the new failure's, as SmallRye writes it. */
    private static void appendAgain(KafkaProducer<String, String> producer, ConsumerRecord<String, String> record,
                                    RuntimeException failure) {
        ProducerRecord<String, String> again = new ProducerRecord<>(record.topic(), null, record.key(), record.value());
        for (Header header : record.headers()) {
            if (!header.key().equals(REASON) && !header.key().equals(CAUSE)) {
                again.headers().add(header.key(), header.value());
            }
        }
        again.headers().add(REASON, bytes(failure.getMessage() == null ? failure.toString() : failure.getMessage()));
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        if (root != failure) {
            again.headers().add(CAUSE, bytes(String.valueOf(root.getMessage())));
        }
        again.headers().add("dead-letter-replayed-from", bytes(record.partition() + "@" + record.offset()));
        try {
            producer.send(again).get(TIMEOUT.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while appending to " + record.topic(), e);
        } catch (ExecutionException | java.util.concurrent.TimeoutException e) {
            // Not appended: the watermark must not move past it, so the replay stops here.
            throw new IllegalStateException("Could not append the failed record to " + record.topic(), e);
        }
    }

    /** Pending records per dead-letter topic, for the depth gauge. */
    public Map<String, Long> depths() {
        Map<String, Long> depths = new HashMap<>();
        states().forEach(state -> depths.put(state.topic(), state.pending()));
        return depths;
    }

    private DeadLetterTopic topic(String name) {
        return channels.get(name).orElseThrow(() -> ApiException.notFound("Dead-letter topic", name));
    }

    private record Positions(List<TopicPartition> partitions, Map<TopicPartition, Long> begin,
                             Map<TopicPartition, Long> end, Map<TopicPartition, OffsetAndMetadata> committed) {

        long watermark(TopicPartition partition) {
            OffsetAndMetadata mark = committed.get(partition);
            return Math.min(end.get(partition), Math.max(begin.get(partition), mark == null ? 0 : mark.offset()));
        }

        long total() {
            return partitions.stream().mapToLong(p -> end.get(p) - begin.get(p)).sum();
        }

        long pending() {
            return partitions.stream().mapToLong(p -> end.get(p) - watermark(p)).sum();
        }

        long replayed() {
            return total() - pending();
        }
    }

    private static Positions positions(KafkaConsumer<String, String> consumer, String topic) {
        List<PartitionInfo> infos = consumer.partitionsFor(topic, TIMEOUT);
        List<TopicPartition> partitions = infos == null ? List.of() : infos.stream()
                .map(info -> new TopicPartition(topic, info.partition()))
                .sorted(Comparator.comparingInt(TopicPartition::partition)).toList();
        if (partitions.isEmpty()) {
            // Not created yet: nothing was ever dead-lettered here.
            return new Positions(List.of(), Map.of(), Map.of(), Map.of());
        }
        Map<TopicPartition, OffsetAndMetadata> committed = new HashMap<>(
                consumer.committed(Set.copyOf(partitions), TIMEOUT));
        committed.values().removeIf(java.util.Objects::isNull);
        return new Positions(partitions, consumer.beginningOffsets(partitions, TIMEOUT),
                consumer.endOffsets(partitions, TIMEOUT), committed);
    }

    private static List<ConsumerRecord<String, String>> read(KafkaConsumer<String, String> consumer,
                                                             TopicPartition partition, long from, long end, int max) {
        List<ConsumerRecord<String, String>> records = new ArrayList<>();
        if (from >= end || max <= 0) {
            return records;
        }
        consumer.assign(List.of(partition));
        consumer.seek(partition, from);
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (consumer.position(partition, TIMEOUT) < end && records.size() < max) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("Could not read " + partition + " up to offset " + end);
            }
            for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                if (record.offset() < end && records.size() < max) {
                    records.add(record);
                }
            }
        }
        return records;
    }

    private static DeadLetter deadLetter(ConsumerRecord<String, String> record) {
        return new DeadLetter(record.partition(), record.offset(), record.key(), header(record, "id"),
                header(record, "eventType"), header(record, REASON), header(record, "dead-letter-topic"),
                Instant.ofEpochMilli(record.timestamp()));
    }

    private static String header(ConsumerRecord<?, ?> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private static byte[] bytes(String value) {
        return value.getBytes(StandardCharsets.UTF_8);
    }

    private KafkaConsumer<String, String> consumer(DeadLetterTopic topic) {
        return new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.GROUP_ID_CONFIG, topic.replayGroup(),
                ConsumerConfig.CLIENT_ID_CONFIG, topic.replayGroup() + "-" + topic.topic(),
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false",
                ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, "false",
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName(),
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName()));
    }

    private KafkaProducer<String, String> producer() {
        return new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true",
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName(),
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName()));
    }
}
