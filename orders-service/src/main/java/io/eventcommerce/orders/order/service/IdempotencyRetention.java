package io.eventcommerce.orders.order.service;

import io.eventcommerce.orders.OrdersConfig;
import io.eventcommerce.servicekit.time.Timestamps;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

import java.sql.Timestamp;
import java.time.Instant;

/**
 * Keeps {@code idempotency_record} bounded: an Idempotency-Key of POST /orders protects a client's retries, which
 * come within minutes, so keys older than {@code orders.idempotency.retention} (default PT24H) are deleted in small
 * batches (index ix_idempotency_record_created). A request after that with an old key places a new order.
 */
@ApplicationScoped
public class IdempotencyRetention {

    private static final Logger LOG = Logger.getLogger(IdempotencyRetention.class);
    private static final int BATCH = 5_000;

    private final EntityManager entityManager;
    private final OrdersConfig config;

    public IdempotencyRetention(EntityManager entityManager, OrdersConfig config) {
        this.entityManager = entityManager;
        this.config = config;
    }

    @Scheduled(every = "${orders.idempotency.purge-every:1h}", delayed = "1m",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void purge() {
        long total = 0;
        int deleted;
        do {
            deleted = purgeBatch(Timestamps.now().minus(config.idempotency().retention()));
            total += deleted;
        } while (deleted == BATCH);
        if (total > 0) {
            LOG.infof("Purged %d idempotency keys older than %s", total, config.idempotency().retention());
        }
    }

    @Transactional
    int purgeBatch(Instant olderThan) {
        // DELETE ... LIMIT is MySQL/MariaDB syntax; it keeps each transaction and its locks small.
        return entityManager.createNativeQuery("DELETE FROM idempotency_record WHERE created_at < ?1 LIMIT " + BATCH)
                .setParameter(1, Timestamp.from(olderThan))
                .executeUpdate();
    }
}
