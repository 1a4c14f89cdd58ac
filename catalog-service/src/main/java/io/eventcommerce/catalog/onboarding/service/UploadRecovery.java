package io.eventcommerce.catalog.onboarding.service;

import io.eventcommerce.catalog.CatalogConfig;
import io.eventcommerce.catalog.onboarding.domain.UploadStatus;
import io.eventcommerce.catalog.onboarding.domain.VendorUpload;
import io.eventcommerce.catalog.onboarding.domain.VendorUploadRepository;
import io.eventcommerce.servicekit.time.Timestamps;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

import java.time.Instant;
import java.util.List;

/**
 * No upload stays PROCESSING forever. An upload is processed by the request that sent it; if its instance dies, the
 * upload would never finish. So: on start-up an instance fails the uploads it was processing itself when it died
 * (same instance name), and every instance periodically fails uploads that made no progress for
 * {@code catalog.onboarding.stale-after} (their instance did not come back). Each is logged; the vendor sees FAILED
 * with the reason, and the rows committed before stay counted.
 */
@ApplicationScoped
public class UploadRecovery {

    private static final Logger LOG = Logger.getLogger(UploadRecovery.class);

    private final VendorUploadRepository uploads;
    private final ProcessingInstance instance;
    private final CatalogConfig config;

    public UploadRecovery(VendorUploadRepository uploads, ProcessingInstance instance, CatalogConfig config) {
        this.uploads = uploads;
        this.instance = instance;
        this.config = config;
    }

    void onStart(@Observes StartupEvent event) {
        failInterrupted();
    }

    @Scheduled(every = "${catalog.onboarding.stale-check-every:1m}", delayed = "1m",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void checkStale() {
        failStale(Timestamps.now());
    }

    /** Fails the uploads this instance left PROCESSING when it stopped. */
    @Transactional
    public int failInterrupted() {
        return fail(uploads.list("status = ?1 and processedBy = ?2", UploadStatus.PROCESSING, instance.name()),
                "Interrupted: the service restarted while processing the file");
    }

    /** Fails the uploads of any instance that made no progress for {@code catalog.onboarding.stale-after}. */
    @Transactional
    public int failStale(Instant now) {
        return fail(uploads.list("status = ?1 and updatedAt < ?2", UploadStatus.PROCESSING,
                        now.minus(config.onboarding().staleAfter())),
                "Interrupted: no progress for " + config.onboarding().staleAfter().toMinutes() + " minutes");
    }

    private int fail(List<VendorUpload> interrupted, String reason) {
        Instant now = Timestamps.now();
        for (VendorUpload upload : interrupted) {
            upload.fail(reason + "; the " + upload.totalRows() + " rows counted were applied", now);
            LOG.warnf("Upload %s of vendor %s (processed by %s) marked FAILED: %s", upload.id(), upload.vendorId(),
                    upload.processedBy(), reason);
        }
        return interrupted.size();
    }
}
