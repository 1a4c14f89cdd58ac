package io.eventcommerce.devstack;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The embedded stack end to end, without any service: an outbox row committed in MariaDB reaches its topic
 * through Debezium and the EventRouter, also across a Connect crash; a broker started again after a crash (as the
 * supervisor does) is the same cluster with the same records and Debezium streams on; a restart keeps data and
 * connectors.
 */
class EmbeddedStackIT {

    private static final String TOPIC = "stack-it.thing";

    // A strong reference: java.util.logging forgets the level of a logger nobody holds.
    private static final java.util.logging.Logger KAFKA_LOG = java.util.logging.Logger.getLogger("org.apache.kafka");

    static {
        KAFKA_LOG.setLevel(java.util.logging.Level.WARNING);
    }

    @Test
    void outboxRowsTravelThroughDebeziumAcrossAConnectCrashAndARestart() {
        Path work = Path.of("target/embedded-stack-it-" + UUID.randomUUID());
        String first = UUID.randomUUID().toString();
        String second = UUID.randomUUID().toString();
        String third = UUID.randomUUID().toString();
        try (EmbeddedStack stack = EmbeddedStack.start(StackOptions.ephemeral(work))) {
            assertThat(stack.sql("SELECT User FROM mysql.user WHERE User = ''")).isBlank();
            assertThat(stack.sql("SHOW GRANTS FOR 'catalog'@'%'").lines().filter(l -> !l.startsWith("GRANT USAGE")))
                    .singleElement().asString().contains("ON `catalog`.*");
            stack.registerConnectors();
            assertThat(stack.connect().state("outbox").running()).isTrue();
            stack.sql("""
                    CREATE TABLE catalog.outbox_event (id CHAR(36) PRIMARY KEY, aggregate_type VARCHAR(100) NOT NULL,
                      aggregate_id VARCHAR(100) NOT NULL, event_type VARCHAR(100) NOT NULL, payload MEDIUMTEXT NOT NULL)""");
            publish(stack, first, "{\"n\":1,\"price\":\"19.90\"}");

            ConsumerRecord<String, String> record = awaitRecord(stack, first);
            assertThat(record.key()).isEqualTo("thing-1");
            assertThat(record.value()).isEqualTo("{\"n\":1,\"price\":\"19.90\"}");
            assertThat(header(record, "eventType")).isEqualTo("ThingHappened");
            assertThat(stack.sql("SELECT COUNT(*) FROM catalog.outbox_event").trim()).isEqualTo("0");

            stack.killConnect();
            publish(stack, second, "{\"n\":2}");
            stack.startConnect();
            assertThat(awaitRecord(stack, second).value()).isEqualTo("{\"n\":2}");

            String clusterId = clusterId(stack);
            stack.kill("kafka");
            stack.launch("kafka");
            stack.awaitReady("kafka", Duration.ofMinutes(2));
            assertThat(clusterId(stack)).as("storage kept, not formatted again").isEqualTo(clusterId);
            assertThat(awaitRecord(stack, first).value()).contains("\"n\":1");
            publish(stack, third, "{\"n\":3}");
            assertThat(awaitRecord(stack, third).value()).isEqualTo("{\"n\":3}");
        }
        try (EmbeddedStack again = EmbeddedStack.start(StackOptions.ephemeral(work))) {
            assertThat(again.sql("SHOW TABLES FROM catalog")).contains("outbox_event");
            assertThat(again.connect().connectors()).contains("outbox");
            assertThat(awaitRecord(again, first).value()).contains("\"n\":1");
        }
    }

    private static void publish(EmbeddedStack stack, String id, String payload) {
        stack.sql("START TRANSACTION;"
                + "INSERT INTO catalog.outbox_event VALUES ('" + id + "','" + TOPIC + "','thing-1','ThingHappened','"
                + payload + "');"
                + "DELETE FROM catalog.outbox_event WHERE id = '" + id + "';"
                + "COMMIT;");
    }

    private static ConsumerRecord<String, String> awaitRecord(EmbeddedStack stack, String eventId) {
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafkaBootstrapServers(),
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName(),
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName()))) {
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            List<TopicPartition> partitions = new ArrayList<>();
            while (System.nanoTime() < deadline) {
                if (partitions.isEmpty()) {
                    // Empty while the broker is still creating the topic Debezium's first record asked for.
                    consumer.partitionsFor(TOPIC, Duration.ofSeconds(5))
                            .forEach(p -> partitions.add(new TopicPartition(TOPIC, p.partition())));
                    if (partitions.isEmpty()) {
                        continue;
                    }
                    consumer.assign(partitions);
                    consumer.seekToBeginning(partitions);
                }
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                    if (eventId.equals(header(record, "id"))) {
                        return record;
                    }
                }
            }
        }
        throw new AssertionError("event " + eventId + " did not arrive on " + TOPIC);
    }

    private static String clusterId(EmbeddedStack stack) {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                stack.kafkaBootstrapServers()))) {
            return admin.describeCluster().clusterId().get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError("Cannot read the Kafka cluster id", e);
        }
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        var header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
