package io.eventcommerce.compliance.checks.service;

import io.eventcommerce.compliance.ComplianceConfig;
import io.eventcommerce.servicekit.pci.CardNumbers;
import io.eventcommerce.servicekit.time.Timestamps;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Pattern;

/**
 * PCI DSS 3 and 4 for data in motion: reads every domain topic and every audit topic (a pattern subscription, so a new
 * topic is read from its first record) with a consumer group of its own and searches each record's key, value and
 * headers for card numbers ({@link RecordScan}). A hit is an alert of {@code pci-events-in-transit} at once, one per
 * record and number, showing the number masked; the number itself is never stored or logged.
 *
 * <p>Not a SmallRye channel, for the same reasons as the audit consumer: a poll's alerts and the partitions' progress
 * are one database transaction, and its offsets are committed after it, so a crash or a broker restart redelivers
 * records whose alerts are then recognised (the subject is the record's topic, partition and offset) rather than
 * raised twice. Its own thread, consumer and group: the domain consumers never wait for it, and it never takes their
 * records. A record it cannot read is no reason to stop: bytes are read as UTF-8 whatever they are, what is no JSON
 * is searched as text, and a record that still cannot be searched is an alert of its own (a record nobody looked
 * at).
 */
@ApplicationScoped
public class PciTransitScanner {

    private static final Logger LOG = Logger.getLogger(PciTransitScanner.class);
    /** The scanner thread's stack: the card pattern recurses per digit group, and producers write what they like. */
    private static final long STACK = 64L << 20;

    private final ComplianceChecks checks;
    private final EntityManager em;
    private final ComplianceConfig.PciTransit config;
    private final String bootstrapServers;
    private final Counter scannedCounter;
    private final Counter hitCounter;
    private final AtomicLong scanned = new AtomicLong();
    private final AtomicLong hits = new AtomicLong();
    private final AtomicLong unscannable = new AtomicLong();
    private final AtomicReference<String> lastError = new AtomicReference<>();
    private volatile Instant lastBatchAt;
    private volatile KafkaConsumer<byte[], byte[]> consumer;
    private volatile boolean running;
    private Thread thread;

    public PciTransitScanner(ComplianceChecks checks, EntityManager em, ComplianceConfig config, MeterRegistry meters,
                             @ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers) {
        this.checks = checks;
        this.em = em;
        this.config = config.checks().pciTransit();
        this.bootstrapServers = bootstrapServers;
        this.scannedCounter = meters.counter("eventcommerce.compliance.pci.transit.records");
        this.hitCounter = meters.counter("eventcommerce.compliance.pci.transit.hits");
    }

    /** What this instance has done since it started, for a run's evidence. */
    public Map<String, Object> state() {
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("enabled", config.enabled());
        state.put("running", running && thread != null && thread.isAlive());
        state.put("recordsScannedSinceStart", scanned.get());
        state.put("hitsSinceStart", hits.get());
        state.put("unscannableSinceStart", unscannable.get());
        state.put("lastBatchAt", lastBatchAt == null ? null : lastBatchAt.toString());
        state.put("lastError", lastError.get());
        return state;
    }

    void start(@Observes StartupEvent event) {
        if (!config.enabled()) {
            LOG.info("compliance.checks.pci-transit.enabled=false: this instance does not scan events in transit");
            return;
        }
        running = true;
        thread = new Thread(null, this::run, "pci-transit-scanner", STACK);
        thread.setDaemon(true);
        thread.start();
    }

    void stop(@Observes ShutdownEvent event) throws InterruptedException {
        running = false;
        KafkaConsumer<byte[], byte[]> c = consumer;
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
                // A topic the pattern newly matches is read from its first record: "latest" would skip what was
                // published before the subscription noticed it.
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.MAX_POLL_RECORDS_CONFIG, config.batchSize(),
                ConsumerConfig.METADATA_MAX_AGE_CONFIG, 5_000,
                ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                // Bytes, never strings: a record that is no UTF-8 must not fail deserialisation in poll().
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        while (running) {
            try (KafkaConsumer<byte[], byte[]> c = new KafkaConsumer<>(settings)) {
                consumer = c;
                c.subscribe(Pattern.compile(config.topicPattern()));
                while (running) {
                    ConsumerRecords<byte[], byte[]> records = c.poll(Duration.ofMillis(500));
                    if (records.isEmpty()) {
                        continue;
                    }
                    process(records);
                    c.commitSync();
                    lastError.set(null);
                }
            } catch (WakeupException stopping) {
                return;
            } catch (RuntimeException e) {
                if (!running) {
                    return;
                }
                lastError.set(String.valueOf(e));
                LOG.warnf(e, "PCI scan of events in transit failed; reconnecting (uncommitted records are read again,"
                        + " their alerts are not raised twice)");
                pause(1000);
            }
        }
    }

    /** A poll's findings and, per partition, the offsets it read. */
    record Batch(List<ComplianceCheck.Finding> findings, Map<TopicPartition, List<Long>> offsets,
                 Map<String, TopicPartition> partitionOf) {
    }

    /**
     * One poll's work: searches the records and stores their alerts and the partitions' progress in one
     * transaction, retrying until it is stored; returns the alerts that were new (none for records scanned before).
     * The caller commits the offsets after it.
     */
    public int process(Iterable<ConsumerRecord<byte[], byte[]>> records) {
        Batch batch = scan(records);
        int raised = storeUntilStored(batch);
        long count = batch.offsets().values().stream().mapToLong(List::size).sum();
        scanned.addAndGet(count);
        scannedCounter.increment(count);
        lastBatchAt = Timestamps.now();
        return raised;
    }

    private Batch scan(Iterable<ConsumerRecord<byte[], byte[]>> records) {
        List<ComplianceCheck.Finding> findings = new ArrayList<>();
        Map<TopicPartition, List<Long>> offsets = new LinkedHashMap<>();
        Map<String, TopicPartition> partitionOf = new LinkedHashMap<>();
        for (ConsumerRecord<byte[], byte[]> record : records) {
            TopicPartition partition = new TopicPartition(record.topic(), record.partition());
            offsets.computeIfAbsent(partition, p -> new ArrayList<>()).add(record.offset());
            String at = record.topic() + "-" + record.partition() + "@" + record.offset();
            RecordScan.Scanned scanned;
            try {
                scanned = RecordScan.scan(record.key(), record.value(), record.headers());
            } catch (RuntimeException | StackOverflowError e) {
                unscannable.incrementAndGet();
                LOG.errorf("Record %s could not be searched for card numbers (%d bytes): %s", at,
                        record.serializedValueSize(), e.getClass().getSimpleName());
                ComplianceCheck.Finding finding = new ComplianceCheck.Finding(safe(at + " unscanned"),
                        "a record of " + record.topic() + " partition " + record.partition() + " offset "
                                + record.offset() + " (" + record.serializedValueSize() + " bytes) could not be "
                                + "searched for card numbers: " + e.getClass().getSimpleName());
                findings.add(finding);
                partitionOf.put(finding.subject(), partition);
                continue;
            }
            for (RecordScan.Hit hit : scanned.hits()) {
                String event = scanned.eventType() == null && scanned.eventId() == null ? ""
                        : " (event " + (scanned.eventType() == null ? "?" : scanned.eventType())
                        + (scanned.eventId() == null ? "" : " " + scanned.eventId()) + ")";
                ComplianceCheck.Finding finding = new ComplianceCheck.Finding(safe(at + " " + hit.masked()),
                        safe(hit.brand() + " card number " + hit.masked() + " in a record of " + record.topic()
                                + " partition " + record.partition() + " offset " + record.offset() + event
                                + ", at " + String.join(", ", hit.places())));
                findings.add(finding);
                partitionOf.put(finding.subject(), partition);
            }
        }
        return new Batch(findings, offsets, partitionOf);
    }

    /** A subject or detail holds no more of a card than its masked form, whatever a topic or field is named. */
    private static String safe(String text) {
        return CardNumbers.mask(text);
    }

    /** A transient failure (database, lock) is retried with the same records, so none is skipped. */
    private int storeUntilStored(Batch batch) {
        long backoff = 100;
        while (true) {
            try {
                List<ComplianceCheck.Finding> raised = QuarkusTransaction.requiringNew().call(() -> store(batch));
                for (ComplianceCheck.Finding finding : raised) {
                    // The subject is masked: coordinates and first six / last four at most.
                    LOG.warnf("PCI: card number in transit, alert raised for %s", finding.subject());
                }
                hits.addAndGet(raised.size());
                hitCounter.increment(raised.size());
                return raised.size();
            } catch (RuntimeException e) {
                if (!running) {
                    throw e;
                }
                LOG.warnf("Storing the PCI scan of %d partitions failed, retrying in %d ms: %s",
                        batch.offsets().size(), backoff, e.getMessage());
                pause(backoff);
                backoff = Math.min(5_000, backoff * 2);
            }
        }
    }

    private List<ComplianceCheck.Finding> store(Batch batch) {
        Instant now = Timestamps.now();
        List<ComplianceCheck.Finding> raised = checks.raise(PciEventsInTransitCheck.NAME, batch.findings(), now);
        Map<TopicPartition, Long> newHits = new LinkedHashMap<>();
        for (ComplianceCheck.Finding finding : raised) {
            newHits.merge(batch.partitionOf().get(finding.subject()), 1L, Long::sum);
        }
        Timestamp at = Timestamp.from(now);
        batch.offsets().forEach((partition, offsets) -> {
            @SuppressWarnings("unchecked")
            List<Object> stored = em.createNativeQuery("""
                            SELECT last_offset FROM pci_transit_partition
                            WHERE topic = ?1 AND kafka_partition = ?2 FOR UPDATE""")
                    .setParameter(1, partition.topic()).setParameter(2, partition.partition()).getResultList();
            long last = stored.isEmpty() ? -1 : ((Number) stored.get(0)).longValue();
            long fresh = offsets.stream().filter(o -> o > last).count();
            long highest = Math.max(last, offsets.stream().mapToLong(Long::longValue).max().orElse(last));
            long found = newHits.getOrDefault(partition, 0L);
            if (stored.isEmpty()) {
                em.createNativeQuery("""
                                INSERT INTO pci_transit_partition (topic, kafka_partition, last_offset, records_scanned,
                                                                   hits, first_scan_at, last_scan_at)
                                VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?6)""")
                        .setParameter(1, partition.topic()).setParameter(2, partition.partition())
                        .setParameter(3, highest).setParameter(4, fresh).setParameter(5, found)
                        .setParameter(6, at).executeUpdate();
            } else {
                em.createNativeQuery("""
                                UPDATE pci_transit_partition
                                SET last_offset = ?3, records_scanned = records_scanned + ?4, hits = hits + ?5,
                                    last_scan_at = ?6
                                WHERE topic = ?1 AND kafka_partition = ?2""")
                        .setParameter(1, partition.topic()).setParameter(2, partition.partition())
                        .setParameter(3, highest).setParameter(4, fresh).setParameter(5, found)
                        .setParameter(6, at).executeUpdate();
            }
        });
        return raised;
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
