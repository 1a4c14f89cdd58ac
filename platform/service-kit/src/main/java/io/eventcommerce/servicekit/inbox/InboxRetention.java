package io.eventcommerce.servicekit.inbox;

import io.eventcommerce.servicekit.persistence.BatchedPurge;
import io.eventcommerce.servicekit.time.Timestamps;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.time.Duration;

/**
 * Keeps {@code processed_event} bounded. A record only has to outlive the longest time a message can be
 * redelivered, which is the topics' retention (7 days by default), so records older than
 * {@code platform.inbox.retention} (default 30 days) are deleted in small batches.
 */
@ApplicationScoped
public class InboxRetention {

    private static final Logger LOG = Logger.getLogger(InboxRetention.class);

    private final BatchedPurge purge;
    private final Duration retention;

    public InboxRetention(BatchedPurge purge,
                          @ConfigProperty(name = "platform.inbox.retention", defaultValue = "P30D") Duration retention) {
        this.purge = purge;
        this.retention = retention;
    }

    @Scheduled(every = "${platform.inbox.purge-every:1h}", delayed = "1m",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void purge() {
        long total = purge.purge("processed_event", "processed_at < ?1", Timestamps.now().minus(retention));
        if (total > 0) {
            LOG.infof("Purged %d processed-event records older than %s", total, retention);
        }
    }
}
