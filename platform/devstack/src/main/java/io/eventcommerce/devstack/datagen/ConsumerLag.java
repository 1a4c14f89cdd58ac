package io.eventcommerce.devstack.datagen;

import io.eventcommerce.devstack.StackException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ConsumerGroupListing;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * How far the platform's consumer groups are behind their topics, summed over every group and partition of the
 * domain topics. The audit capture topics ({@code audit.*}) are left out: every transaction of every service adds to
 * them (its actor context row), so a reader of them, such as compliance's card-number scan of the topics, is always a
 * few records behind while anything runs, and a wait for zero there would never end.
 */
public final class ConsumerLag {

    private static final String AUDIT_TOPICS = "audit.";

    private ConsumerLag() {
    }

    static long total(Admin admin) {
        try {
            long lag = 0;
            for (ConsumerGroupListing group : admin.listConsumerGroups().all().get(30, TimeUnit.SECONDS)) {
                lag += of(admin, group.groupId());
            }
            return lag;
        } catch (ExecutionException | java.util.concurrent.TimeoutException e) {
            throw new StackException("Cannot read consumer lag: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StackException("Interrupted", e);
        }
    }

    /** How far one consumer group is behind the ends of the domain topics' partitions it has committed on. */
    public static long of(Admin admin, String group) {
        try {
            Map<TopicPartition, OffsetAndMetadata> committed = new HashMap<>(admin.listConsumerGroupOffsets(group)
                    .partitionsToOffsetAndMetadata().get(30, TimeUnit.SECONDS));
            committed.keySet().removeIf(tp -> tp.topic().startsWith(AUDIT_TOPICS));
            if (committed.isEmpty()) {
                return 0;
            }
            Map<TopicPartition, OffsetSpec> latest = committed.keySet().stream()
                    .collect(Collectors.toMap(Function.identity(), tp -> OffsetSpec.latest()));
            Map<TopicPartition, Long> ends = new HashMap<>();
            admin.listOffsets(latest).all().get(30, TimeUnit.SECONDS)
                    .forEach((tp, info) -> ends.put(tp, info.offset()));
            long lag = 0;
            for (var entry : committed.entrySet()) {
                if (entry.getValue() != null) {
                    lag += Math.max(0, ends.getOrDefault(entry.getKey(), 0L) - entry.getValue().offset());
                }
            }
            return lag;
        } catch (ExecutionException | java.util.concurrent.TimeoutException e) {
            throw new StackException("Cannot read the lag of " + group + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StackException("Interrupted", e);
        }
    }

    /**
     * Waits until no group lags for {@code stable} in a row (Debezium may still be producing what was committed
     * a moment ago), or fails after {@code timeout}.
     */
    public static void awaitCaughtUp(String bootstrapServers, Duration stable, Duration timeout) {
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrapServers))) {
            awaitCaughtUp(admin, stable, timeout);
        }
    }

    private static void awaitCaughtUp(Admin admin, Duration stable, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        long zeroSince = -1;
        while (System.nanoTime() < deadline) {
            long lag = total(admin);
            long now = System.nanoTime();
            if (lag == 0) {
                if (zeroSince < 0) {
                    zeroSince = now;
                } else if (now - zeroSince >= stable.toNanos()) {
                    return;
                }
            } else {
                zeroSince = -1;
            }
            try {
                Thread.sleep(500);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new StackException("Interrupted", e);
            }
        }
        throw new StackException("Consumers still lag " + total(admin) + " records after " + timeout);
    }
}
