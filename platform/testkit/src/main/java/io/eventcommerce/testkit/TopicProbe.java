package io.eventcommerce.testkit;

import io.eventcommerce.events.DomainEvent;
import io.eventcommerce.events.EventCodec;
import io.eventcommerce.events.EventEnvelope;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.function.Predicate;

/**
 * Reads and writes topics of the test stack the way another service would. Every read starts from the beginning
 * of the topic with its own consumer (no group), so tests never disturb each other's offsets.
 */
public final class TopicProbe {

    public static final Duration DEFAULT_TIMEOUT = Deadlines.ASYNC;

    private TopicProbe() {
    }

    /** The first record on {@code topic} that matches, waiting up to {@code timeout} for it to arrive. */
    public static ConsumerRecord<String, String> await(String topic, Predicate<ConsumerRecord<String, String>> match,
                                                       Duration timeout) {
        try (KafkaConsumer<String, String> consumer = consumer()) {
            long deadline = System.nanoTime() + timeout.toNanos();
            List<TopicPartition> partitions = List.of();
            while (System.nanoTime() < deadline) {
                if (partitions.isEmpty()) {
                    partitions = assignFromStart(consumer, topic);
                    if (partitions.isEmpty()) {
                        pause();
                        continue;
                    }
                }
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                    if (match.test(record)) {
                        return record;
                    }
                }
            }
        }
        throw new AssertionError("No matching record on " + topic + " within " + timeout.toSeconds() + " s");
    }

    /** The record whose {@code id} header (the event id) is {@code eventId}. */
    public static ConsumerRecord<String, String> awaitEvent(String topic, String eventId) {
        return await(topic, r -> eventId.equals(header(r, "id")), DEFAULT_TIMEOUT);
    }

    /** The first record with this key and event type. */
    public static ConsumerRecord<String, String> awaitKey(String topic, String key, String eventType) {
        return await(topic, r -> key.equals(r.key()) && eventType.equals(header(r, "eventType")), DEFAULT_TIMEOUT);
    }

    /** Every record on the topic now, up to the end offsets read at the start of the call. */
    public static List<ConsumerRecord<String, String>> readAll(String topic) {
        try (KafkaConsumer<String, String> consumer = consumer()) {
            List<TopicPartition> partitions = assignFromStart(consumer, topic);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            List<ConsumerRecord<String, String>> records = new ArrayList<>();
            long deadline = System.nanoTime() + DEFAULT_TIMEOUT.toNanos();
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                if (System.nanoTime() > deadline) {
                    throw new AssertionError("Could not read " + topic + " to its end");
                }
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
            }
            return records;
        }
    }

    /**
     * Reads {@code topic} from its start with one consumer, keeping the records that match {@code filter}, until
     * {@code done} holds for those kept; then reads on to the end the topic had at that moment, so that a duplicate
     * already on the topic is among them. For many records (an upload's 100,000 events), where {@link #readAll} in
     * an await loop would read the whole topic again each time. {@code done} is asked after every poll: keep it
     * cheap (a size).
     */
    public static List<ConsumerRecord<String, String>> readUntil(String topic,
                                                                  Predicate<ConsumerRecord<String, String>> filter,
                                                                  Predicate<List<ConsumerRecord<String, String>>> done,
                                                                  Duration timeout) {
        try (KafkaConsumer<String, String> consumer = consumer()) {
            long deadline = System.nanoTime() + timeout.toNanos();
            List<ConsumerRecord<String, String>> kept = new ArrayList<>();
            List<TopicPartition> partitions = List.of();
            Map<TopicPartition, Long> end = null;
            while (end == null || !reached(consumer, end)) {
                if (System.nanoTime() > deadline) {
                    throw new AssertionError("Only " + kept.size() + " matching records on " + topic + " within "
                            + timeout.toSeconds() + " s");
                }
                if (partitions.isEmpty()) {
                    partitions = assignFromStart(consumer, topic);
                    if (partitions.isEmpty()) {
                        pause();
                        continue;
                    }
                }
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                    if (filter.test(record)) {
                        kept.add(record);
                    }
                }
                if (end == null && done.test(kept)) {
                    end = consumer.endOffsets(partitions);
                }
            }
            return kept;
        }
    }

    /** Sends a record as a producer of another service would (or a misbehaving one). */
    public static void send(String topic, String key, String value, Map<String, String> headers) {
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestStack.get().kafkaBootstrapServers(),
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName(),
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName(),
                ProducerConfig.ACKS_CONFIG, "all"))) {
            ProducerRecord<String, String> record = new ProducerRecord<>(topic, key, value);
            headers.forEach((name, v) -> record.headers().add(name, v.getBytes(StandardCharsets.UTF_8)));
            producer.send(record).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("Could not send to " + topic, e.getCause());
        }
    }

    /**
     * Sends records in their order through one producer (idempotent, so a retried send is not duplicated), each
     * with its headers: for a test that feeds a consumer a history of hundreds of events.
     */
    public static void sendAll(List<ProducerRecord<String, String>> records) {
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestStack.get().kafkaBootstrapServers(),
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName(),
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName(),
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true"))) {
            List<Future<?>> sent = new ArrayList<>(records.size());
            records.forEach(record -> sent.add(producer.send(record)));
            for (Future<?> future : sent) {
                future.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("Could not send " + records.size() + " records", e.getCause());
        }
    }

    /**
     * The record the owner's outbox (Debezium's outbox router) would produce for {@code event}: key = aggregate id,
     * headers id (= event id) and eventType; for a test that feeds a consumer events of another service.
     */
    public static ProducerRecord<String, String> outboxRecord(DomainEvent event, String source) {
        EventEnvelope<DomainEvent> envelope = EventEnvelope.wrap(event, source, Instant.now());
        ProducerRecord<String, String> record = new ProducerRecord<>(event.eventType().topic(),
                envelope.aggregateId(), EventCodec.toJson(envelope));
        record.headers().add("id", envelope.eventId().toString().getBytes(StandardCharsets.UTF_8));
        record.headers().add("eventType", envelope.type().getBytes(StandardCharsets.UTF_8));
        return record;
    }

    public static String header(ConsumerRecord<?, ?> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private static KafkaConsumer<String, String> consumer() {
        return new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TestStack.get().kafkaBootstrapServers(),
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName(),
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName(),
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false",
                ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, "false"));
    }

    private static boolean reached(KafkaConsumer<String, String> consumer, Map<TopicPartition, Long> end) {
        return end.entrySet().stream().allMatch(e -> consumer.position(e.getKey()) >= e.getValue());
    }

    private static List<TopicPartition> assignFromStart(KafkaConsumer<String, String> consumer, String topic) {
        List<PartitionInfo> infos = consumer.listTopics(Duration.ofSeconds(10)).get(topic);
        if (infos == null) {
            return List.of();
        }
        List<TopicPartition> partitions = infos.stream().map(p -> new TopicPartition(topic, p.partition())).toList();
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
        return partitions;
    }

    private static void pause() {
        try {
            Thread.sleep(200);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
