package io.eventcommerce.catalog.onboarding.service;

import io.eventcommerce.catalog.inventory.domain.InventoryException;
import io.eventcommerce.catalog.inventory.domain.InventoryMovement;
import io.eventcommerce.catalog.inventory.domain.StockKey;
import io.eventcommerce.catalog.inventory.service.InventoryService;
import io.eventcommerce.catalog.onboarding.domain.CheckedRow;
import io.eventcommerce.catalog.onboarding.domain.ProductRow;
import io.eventcommerce.catalog.onboarding.domain.RowProblem;
import io.eventcommerce.catalog.onboarding.domain.Texts;
import io.eventcommerce.catalog.onboarding.domain.UploadError;
import io.eventcommerce.catalog.onboarding.domain.UploadErrorKey;
import io.eventcommerce.catalog.onboarding.domain.UploadErrorRepository;
import io.eventcommerce.catalog.onboarding.domain.UploadErrorType;
import io.eventcommerce.catalog.onboarding.domain.VendorUpload;
import io.eventcommerce.catalog.onboarding.domain.VendorUploadRepository;
import io.eventcommerce.catalog.product.domain.Product;
import io.eventcommerce.catalog.product.domain.ProductOwnership;
import io.eventcommerce.catalog.product.domain.ProductRepository;
import io.eventcommerce.catalog.product.service.ProductService;
import io.eventcommerce.servicekit.time.Timestamps;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Writes checked rows, one transaction per batch: each valid row creates or updates its product (publishing
 * ProductCreated / ProductUpdated through {@link ProductService}) and sets its stock through the ledger
 * ({@link InventoryService#countTo}); each refused row becomes an error record; and the upload's counters grow by
 * the batch, in the same transaction. A batch either commits whole or leaves no trace.
 */
@ApplicationScoped
public class UploadBatchWriter {

    /** What every batch of one upload shares; {@code leaseOwner} is the worker writing it. */
    public record UploadContext(UUID id, UUID vendorId, UUID warehouseId, String actor, String defaultCurrency,
                                String leaseOwner, Duration lease) {
    }

    /**
     * The worker no longer holds the upload's lease: it was cancelled, or the worker stalled beyond its lease and
     * another instance took over. The batch left no trace; the worker stops.
     */
    public static final class LeaseLostException extends RuntimeException {
        LeaseLostException(UUID uploadId) {
            super("No longer the worker of upload " + uploadId, null, false, false);
        }
    }

    private final ProductRepository products;
    private final ProductService productService;
    private final InventoryService inventory;
    private final VendorUploadRepository uploads;
    private final UploadErrorRepository errors;
    private final EntityManager entityManager;

    public UploadBatchWriter(ProductRepository products, ProductService productService, InventoryService inventory,
                             VendorUploadRepository uploads, UploadErrorRepository errors,
                             EntityManager entityManager) {
        this.products = products;
        this.productService = productService;
        this.inventory = inventory;
        this.uploads = uploads;
        this.errors = errors;
        this.entityManager = entityManager;
    }

    /**
     * Writes a batch. Rows are written in SKU order, so two uploads writing overlapping SKUs lock them in the same
     * order. After each row the persistence context is flushed and cleared: a batch touches thousands of entities,
     * and every native statement (outbox, stock lock) would otherwise dirty-check all of them again.
     */
    @Transactional
    public void write(UploadContext upload, List<CheckedRow> rows) {
        Instant now = Timestamps.now();
        lease(upload, now);
        Map<String, ProductOwnership> bySku = byKey(products.ownersOfSkus(rows.stream().map(CheckedRow::sku)
                .filter(Objects::nonNull).toList()), ProductOwnership::sku);
        Map<String, ProductOwnership> byVendorProductId = byKey(products.ownersOfVendorProductIds(upload.vendorId(),
                rows.stream().map(CheckedRow::vendorProductId).filter(Objects::nonNull).toList()),
                ProductOwnership::vendorProductId);
        int valid = 0;
        int refused = 0;
        int created = 0;
        int updated = 0;
        List<CheckedRow> inSkuOrder = rows.stream().sorted(Comparator
                .comparing((CheckedRow r) -> r.sku() == null ? "" : Texts.fold(r.sku()))
                .thenComparingInt(CheckedRow::rowNo)).toList();
        for (CheckedRow row : inSkuOrder) {
            ProductOwnership owner = row.sku() == null ? null : bySku.get(Texts.fold(row.sku()));
            CheckedRow checked = checkOwnership(upload, row, owner, byVendorProductId);
            Written written = checked.valid() ? write(upload, checked, owner, now) : Written.refused(null);
            if (written.problem() != null) {
                checked = checked.with(written.problem());
            }
            if (checked.valid()) {
                valid++;
                created += written.effect() == Effect.CREATED ? 1 : 0;
                updated += written.effect() == Effect.UPDATED ? 1 : 0;
            } else {
                errors.persist(error(upload, checked));
                refused++;
            }
            entityManager.flush();
            entityManager.clear();
        }
        uploads.findById(upload.id()).record(new VendorUpload.BatchOutcome(valid, refused, created, updated),
                now.plus(upload.lease()), now);
    }

    /**
     * Locks the upload row for this batch's transaction and checks the lease is still this worker's: the count of
     * rows done then commits with exactly the effects of the rows it counts, and nobody else writes them.
     */
    private VendorUpload lease(UploadContext upload, Instant now) {
        VendorUpload current = uploads.lock(upload.id()).orElse(null);
        if (current == null || !current.leasedTo(upload.leaseOwner(), now)) {
            throw new LeaseLostException(upload.id());
        }
        return current;
    }

    /** Files one row as refused, in its own transaction: the last resort when writing it lost a race. */
    @Transactional
    public void refuse(UploadContext upload, CheckedRow row) {
        Instant now = Timestamps.now();
        VendorUpload current = lease(upload, now);
        errors.persist(error(upload, row));
        current.record(new VendorUpload.BatchOutcome(0, 1, 0, 0), now.plus(upload.lease()), now);
    }

    /** @return whether this worker still held the upload and it is now finished */
    @Transactional
    public boolean complete(UploadContext upload) {
        Instant now = Timestamps.now();
        VendorUpload current = uploads.lock(upload.id()).orElse(null);
        if (!current.leasedTo(upload.leaseOwner(), now)) {
            return false;
        }
        current.complete(now);
        return true;
    }

    /** @return whether this worker still held the upload and it has now failed */
    @Transactional
    public boolean fail(UploadContext upload, String reason) {
        Instant now = Timestamps.now();
        VendorUpload current = uploads.lock(upload.id()).orElse(null);
        if (!current.leasedTo(upload.leaseOwner(), now)) {
            return false;
        }
        current.fail(reason, now);
        return true;
    }

    private enum Effect { CREATED, UPDATED, UNCHANGED, REFUSED }

    /** What writing a row did; a row refused while writing says why. */
    private record Written(Effect effect, RowProblem problem) {
        static Written of(Effect effect) {
            return new Written(effect, null);
        }

        static Written refused(RowProblem problem) {
            return new Written(Effect.REFUSED, problem);
        }
    }

    /** The rules that need the catalog: a SKU of someone else, a vendor reference another product of the vendor has. */
    private static CheckedRow checkOwnership(UploadContext upload, CheckedRow row, ProductOwnership owner,
                                             Map<String, ProductOwnership> byVendorProductId) {
        CheckedRow checked = row;
        boolean own = owner != null && upload.vendorId().equals(owner.vendorId());
        if (owner != null && !own) {
            checked = checked.with(new RowProblem(UploadErrorType.SKU_TAKEN, "sku: '" + row.sku()
                    + "' is taken by a product that is not yours"));
        }
        if (row.vendorProductId() != null && row.sku() != null) {
            ProductOwnership holder = byVendorProductId.get(Texts.fold(row.vendorProductId()));
            if (holder != null && !(own && holder.id().equals(owner.id()))) {
                checked = checked.with(new RowProblem(UploadErrorType.VENDOR_PRODUCT_ID_TAKEN, "vendor_product_id: '"
                        + Texts.abbreviate(row.vendorProductId()) + "' is already your product '" + holder.sku()
                        + "'"));
            }
        }
        return checked;
    }

    private Written write(UploadContext upload, CheckedRow row, ProductOwnership owner, Instant now) {
        ProductRow values = row.product();
        InventoryMovement.Reference reference = new InventoryMovement.Reference("UPLOAD", upload.id());
        String note = "CSV upload row " + row.rowNo();
        if (owner == null) {
            Product product = productService.add(values.sku(), upload.vendorId(),
                    values.forNewProduct(upload.defaultCurrency()), now);
            inventory.open(new StockKey(upload.warehouseId(), product.id()), values.stockQuantity(), reference, note,
                    upload.actor());
            return Written.of(Effect.CREATED);
        }
        try {
            // Stock first: a row refused for its stock must leave the product as it was.
            inventory.countTo(new StockKey(upload.warehouseId(), owner.id()), values.stockQuantity(), reference, note,
                    upload.actor());
        } catch (InventoryException e) {
            return Written.refused(new RowProblem(UploadErrorType.STOCK_BELOW_RESERVED, "stock_quantity: "
                    + values.stockQuantity() + " is less than open orders hold in the warehouse (" + e.getMessage()
                    + ")"));
        }
        Product product = productService.get(owner.id());
        return productService.change(product, values.forUpdateOf(product.details()), now).isEmpty()
                ? Written.of(Effect.UNCHANGED) : Written.of(Effect.UPDATED);
    }

    private static UploadError error(UploadContext upload, CheckedRow row) {
        return new UploadError(new UploadErrorKey(upload.id(), row.rowNo()), row.errorType(), row.message(),
                row.originalText());
    }

    private static Map<String, ProductOwnership> byKey(List<ProductOwnership> owners,
                                                       Function<ProductOwnership, String> key) {
        return owners.stream().collect(Collectors.toMap(o -> Texts.fold(key.apply(o)), Function.identity(),
                (a, b) -> a));
    }
}
