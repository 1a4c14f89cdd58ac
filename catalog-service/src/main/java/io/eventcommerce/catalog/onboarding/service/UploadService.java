package io.eventcommerce.catalog.onboarding.service;

import io.eventcommerce.catalog.CatalogConfig;
import io.eventcommerce.catalog.category.domain.CategoryRepository;
import io.eventcommerce.catalog.inventory.domain.WarehouseRepository;
import io.eventcommerce.catalog.onboarding.csv.CsvRowReader;
import io.eventcommerce.catalog.onboarding.domain.CategoryWhitelist;
import io.eventcommerce.catalog.onboarding.domain.CheckedRow;
import io.eventcommerce.catalog.onboarding.domain.CsvHeader;
import io.eventcommerce.catalog.onboarding.domain.RowProblem;
import io.eventcommerce.catalog.onboarding.domain.RowValidator;
import io.eventcommerce.catalog.onboarding.domain.UploadError;
import io.eventcommerce.catalog.onboarding.domain.UploadErrorRepository;
import io.eventcommerce.catalog.onboarding.domain.UploadErrorType;
import io.eventcommerce.catalog.onboarding.domain.VendorUpload;
import io.eventcommerce.catalog.onboarding.domain.VendorUploadRepository;
import io.eventcommerce.catalog.vendor.domain.Vendor;
import io.eventcommerce.catalog.vendor.domain.VendorStatus;
import io.eventcommerce.catalog.vendor.service.VendorService;
import io.eventcommerce.servicekit.problem.ApiException;
import io.eventcommerce.servicekit.problem.Problem;
import io.eventcommerce.servicekit.rest.Page;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.PessimisticLockException;
import org.hibernate.exception.ConstraintViolationException;
import org.hibernate.exception.LockAcquisitionException;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * Vendor CSV onboarding. The file is read as a stream, row by row, never whole: each row is checked
 * ({@link RowValidator}), and every {@code catalog.onboarding.batch-size} rows are written in one transaction
 * ({@link UploadBatchWriter}). Deliberately not one transaction for the file: a large file would hold locks on
 * thousands of products for minutes and a failure late in it would lose everything; instead the upload record
 * shows, at every moment, how far it got.
 *
 * <p>Checked before anything is written, answered 4xx with nothing changed: the vendor (exists, active), the
 * warehouse, and the header row (present, every required column, no unknown or repeated one). A file that stops
 * being readable part-way (not CSV, not UTF-8, a runaway row, the client gone) keeps the batches written so far and
 * ends FAILED with the reason.
 */
@ApplicationScoped
public class UploadService {

    private static final Logger LOG = Logger.getLogger(UploadService.class);
    /** Attempts of one row that keeps losing races (deadlocks, a SKU inserted concurrently). */
    private static final int ROW_ATTEMPTS = 3;

    private final VendorService vendors;
    private final WarehouseRepository warehouses;
    private final CategoryRepository categories;
    private final VendorUploadRepository uploads;
    private final UploadErrorRepository errors;
    private final UploadBatchWriter writer;
    private final ProcessingInstance instance;
    private final CatalogConfig config;
    private final MeterRegistry meters;

    public UploadService(VendorService vendors, WarehouseRepository warehouses, CategoryRepository categories,
                         VendorUploadRepository uploads, UploadErrorRepository errors, UploadBatchWriter writer,
                         ProcessingInstance instance, CatalogConfig config, MeterRegistry meters) {
        this.vendors = vendors;
        this.warehouses = warehouses;
        this.categories = categories;
        this.uploads = uploads;
        this.errors = errors;
        this.writer = writer;
        this.instance = instance;
        this.config = config;
        this.meters = meters;
    }

    /**
     * Reads and applies one file.
     *
     * @param fileName the name the vendor gave the file, if any
     * @param actor    who uploads, for the upload record and the stock ledger
     * @return the upload, COMPLETED or FAILED
     */
    public VendorUpload upload(UUID vendorId, UUID warehouseId, String fileName, String actor, InputStream body) {
        Vendor vendor = vendors.get(vendorId);
        if (vendor.status() != VendorStatus.ACTIVE) {
            throw ApiException.conflict("Vendor " + vendorId + " is " + vendor.status() + " and cannot upload");
        }
        if (warehouses.findByIdOptional(warehouseId).isEmpty()) {
            throw ApiException.invalidField("warehouseId", "unknown warehouse");
        }
        CsvRowReader reader = new CsvRowReader(body, config.onboarding().maxRowChars());
        try {
            RowValidator validator = new RowValidator(header(reader), whitelist());
            UploadBatchWriter.UploadContext upload = new UploadBatchWriter.UploadContext(
                    writer.start(vendorId, warehouseId, fileName, actor, instance.name()), vendorId, warehouseId,
                    actor, config.defaultCurrency());
            process(upload, reader, validator);
            return get(vendorId, upload.id());
        } finally {
            reader.close();
        }
    }

    private CsvHeader header(CsvRowReader reader) {
        List<String> names;
        try {
            names = reader.header();
        } catch (IOException e) {
            throw ApiException.invalidField("file", e instanceof CsvRowReader.UnreadableCsvException
                    ? e.getMessage() : "could not be read");
        }
        if (names == null) {
            throw ApiException.invalidField("file", "is empty; its first row must name the columns");
        }
        try {
            return CsvHeader.parse(names);
        } catch (CsvHeader.InvalidHeaderException e) {
            throw ApiException.invalid(e.problems().stream().map(p -> new Problem.FieldError("header", p)).toList());
        }
    }

    private CategoryWhitelist whitelist() {
        return new CategoryWhitelist(categories.listAll().stream()
                .map(c -> new CategoryWhitelist.Category(c.id(), c.name(), c.slug())).toList());
    }

    private void process(UploadBatchWriter.UploadContext upload, CsvRowReader reader, RowValidator validator) {
        int batchSize = config.onboarding().batchSize();
        List<CheckedRow> batch = new ArrayList<>(batchSize);
        long started = System.nanoTime();
        try {
            try {
                for (CsvRowReader.Row row = reader.next(); row != null; row = reader.next()) {
                    batch.add(validator.check(row.number(), row.values(), row.valueCount(), row.text(),
                            row.tooLong()));
                    if (batch.size() == batchSize) {
                        write(upload, batch);
                        batch.clear();
                    }
                }
            } catch (IOException e) {
                // Everything read before the unreadable point is written; nothing after it can be.
                write(upload, batch);
                String reason = e instanceof CsvRowReader.UnreadableCsvException ? e.getMessage()
                        : "The file could not be read to its end after data row " + reader.rowsRead();
                writer.fail(upload.id(), reason);
                LOG.infof("Upload %s of vendor %s failed: %s", upload.id(), upload.vendorId(), reason);
                meters.counter("eventcommerce.onboarding.uploads", "outcome", "failed").increment();
                return;
            }
            write(upload, batch);
            writer.complete(upload.id());
            meters.counter("eventcommerce.onboarding.uploads", "outcome", "completed").increment();
            LOG.infof("Upload %s of vendor %s: %d rows in %d ms", upload.id(), upload.vendorId(), reader.rowsRead(),
                    (System.nanoTime() - started) / 1_000_000);
        } catch (RuntimeException e) {
            String errorId = UUID.randomUUID().toString();
            LOG.errorf(e, "Upload %s failed unexpectedly (error id %s)", upload.id(), errorId);
            meters.counter("eventcommerce.onboarding.uploads", "outcome", "failed").increment();
            writer.fail(upload.id(), "Processing stopped unexpectedly after data row " + reader.rowsRead()
                    + " (error id " + errorId + ")");
        }
    }

    /**
     * Writes a batch; if it lost a race to a concurrent writer (the same SKU inserted by another upload, a
     * deadlock), the batch left no trace and is written again row by row, so only the rows involved are affected.
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
                    || cause instanceof PessimisticLockException) {
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

    /** 404 unless the upload exists and is the vendor's. */
    public VendorUpload get(UUID vendorId, UUID uploadId) {
        return uploads.findByIdOptional(uploadId).filter(u -> u.vendorId().equals(vendorId))
                .orElseThrow(() -> ApiException.notFound("Upload", uploadId));
    }

    /** The vendor's uploads, newest first. */
    public Page<VendorUpload> list(UUID vendorId, int page, int size) {
        vendors.get(vendorId);
        var query = uploads.find("vendorId", Sort.descending("startedAt").and("id"), vendorId);
        return Page.of(query.page(page, size).list(), page, size, query.count());
    }

    /** The rows an upload refused, by row number; {@code type} null for all. */
    public Page<UploadError> errors(UUID vendorId, UUID uploadId, UploadErrorType type, int page, int size) {
        get(vendorId, uploadId);
        var query = type == null
                ? errors.find("id.uploadId", Sort.by("id.rowNo"), uploadId)
                : errors.find("id.uploadId = ?1 and type = ?2", Sort.by("id.rowNo"), uploadId, type);
        return Page.of(query.page(page, size).list(), page, size, query.count());
    }
}
