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
import org.hibernate.Session;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
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
 * ({@link InventoryService#openAll}, {@link InventoryService#countTo}); each refused row becomes an error record; and
 * the upload's counters grow by the batch, in the same transaction. A batch either commits whole or leaves no trace.
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
     * Writes a batch. Rows of existing products are written one by one in SKU order (their stock rows are locked, so
     * two uploads writing overlapping SKUs lock them in the same order); after each the persistence context is
     * flushed and cleared, so a batch of updates never dirty-checks thousands of entities. New products are written
     * together at the end, in bulk ({@link ProductService#addAll}, {@link InventoryService#openAll}): a handful of
     * multi-row inserts for the whole batch instead of several statements per row.
     */
    @Transactional
    public void write(UploadContext upload, List<CheckedRow> rows) {
        Instant now = Timestamps.now();
        lease(upload, now);
        entityManager.unwrap(Session.class).setJdbcBatchSize(Math.max(1, rows.size()));
        Map<String, ProductOwnership> bySku = byKey(products.ownersOfSkus(rows.stream().map(CheckedRow::sku)
                .filter(Objects::nonNull).toList()), ProductOwnership::sku);
        Map<String, ProductOwnership> byVendorProductId = byKey(products.ownersOfVendorProductIds(upload.vendorId(),
                rows.stream().map(CheckedRow::vendorProductId).filter(Objects::nonNull).toList()),
                ProductOwnership::vendorProductId);
        int valid = 0;
        int refused = 0;
        int updated = 0;
        List<CheckedRow> added = new ArrayList<>();
        List<CheckedRow> inSkuOrder = rows.stream().sorted(Comparator
                .comparing((CheckedRow r) -> r.sku() == null ? "" : Texts.fold(r.sku()))
                .thenComparingInt(CheckedRow::rowNo)).toList();
        for (CheckedRow row : inSkuOrder) {
            ProductOwnership owner = row.sku() == null ? null : bySku.get(Texts.fold(row.sku()));
            CheckedRow checked = checkOwnership(upload, row, owner, byVendorProductId);
            if (checked.valid() && owner == null) {
                added.add(checked);
                continue;
            }
            if (checked.valid()) {
                Written written = update(upload, checked, owner, now);
                entityManager.flush();
                entityManager.clear();
                if (written.problem() == null) {
                    valid++;
                    updated += written.effect() == Effect.UPDATED ? 1 : 0;
                    continue;
                }
                checked = checked.with(written.problem());
            }
            errors.persist(error(upload, checked));
            refused++;
        }
        add(upload, added, now);
        entityManager.flush();
        entityManager.clear();
        uploads.findById(upload.id()).record(new VendorUpload.BatchOutcome(valid + added.size(), refused,
                added.size(), updated), now.plus(upload.lease()), now);
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

    private enum Effect { UPDATED, UNCHANGED, REFUSED }

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

    /** New products of the batch, with their stock in the upload's warehouse, in bulk. */
    private void add(UploadContext upload, List<CheckedRow> rows, Instant now) {
        if (rows.isEmpty()) {
            return;
        }
        List<Product> created = productService.addAll(upload.vendorId(), rows.stream()
                .map(r -> new ProductService.NewProduct(r.product().sku(),
                        r.product().forNewProduct(upload.defaultCurrency()))).toList(), now);
        List<InventoryService.Opening> openings = new ArrayList<>(rows.size());
        for (int i = 0; i < rows.size(); i++) {
            openings.add(new InventoryService.Opening(new StockKey(upload.warehouseId(), created.get(i).id()),
                    rows.get(i).product().stockQuantity(), note(rows.get(i))));
        }
        inventory.openAll(openings, reference(upload), upload.actor());
    }

    /** An existing product of the vendor: its stock, then its fields. */
    private Written update(UploadContext upload, CheckedRow row, ProductOwnership owner, Instant now) {
        ProductRow values = row.product();
        try {
            // Stock first: a row refused for its stock must leave the product as it was.
            inventory.countTo(new StockKey(upload.warehouseId(), owner.id()), values.stockQuantity(),
                    reference(upload), note(row), upload.actor());
        } catch (InventoryException e) {
            return Written.refused(new RowProblem(UploadErrorType.STOCK_BELOW_RESERVED, "stock_quantity: "
                    + values.stockQuantity() + " is less than open orders hold in the warehouse (" + e.getMessage()
                    + ")"));
        }
        Product product = productService.get(owner.id());
        return productService.change(product, values.forUpdateOf(product.details()), now).isEmpty()
                ? Written.of(Effect.UNCHANGED) : Written.of(Effect.UPDATED);
    }

    private static InventoryMovement.Reference reference(UploadContext upload) {
        return new InventoryMovement.Reference("UPLOAD", upload.id());
    }

    private static String note(CheckedRow row) {
        return "CSV upload row " + row.rowNo();
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
