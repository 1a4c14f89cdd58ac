package io.eventcommerce.catalog.onboarding.service;

import io.eventcommerce.catalog.CatalogConfig;
import io.eventcommerce.servicekit.persistence.BatchedPurge;
import io.eventcommerce.servicekit.time.Timestamps;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

/**
 * Deletes the stored files of uploads that finished more than {@code catalog.onboarding.file-retention} ago (default
 * 7 days): a final upload is never read again, and a file can weigh hundreds of megabytes. The upload row, its
 * counts and its refused rows stay, so the history and the error download keep working.
 */
@ApplicationScoped
public class UploadFileRetention {

    private static final Logger LOG = Logger.getLogger(UploadFileRetention.class);

    private final BatchedPurge purge;
    private final CatalogConfig config;

    public UploadFileRetention(BatchedPurge purge, CatalogConfig config) {
        this.purge = purge;
        this.config = config;
    }

    @Scheduled(every = "${catalog.onboarding.file-purge-every:1h}", delayed = "1m",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void purge() {
        // finished_at is set exactly when an upload becomes COMPLETED, FAILED or CANCELLED (ck_vendor_upload_finished).
        long chunks = purge.purge("vendor_upload_chunk", "upload_id IN (SELECT id FROM vendor_upload "
                + "WHERE finished_at < ?1)", Timestamps.now().minus(config.onboarding().fileRetention()));
        if (chunks > 0) {
            LOG.infof("Deleted %d stored chunks of uploads finished more than %s ago", chunks,
                    config.onboarding().fileRetention());
        }
    }
}
