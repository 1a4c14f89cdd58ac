package io.eventcommerce.catalog.onboarding.service;

import io.eventcommerce.catalog.CatalogConfig;
import io.eventcommerce.catalog.category.domain.CategoryRepository;
import io.eventcommerce.catalog.onboarding.csv.CsvRowReader;
import io.eventcommerce.catalog.onboarding.domain.CategoryWhitelist;
import io.eventcommerce.catalog.onboarding.domain.CheckedRow;
import io.eventcommerce.catalog.onboarding.domain.RowProblem;
import io.eventcommerce.catalog.onboarding.domain.RowValidator;
import io.eventcommerce.catalog.onboarding.domain.UploadErrorType;
import io.eventcommerce.catalog.onboarding.domain.VendorUpload;
import io.eventcommerce.catalog.onboarding.domain.VendorUploadRepository;
import io.eventcommerce.servicekit.problem.ApiException;
import io.eventcommerce.servicekit.time.Timestamps;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PessimisticLockException;
import jakarta.transaction.Transactional;
import org.hibernate.StaleStateException;
import org.hibernate.exception.ConstraintViolationException;
import org.hibernate.exception.LockAcquisitionException;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

/**
 * Processes a stored upload under a lease ({@link VendorUploadRepository#claim}): the file is read back as a
 * stream, row by row, each row is checked ({@link RowValidator}) and every {@code catalog.onboarding.batch-size}
 * rows are written in one transaction ({@link UploadBatchWriter}) that also adds them to the upload's rows done and
 * renews the lease. Deliberately not one transaction for the file: a large file would hold locks on thousands of
 * products for minutes and a failure late in it would lose everything.
 *
 * <p><b>Resuming.</b> An upload taken over after its worker died has {@code rowsDone} rows whose effects are
 * committed (with that count, in the same transactions). The file is read again from its start and the rows done
 * are run through the validator without writing: it carries the file's own state (the SKUs and vendor product ids
 * seen so far, for the in-file duplicate rules), so the rows after them are judged exactly as in an uninterrupted
 * run. Writing continues with row {@code rowsDone + 1}: no row is lost, none is applied or published twice.
 */
@ApplicationScoped
public class UploadProcessor {

    private static final Logger LOG = Logger.getLogger(UploadProcessor.class);
    /** Attempts of one row that keeps losing races (deadlocks, a SKU inserted concurrently). */
    private static final int ROW_ATTEMPTS = 3;

    private final CategoryRepository categories;
    private final VendorUploadRepository uploads;
    private final UploadBatchWriter writer;
    private final UploadFileStore files;
    private final CatalogConfig config;
    private final MeterRegistry meters;

    public UploadProcessor(CategoryRepository categories, VendorUploadRepository uploads, UploadBatchWriter writer,
                           UploadFileStore files, CatalogConfig config, MeterRegistry meters) {
        this.categories = categories;
        this.uploads = uploads;
        this.writer = writer;
        this.files = files;
        this.config = config;
        this.meters = meters;
    }

    /** What a claimed upload needs to be processed. */
    public record Claimed(UploadBatchWriter.UploadContext context, int rowsDone, CategoryWhitelist whitelist) {
    }

    /**
     * Takes the lease of the upload if it is free (queued, or its lease expired).
     *
     * @return the upload to process, or empty if someone else holds it or it is final
     */
    @Transactional
    public Optional<Claimed> claim(UUID uploadId, String leaseOwner, String instance) {
        Instant now = Timestamps.now();
        if (!uploads.claim(uploadId, leaseOwner, instance, now.plus(config.onboarding().lease()), now)) {
            return Optional.empty();
        }
        VendorUpload upload = uploads.findById(uploadId);
        if (upload.rowsDone() > 0) {
            LOG.warnf("Resuming upload %s of vendor %s after row %d of %d (previous worker gone)", upload.id(),
                    upload.vendorId(), upload.rowsDone(), upload.totalRows());
        }
        return Optional.of(new Claimed(new UploadBatchWriter.UploadContext(upload.id(), upload.vendorId(),
                upload.warehouseId(), upload.uploadedBy(), config.defaultCurrency(), leaseOwner,
                config.onboarding().lease()), upload.rowsDone(), whitelist()));
    }

    /** Uploads that may be claimed now, oldest first. */
    @Transactional
    public List<UUID> claimable(int max) {
        return uploads.claimable(Timestamps.now(), max);
    }

    private CategoryWhitelist whitelist() {
        return new CategoryWhitelist(categories.listAll().stream()
                .map(c -> new CategoryWhitelist.Category(c.id(), c.name(), c.slug())).toList());
    }

    /** Processes a claimed upload to its end (or until the lease is lost). */
    public void process(Claimed claimed) {
        process(claimed, Integer.MAX_VALUE);
    }

    /**
     * Processes at most {@code maxBatches} batches of a claimed upload, then stops as if its instance had died
     * (tests play a crash with it).
     */
    public void process(Claimed claimed, int maxBatches) {
        UploadBatchWriter.UploadContext upload = claimed.context();
        int batchSize = config.onboarding().batchSize();
        List<CheckedRow> batch = new ArrayList<>(batchSize);
        long started = System.nanoTime();
        int batches = 0;
        CsvRowReader reader = new CsvRowReader(files.open(upload.id()), config.onboarding().maxRowChars());
        try {
            RowValidator validator;
            try {
                validator = new RowValidator(UploadService.header(reader), claimed.whitelist());
            } catch (ApiException e) {
                // The header was checked when the file was received; a stored file that reads otherwise is damaged.
                throw new IllegalStateException("The stored header no longer reads: " + e.getMessage(), e);
            }
            try {
                for (CsvRowReader.Row row = reader.next(); row != null; row = reader.next()) {
                    CheckedRow checked = validator.check(row.number(), row.values(), row.valueCount(), row.text(),
                            row.tooLong());
                    if (row.number() <= claimed.rowsDone()) {
                        continue; // committed by an earlier worker; checked only for the file's own state
                    }
                    batch.add(checked);
                    if (batch.size() == batchSize) {
                        if (batches++ == maxBatches) {
                            return;
                        }
                        write(upload, batch);
                        batch.clear();
                    }
                }
            } catch (IOException e) {
                // Everything read before the unreadable point is written; nothing after it can be.
                write(upload, batch);
                String reason = e instanceof CsvRowReader.UnreadableCsvException ? e.getMessage()
                        : "The file could not be read to its end after data row " + reader.rowsRead();
                if (writer.fail(upload, reason)) {
                    LOG.infof("Upload %s of vendor %s failed: %s", upload.id(), upload.vendorId(), reason);
                    meters.counter("eventcommerce.onboarding.uploads", "outcome", "failed").increment();
                }
                return;
            }
            if (batches == maxBatches) {
                return;
            }
            write(upload, batch);
            if (writer.complete(upload)) {
                meters.counter("eventcommerce.onboarding.uploads", "outcome", "completed").increment();
                LOG.infof("Upload %s of vendor %s: %d rows (%d resumed) in %d ms", upload.id(), upload.vendorId(),
                        reader.rowsRead(), claimed.rowsDone(), (System.nanoTime() - started) / 1_000_000);
            }
        } catch (UploadBatchWriter.LeaseLostException e) {
            LOG.infof("Upload %s: stopped, %s", upload.id(), e.getMessage());
        } catch (RuntimeException e) {
            String errorId = UUID.randomUUID().toString();
            LOG.errorf(e, "Upload %s failed unexpectedly (error id %s)", upload.id(), errorId);
            meters.counter("eventcommerce.onboarding.uploads", "outcome", "failed").increment();
            writer.fail(upload, "Processing stopped unexpectedly after data row " + reader.rowsRead()
                    + " (error id " + errorId + ")");
        } finally {
            reader.close();
        }
    }

    /**
     * Writes a batch; if it lost a race to a concurrent writer (the same SKU inserted by another upload, a
     * deadlock, a product changed through the API since the batch read it), the batch left no trace and is written again row by row, so only the rows involved are affected.
     */
    private void write(UploadBatchWriter.UploadContext upload, List<CheckedRow> batch) {
        if (batch.isEmpty()) {
            return;
        }
        try {
            writer.write(upload, batch);
        } catch (RuntimeException e) {
            if (!lostRace(e)) {
                throw e;
            }
            LOG.infof("A batch of upload %s lost a race (%s); writing its %d rows one by one", upload.id(),
                    e.getMessage(), batch.size());
            batch.forEach(row -> writeAlone(upload, row));
        }
    }

    /**
     * A row in a transaction of its own. Written again after a lost race, it sees the winner's committed row and is
     * refused as SKU_TAKEN by the usual check; if it loses every time, the unique key that refused it says why.
     */
    private void writeAlone(UploadBatchWriter.UploadContext upload, CheckedRow row) {
        for (int attempt = 1; ; attempt++) {
            try {
                writer.write(upload, List.of(row));
                return;
            } catch (RuntimeException e) {
                if (!lostRace(e)) {
                    throw e;
                }
                if (attempt == ROW_ATTEMPTS) {
                    String constraint = violatedConstraint(e);
                    if (constraint == null) {
                        throw e;
                    }
                    writer.refuse(upload, row.with(constraint.contains("uk_product_vendor_product")
                            ? new RowProblem(UploadErrorType.VENDOR_PRODUCT_ID_TAKEN, "vendor_product_id: '"
                            + row.vendorProductId() + "' was taken by another product while the file was processed")
                            : new RowProblem(UploadErrorType.SKU_TAKEN, "sku: '" + row.sku()
                            + "' was taken by another product while the file was processed")));
                    return;
                }
            }
        }
    }

    private static boolean lostRace(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof ConstraintViolationException || cause instanceof LockAcquisitionException
                    || cause instanceof PessimisticLockException || cause instanceof OptimisticLockException
                    || cause instanceof StaleStateException) {
                return true;
            }
        }
        return false;
    }

    private static String violatedConstraint(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof ConstraintViolationException violation) {
                return String.valueOf(violation.getConstraintName()).toLowerCase(Locale.ROOT);
            }
        }
        return null;
    }
}
