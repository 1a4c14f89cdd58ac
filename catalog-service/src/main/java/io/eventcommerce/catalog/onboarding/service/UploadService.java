package io.eventcommerce.catalog.onboarding.service;

import io.eventcommerce.catalog.CatalogConfig;
import io.eventcommerce.catalog.inventory.domain.WarehouseRepository;
import io.eventcommerce.catalog.onboarding.csv.CsvRowReader;
import io.eventcommerce.catalog.onboarding.domain.CsvHeader;
import io.eventcommerce.catalog.onboarding.domain.UploadError;
import io.eventcommerce.catalog.onboarding.domain.UploadErrorRepository;
import io.eventcommerce.catalog.onboarding.domain.UploadErrorType;
import io.eventcommerce.catalog.onboarding.domain.VendorUpload;
import io.eventcommerce.catalog.onboarding.domain.VendorUploadRepository;
import io.eventcommerce.catalog.vendor.domain.Vendor;
import io.eventcommerce.catalog.vendor.domain.VendorStatus;
import io.eventcommerce.catalog.vendor.service.VendorService;
import io.eventcommerce.servicekit.problem.ApiException;
import io.eventcommerce.servicekit.problem.DomainException;
import io.eventcommerce.servicekit.problem.Problem;
import io.eventcommerce.servicekit.problem.ProblemType;
import io.eventcommerce.servicekit.rest.Page;
import io.eventcommerce.servicekit.time.Timestamps;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.UUID;

/**
 * Vendor CSV onboarding, the receiving side. Checked before anything is written, answered 4xx with nothing changed:
 * the declared size, the vendor (exists, active), the warehouse, and the header row (present, every required column,
 * no unknown or repeated one); while the file is stored, its size and row count (over a limit, the transaction rolls
 * back: nothing of it stays). Then the body is streamed into the database ({@link UploadFileStore}), in the transaction that
 * records the upload QUEUED with the file's row count: once the POST answers, the file is durably received and any
 * instance's {@link UploadWorker} can process it ({@link UploadProcessor}), and resume it after a crash.
 *
 * <p>Rows are only counted here, not checked: the parse is cheap, and a file that stops being readable part-way
 * (not CSV, not UTF-8, a runaway row) is stored whole all the same, so processing fails it at the same row and keeps
 * the rows before, as it always did.
 */
@ApplicationScoped
public class UploadService {

    private final VendorService vendors;
    private final WarehouseRepository warehouses;
    private final VendorUploadRepository uploads;
    private final UploadErrorRepository errors;
    private final UploadFileStore files;
    private final ProcessingInstance instance;
    private final CatalogConfig config;
    private final EntityManager entityManager;

    public UploadService(VendorService vendors, WarehouseRepository warehouses, VendorUploadRepository uploads,
                         UploadErrorRepository errors, UploadFileStore files, ProcessingInstance instance,
                         CatalogConfig config, EntityManager entityManager) {
        this.vendors = vendors;
        this.warehouses = warehouses;
        this.uploads = uploads;
        this.errors = errors;
        this.files = files;
        this.instance = instance;
        this.config = config;
        this.entityManager = entityManager;
    }

    /**
     * Receives one file: checks it can be onboarded, stores it and records the upload QUEUED, in one transaction.
     *
     * @param fileName      the name the vendor gave the file, if any
     * @param actor         who uploads, for the upload record and the stock ledger
     * @param declaredBytes the body's Content-Length, or -1 if it has none (a chunked body)
     * @return the upload, QUEUED, with its row count
     * @throws ApiException 413 for a file over {@code max-file-bytes}, 422 for one over {@code max-rows}; either
     *                      rolls back whatever of the file was stored
     */
    @Transactional
    public VendorUpload upload(UUID vendorId, UUID warehouseId, String fileName, String actor, long declaredBytes,
                               InputStream body) {
        long maxBytes = config.onboarding().maxFileBytes();
        if (declaredBytes > maxBytes) {
            throw tooLarge(maxBytes);
        }
        Vendor vendor = vendors.get(vendorId);
        if (vendor.status() != VendorStatus.ACTIVE) {
            throw DomainException.conflict("Vendor " + vendorId + " is " + vendor.status() + " and cannot upload");
        }
        if (warehouses.findByIdOptional(warehouseId).isEmpty()) {
            throw DomainException.invalid("warehouseId", "unknown warehouse");
        }
        VendorUpload upload = new VendorUpload(UUID.randomUUID(), vendorId, warehouseId, fileName, actor,
                instance.name(), Timestamps.now());
        int[] seq = {0};
        UploadFileStore.ChunkingInputStream stored = new UploadFileStore.ChunkingInputStream(
                new UploadFileStore.LimitedInputStream(body, maxBytes, () -> tooLarge(maxBytes)),
                config.onboarding().chunkBytes(), chunk -> {
                    if (seq[0] == 0) {
                        // The upload row first (the chunks refer to it); a refused header still rolls it back.
                        uploads.persist(upload);
                        entityManager.flush();
                    }
                    files.append(upload.id(), seq[0]++, chunk);
                });
        CsvRowReader reader = new CsvRowReader(stored, config.onboarding().maxRowChars());
        int rows = 0;
        try {
            header(reader);
            try {
                int maxRows = config.onboarding().maxRows();
                while (reader.next() != null) {
                    if (++rows > maxRows) {
                        throw ApiException.invalidField("file", "has more than " + maxRows
                                + " data rows; send it as several files");
                    }
                }
            } catch (CsvRowReader.UnreadableCsvException e) {
                // Processing stops at the same row; the rest is kept so the stored file is the file sent.
                stored.drain();
            } catch (IOException e) {
                throw new UncheckedIOException("The file could not be received to its end", e);
            }
            stored.finish();
        } finally {
            reader.close();
        }
        if (seq[0] == 0) {
            uploads.persist(upload);
        }
        upload.received(rows, stored.total());
        return upload;
    }

    private static ApiException tooLarge(long maxBytes) {
        return new ApiException(ProblemType.PAYLOAD_TOO_LARGE, "The file is larger than " + maxBytes
                + " bytes; send it as several files");
    }

    /** The header row, or 4xx: the checks a file must pass before anything of it is written. */
    static CsvHeader header(CsvRowReader reader) {
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

    /**
     * Stops an upload; the batches committed before stay. The lock on the upload row waits for a batch being
     * written, and the worker sees CANCELLED before its next one.
     */
    @Transactional
    public VendorUpload cancel(UUID vendorId, UUID uploadId) {
        VendorUpload upload = uploads.lock(uploadId)
                .filter(u -> u.vendorId().equals(vendorId))
                .orElseThrow(() -> DomainException.notFound("Upload", uploadId));
        upload.cancel(Timestamps.now());
        return upload;
    }

    /** 404 unless the upload exists and is the vendor's. */
    public VendorUpload get(UUID vendorId, UUID uploadId) {
        return uploads.findByIdOptional(uploadId).filter(u -> u.vendorId().equals(vendorId))
                .orElseThrow(() -> DomainException.notFound("Upload", uploadId));
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
