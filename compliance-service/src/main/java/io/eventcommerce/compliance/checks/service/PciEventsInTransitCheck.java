package io.eventcommerce.compliance.checks.service;

import io.eventcommerce.compliance.ComplianceConfig;
import io.eventcommerce.servicekit.time.Timestamps;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Pattern;

/**
 * The check over the scan of events in transit ({@link PciTransitScanner}): the scanner raises its alerts as it reads
 * records; a run reports how far it has read (records scanned, topics, each partition's last offset and the group's
 * lag behind the topics' ends, topics the pattern matches that it has not read yet) and the hits since the previous
 * run, and FAILs while a hit waits for an officer. A hit is an event that passed, not a row that a later run could
 * find gone: it stays open until an officer acknowledges it (the number was dealt with: the producer fixed, the
 * topic's records purged), and the next run then resolves it.
 */
@ApplicationScoped
public class PciEventsInTransitCheck implements ComplianceCheck {

    static final String NAME = "pci-events-in-transit";

    private final EntityManager em;
    private final ComplianceChecks checks;
    private final PciTransitScanner scanner;
    private final ComplianceConfig.PciTransit config;
    private final String bootstrapServers;

    public PciEventsInTransitCheck(EntityManager em, ComplianceChecks checks, PciTransitScanner scanner,
                                   ComplianceConfig config,
                                   @ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers) {
        this.em = em;
        this.checks = checks;
        this.scanner = scanner;
        this.config = config.checks().pciTransit();
        this.bootstrapServers = bootstrapServers;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "PCI DSS 3/4: no card number (Luhn-valid, within a card network's ranges) in the key, value or headers "
                + "of any record on a domain or audit topic (" + config.topicPattern() + "), each record scanned as "
                + "it passes; a hit stays open until an officer acknowledges it";
    }

    @Override
    public Result run() {
        Instant previous = checks.latest(NAME).map(ComplianceChecks.CheckRun::startedAt).orElse(Instant.EPOCH);
        Map<String, Object> evidence = new LinkedHashMap<>();
        List<Finding> findings = new ArrayList<>();
        Map<TopicPartition, long[]> progress = new HashMap<>();
        QuarkusTransaction.requiringNew().run(() -> {
            @SuppressWarnings("unchecked")
            List<Object[]> open = em.createNativeQuery("""
                            SELECT subject, detail FROM compliance_alert
                            WHERE check_name = ?1 AND resolved_at IS NULL AND acknowledged_at IS NULL
                            ORDER BY raised_at, id""")
                    .setParameter(1, NAME).getResultList();
            open.forEach(r -> findings.add(new Finding((String) r[0], (String) r[1])));
            long since = ((Number) em.createNativeQuery("""
                            SELECT COUNT(*) FROM compliance_alert
                            WHERE check_name = ?1 AND raised_at >= ?2""")
                    .setParameter(1, NAME).setParameter(2, Timestamp.from(previous)).getSingleResult()).longValue();
            evidence.put("previousRunAt", previous.equals(Instant.EPOCH) ? "none" : previous.toString());
            evidence.put("hitsSinceLastRun", since);
            @SuppressWarnings("unchecked")
            List<Object[]> rows = em.createNativeQuery("""
                            SELECT topic, kafka_partition, last_offset, records_scanned, hits, last_scan_at
                            FROM pci_transit_partition ORDER BY topic, kafka_partition""").getResultList();
            for (Object[] r : rows) {
                progress.put(new TopicPartition((String) r[0], ((Number) r[1]).intValue()), new long[] {
                        ((Number) r[2]).longValue(), ((Number) r[3]).longValue(), ((Number) r[4]).longValue(),
                        Timestamps.instant(r[5]).toEpochMilli()});
            }
        });
        Broker broker = broker();
        Map<String, Object> topics = new TreeMap<>();
        long recordsScanned = 0;
        long lag = 0;
        Set<TopicPartition> partitions = new TreeSet<>(
                Comparator.comparing(TopicPartition::topic).thenComparing(TopicPartition::partition));
        partitions.addAll(progress.keySet());
        partitions.addAll(broker.committed().keySet());
        for (TopicPartition partition : partitions) {
            long[] p = progress.get(partition);
            Long committed = broker.committed().get(partition);
            Long end = broker.ends().get(partition);
            Long behind = end == null ? null : Math.max(0, end - (committed == null ? 0 : committed));
            lag += behind == null ? 0 : behind;
            recordsScanned += p == null ? 0 : p[1];
            Map<String, Object> view = new LinkedHashMap<>();
            view.put("lastOffsetScanned", p == null ? null : p[0]);
            view.put("recordsScanned", p == null ? 0 : p[1]);
            view.put("hits", p == null ? 0 : p[2]);
            view.put("lastScanAt", p == null ? null : Instant.ofEpochMilli(p[3]).toString());
            view.put("committedOffset", committed);
            view.put("endOffset", end);
            view.put("lag", behind);
            @SuppressWarnings("unchecked")
            Map<String, Object> ofTopic = (Map<String, Object>) topics.computeIfAbsent(partition.topic(),
                    t -> new TreeMap<>());
            ofTopic.put(String.valueOf(partition.partition()), view);
        }
        List<String> unread = broker.matching().stream()
                .filter(t -> partitions.stream().noneMatch(p -> p.topic().equals(t))).sorted().toList();
        evidence.put("group", config.group());
        evidence.put("topicPattern", config.topicPattern());
        evidence.put("topicsScanned", topics.size());
        evidence.put("recordsScanned", recordsScanned);
        evidence.put("lag", lag);
        evidence.put("topicsNotReadYet", unread);
        evidence.put("openUnacknowledgedHits", findings.size());
        evidence.put("thisInstance", scanner.state());
        evidence.put("partitions", topics);
        return new Result(findings, evidence);
    }

    /** The group's committed offsets, the ends of those partitions and the topics the pattern matches, now. */
    record Broker(Map<TopicPartition, Long> committed, Map<TopicPartition, Long> ends, List<String> matching) {
    }

    private Broker broker() {
        long timeout = config.brokerTimeout().toMillis();
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) timeout,
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) timeout))) {
            Map<TopicPartition, OffsetAndMetadata> offsets = admin.listConsumerGroupOffsets(config.group())
                    .partitionsToOffsetAndMetadata().get(timeout, TimeUnit.MILLISECONDS);
            Map<TopicPartition, Long> committed = new HashMap<>();
            offsets.forEach((p, o) -> {
                if (o != null) {
                    committed.put(p, o.offset());
                }
            });
            Map<TopicPartition, Long> ends = new HashMap<>();
            if (!committed.isEmpty()) {
                Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
                committed.keySet().forEach(p -> latest.put(p, OffsetSpec.latest()));
                Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> infos = admin.listOffsets(latest)
                        .all().get(timeout, TimeUnit.MILLISECONDS);
                infos.forEach((p, info) -> ends.put(p, info.offset()));
            }
            Pattern pattern = Pattern.compile(config.topicPattern());
            List<String> matching = admin.listTopics().names().get(timeout, TimeUnit.MILLISECONDS).stream()
                    .filter(t -> pattern.matcher(t).matches()).toList();
            return new Broker(committed, ends, matching);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("the broker did not answer within " + config.brokerTimeout() + ": "
                    + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while asking the broker", e);
        }
    }
}
