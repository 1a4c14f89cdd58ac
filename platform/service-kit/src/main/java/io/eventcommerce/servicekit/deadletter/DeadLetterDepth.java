package io.eventcommerce.servicekit.deadletter;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * {@code eventcommerce_dead_letters_pending{topic}}: records waiting in each dead-letter topic, refreshed every
 * {@code platform.dead-letters.refresh-every} (30 s) rather than on each scrape, which would open Kafka consumers.
 */
@ApplicationScoped
public class DeadLetterDepth {

    private static final Logger LOG = Logger.getLogger(DeadLetterDepth.class);

    private final DeadLetters deadLetters;
    private final MeterRegistry meters;
    private final Map<String, AtomicLong> depths = new ConcurrentHashMap<>();

    public DeadLetterDepth(DeadLetters deadLetters, MeterRegistry meters) {
        this.deadLetters = deadLetters;
        this.meters = meters;
    }

    @Scheduled(every = "${platform.dead-letters.refresh-every:30s}", delayed = "${platform.dead-letters.refresh-every:30s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void refresh() {
        try {
            deadLetters.depths().forEach((topic, pending) -> depths.computeIfAbsent(topic, t -> {
                AtomicLong depth = new AtomicLong();
                Gauge.builder("eventcommerce.dead-letters.pending", depth, AtomicLong::get).tag("topic", t)
                        .description("Records waiting in a dead-letter topic").register(meters);
                return depth;
            }).set(pending));
        } catch (RuntimeException e) {
            // Kafka unreachable: the gauges keep their last values; the Kafka health checks say why.
            LOG.debugf("Dead-letter depths not refreshed: %s", e.toString());
        }
    }
}
