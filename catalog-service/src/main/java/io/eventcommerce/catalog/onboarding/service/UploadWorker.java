package io.eventcommerce.catalog.onboarding.service;

import io.eventcommerce.catalog.CatalogConfig;
import io.eventcommerce.catalog.onboarding.domain.VendorUploadRepository;
import io.eventcommerce.servicekit.audit.ChangeActor;
import io.eventcommerce.servicekit.audit.ChangeActors;
import io.eventcommerce.servicekit.time.Timestamps;
import io.quarkus.arc.Arc;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Processes queued uploads, one at a time per instance, on a thread of its own: nudged right after a POST stored a
 * file, and every {@code catalog.onboarding.poll-every} (a file another instance received, a lease that expired
 * because its instance died). Of several instances the conditional claim lets exactly one have an upload.
 *
 * <p>The lease owner is this instance's name plus a token of this run: after a restart the instance recognises the
 * uploads it was processing (same name), lets their leases expire at once and resumes them.
 */
@ApplicationScoped
public class UploadWorker {

    private static final Logger LOG = Logger.getLogger(UploadWorker.class);
    private static final int CLAIM_LOOKAHEAD = 10;

    private final UploadProcessor processor;
    private final VendorUploadRepository uploads;
    private final ProcessingInstance instance;
    private final CatalogConfig config;
    private final String leaseOwner;
    private final AtomicBoolean running = new AtomicBoolean();
    private final AtomicBoolean pending = new AtomicBoolean();
    private final ExecutorService thread = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "upload-worker");
        t.setDaemon(true);
        return t;
    });

    public UploadWorker(UploadProcessor processor, VendorUploadRepository uploads, ProcessingInstance instance,
                        CatalogConfig config) {
        this.processor = processor;
        this.uploads = uploads;
        this.instance = instance;
        this.config = config;
        this.leaseOwner = instance.name() + "/" + UUID.randomUUID();
    }

    /** The lease owner name of this run of the instance. */
    public String leaseOwner() {
        return leaseOwner;
    }

    void onStart(@Observes StartupEvent event) {
        if (config.onboarding().workerEnabled()) {
            Arc.container().instance(UploadWorker.class).get().takeBackOwnUploads();
            nudge();
        }
    }

    void onStop(@Observes ShutdownEvent event) {
        thread.shutdownNow();
    }

    /** Uploads an earlier run of this instance was processing: their leases expire now, to be resumed at once. */
    @Transactional
    public void takeBackOwnUploads() {
        int taken = uploads.expireLeasesOfEarlierRuns(instance.name(), leaseOwner, Timestamps.now());
        if (taken > 0) {
            LOG.warnf("%d upload(s) this instance was processing when it stopped will be resumed", taken);
        }
    }

    @Scheduled(every = "${catalog.onboarding.poll-every:10s}", delayed = "5s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void poll() {
        nudge();
    }

    /** Asks the worker thread to look for work now; returns at once. */
    public void nudge() {
        if (!config.onboarding().workerEnabled()) {
            return;
        }
        pending.set(true);
        if (running.compareAndSet(false, true)) {
            try {
                thread.execute(this::drain);
            } catch (RejectedExecutionException e) {
                running.set(false); // shutting down
            }
        }
    }

    private void drain() {
        try {
            while (pending.getAndSet(false)) {
                runOnce();
            }
        } finally {
            running.set(false);
        }
        if (pending.get()) {
            nudge(); // asked again between the last look and the end of this run
        }
    }

    /**
     * Claims and processes every upload that is claimable now, one after the other.
     *
     * @return how many uploads this call processed
     */
    public int runOnce() {
        int processed = 0;
        while (true) {
            List<UUID> candidates;
            try {
                candidates = processor.claimable(CLAIM_LOOKAHEAD);
            } catch (RuntimeException e) {
                LOG.warn("Could not look for queued uploads", e);
                return processed;
            }
            boolean claimedAny = false;
            for (UUID id : candidates) {
                var claimed = processor.claim(id, leaseOwner, instance.name());
                if (claimed.isPresent()) {
                    claimedAny = true;
                    // The products, stock and events of an upload name it as their cause (the service is the actor,
                    // the upload's row says who uploaded it); the stored file names the uploader's request.
                    ChangeActors.during("vendor-upload:" + id, ChangeActor.JOB, () -> processor.process(claimed.get()));
                    processed++;
                    break; // look again: the oldest first
                }
            }
            if (!claimedAny) {
                return processed;
            }
        }
    }
}
