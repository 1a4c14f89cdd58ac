package io.eventcommerce.compliance.audit.messaging;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.eventcommerce.compliance.ComplianceConfig;
import io.eventcommerce.compliance.audit.model.AuditChange;
import io.eventcommerce.compliance.audit.service.AuditTrail;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Feeds the audit topics (audit.&lt;schema&gt;.&lt;table&gt;, a pattern subscription) into the trail, one database
 * transaction per poll. Not a SmallRye channel: a batch must commit as one transaction under the chain's head lock,
 * and its offsets only after that commit, so a crash at any point redelivers records the trail then recognises by
 * their binlog position (stored once). A database failure retries the same batch until it succeeds (nothing is
 * committed past it); a record that is no Debezium row change goes to the dead-letter topic with the reason, since
 * it can never become an entry.
 */
@ApplicationScoped
public class AuditConsumer {

    private static final Logger LOG = Logger.getLogger(AuditConsumer.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final AuditTrail trail;
    private final ComplianceConfig.Audit config;
    private final String bootstrapServers;
    private volatile KafkaConsumer<String, String> consumer;
    private volatile boolean running;
    private Thread thread;

    public AuditConsumer(AuditTrail trail, ComplianceConfig config,
                         @ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers) {
        this.trail = trail;
        this.config = config.audit();
        this.bootstrapServers = bootstrapServers;
    }

    void start(@Observes StartupEvent event) {
        if (!config.consume()) {
            LOG.info("compliance.audit.consume=false: this instance does not feed the audit trail");
            return;
        }
        running = true;
        thread = new Thread(this::run, "audit-trail-consumer");
        thread.setDaemon(true);
        thread.start();
    }

    void stop(@Observes ShutdownEvent event) throws InterruptedException {
        running = false;
        KafkaConsumer<String, String> c = consumer;
        if (c != null) {
            c.wakeup();
        }
        if (thread != null) {
            thread.join(10_000);
        }
    }

    private void run() {
        Map<String, Object> settings = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.GROUP_ID_CONFIG, config.group(),
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.MAX_POLL_RECORDS_CONFIG, config.batchSize(),
                // A table's topic appears with its first change: find it within seconds, not the 5 min default.
                ConsumerConfig.METADATA_MAX_AGE_CONFIG, 5_000,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        while (running) {
            try (KafkaConsumer<String, String> c = new KafkaConsumer<>(settings);
                 KafkaProducer<String, String> deadLetters = new KafkaProducer<>(Map.of(
                         ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                         ProducerConfig.ACKS_CONFIG, "all",
                         ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                         ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class))) {
                consumer = c;
                c.subscribe(Pattern.compile(config.topicPattern()));
                while (running) {
                    ConsumerRecords<String, String> records = c.poll(Duration.ofMillis(200));
                    if (records.isEmpty()) {
                        continue;
                    }
                    List<AuditChange> changes = new ArrayList<>(records.count());
                    for (ConsumerRecord<String, String> record : records) {
                        AuditChange change;
                        try {
                            change = AuditChange.parse(record.key() == null ? null : JSON.readTree(record.key()),
                                    record.value() == null ? null : JSON.readTree(record.value()));
                        } catch (Exception unusable) {
                            deadLetter(deadLetters, record, unusable);
                            continue;
                        }
                        if (change != null) {
                            changes.add(change);
                        }
                    }
                    appendUntilStored(changes);
                    deadLetters.flush();
                    c.commitSync();
                }
            } catch (WakeupException stopping) {
                return;
            } catch (RuntimeException e) {
                if (!running) {
                    return;
                }
                LOG.warnf(e, "Audit consumer failed; reconnecting (uncommitted records are read again)");
                pause(1000);
            }
        }
    }

    /** A transient failure (database or lock) is retried with the same records, so nothing is skipped. */
    private void appendUntilStored(List<AuditChange> changes) {
        long backoff = 100;
        while (true) {
            try {
                AuditTrail.Appended appended = trail.append(changes);
                if (appended.duplicates() > 0) {
                    LOG.infof("%d audit changes were delivered again (already in the trail at their binlog"
                            + " position) and skipped", appended.duplicates());
                }
                return;
            } catch (RuntimeException e) {
                if (!running) {
                    throw e;
                }
                LOG.warnf("Appending %d audit changes failed, retrying in %d ms: %s", changes.size(), backoff,
                        e.getMessage());
                pause(backoff);
                backoff = Math.min(5_000, backoff * 2);
            }
        }
    }

    private void deadLetter(KafkaProducer<String, String> producer, ConsumerRecord<String, String> record,
                            Exception reason) {
        LOG.errorf("Audit record %s-%d@%d is no row change, dead-lettered to %s: %s", record.topic(),
                record.partition(), record.offset(), config.deadLetterTopic(), reason.getMessage());
        ProducerRecord<String, String> letter = new ProducerRecord<>(config.deadLetterTopic(), record.key(),
                record.value());
        letter.headers().add("dead-letter-reason", String.valueOf(reason.getMessage())
                .getBytes(StandardCharsets.UTF_8));
        letter.headers().add("dead-letter-topic", record.topic().getBytes(StandardCharsets.UTF_8));
        letter.headers().add("dead-letter-offset", String.valueOf(record.offset()).getBytes(StandardCharsets.UTF_8));
        producer.send(letter);
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
