package io.eventcommerce.orders.order.service;

import io.eventcommerce.orders.OrdersConfig;
import io.eventcommerce.servicekit.persistence.BatchedPurge;
import io.eventcommerce.servicekit.time.Timestamps;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

/**
 * Keeps {@code idempotency_record} bounded: an Idempotency-Key of POST /orders protects a client's retries, which
 * come within minutes, so keys older than {@code orders.idempotency.retention} (default PT24H) are deleted in small
 * batches ({@link BatchedPurge}; index ix_idempotency_record_created). A request after that with an old key places a new order.
 */
@ApplicationScoped
public class IdempotencyRetention {

    private static final Logger LOG = Logger.getLogger(IdempotencyRetention.class);

    private final BatchedPurge purge;
    private final OrdersConfig config;

    public IdempotencyRetention(BatchedPurge purge, OrdersConfig config) {
        this.purge = purge;
        this.config = config;
    }

    @Scheduled(every = "${orders.idempotency.purge-every:1h}", delayed = "1m",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void purge() {
        long total = purge.purge("idempotency_record", "created_at < ?1",
                Timestamps.now().minus(config.idempotency().retention()));
        if (total > 0) {
            LOG.infof("Purged %d idempotency keys older than %s", total, config.idempotency().retention());
        }
    }
}
