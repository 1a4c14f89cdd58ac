package io.eventcommerce.servicekit.inbox;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;

/**
 * Keeps {@code processed_event} bounded. A record only has to outlive the longest time a message can be
 * redelivered, which is the topics' retention (7 days by default), so records older than
 * {@code platform.inbox.retention} (default 30 days) are deleted in small batches.
 */
@ApplicationScoped
public class InboxRetention {

    private static final Logger LOG = Logger.getLogger(InboxRetention.class);
    private static final int BATCH = 5_000;

    private final EntityManager entityManager;
    private final Duration retention;

    public InboxRetention(EntityManager entityManager,
                          @ConfigProperty(name = "platform.inbox.retention", defaultValue = "P30D") Duration retention) {
        this.entityManager = entityManager;
        this.retention = retention;
    }

    @Scheduled(every = "${platform.inbox.purge-every:1h}", delayed = "1m",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void purge() {
        long total = 0;
        int deleted;
        do {
            deleted = purgeBatch(Instant.now().minus(retention));
            total += deleted;
        } while (deleted == BATCH);
        if (total > 0) {
            LOG.infof("Purged %d processed-event records older than %s", total, retention);
        }
    }

    @Transactional
    int purgeBatch(Instant olderThan) {
        // DELETE ... LIMIT is MySQL/MariaDB syntax; it keeps each transaction and its locks small.
        return entityManager.createNativeQuery("DELETE FROM processed_event WHERE processed_at < ?1 LIMIT " + BATCH)
                .setParameter(1, Timestamp.from(olderThan))
                .executeUpdate();
    }
}
