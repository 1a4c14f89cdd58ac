package io.eventcommerce.catalog.onboarding.service;

import io.eventcommerce.catalog.inventory.domain.InventoryMovement;
import io.eventcommerce.catalog.inventory.domain.StockKey;
import io.eventcommerce.catalog.inventory.service.InventoryService;
import io.eventcommerce.catalog.onboarding.domain.CheckedRow;
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
import java.util.LinkedHashMap;
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
     * Writes a batch, in bulk: the stock of the vendor's existing products in the batch is counted in one go
     * ({@link InventoryService#countAll}: their stock rows locked in product order, so two uploads or an upload and
     * an order reservation lock overlapping products in one order), then the products whose stock was accepted are
     * changed together ({@link ProductService#changeAll}), and the new products are added together
     * ({@link ProductService#addAll}, {@link InventoryService#openAll}): a handful of multi-row statements for the
     * whole batch instead of several per row.
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
        List<CheckedRow> added = new ArrayList<>();
        Map<UUID, CheckedRow> existing = new LinkedHashMap<>();
        List<CheckedRow> refused = new ArrayList<>();
        for (CheckedRow row : rows) {
            ProductOwnership owner = row.sku() == null ? null : bySku.get(Texts.fold(row.sku()));
            CheckedRow checked = checkOwnership(upload, row, owner, byVendorProductId);
            if (!checked.valid()) {
                refused.add(checked);
            } else if (owner == null) {
                added.add(checked);
            } else if (existing.put(owner.id(), checked) != null) {
                // The validator refuses a SKU seen earlier in the file (DUPLICATE_SKU_IN_FILE).
                throw new IllegalStateException("Two rows of one batch for product " + owner.id());
            }
        }
        int updated = update(upload, existing, refused, now);
        // New SKUs inserted in one order, so two uploads adding the same ones wait for each other, not deadlock.
        added.sort(Comparator.comparing((CheckedRow r) -> Texts.fold(r.sku())));
        add(upload, added, now);
        refused.forEach(row -> errors.persist(error(upload, row)));
        entityManager.flush();
        entityManager.clear();
        int valid = rows.size() - refused.size();
        uploads.findById(upload.id()).record(new VendorUpload.BatchOutcome(valid, refused.size(), added.size(),
                updated), now.plus(upload.lease()), now);
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

    /**
     * The vendor's existing products of the batch: their stock first, then their fields, so a row refused for its
     * stock leaves its product as it was (it joins {@code refused}).
     *
     * @return how many products had fields changed
     */
    private int update(UploadContext upload, Map<UUID, CheckedRow> rows, List<CheckedRow> refused, Instant now) {
        if (rows.isEmpty()) {
            return 0;
        }
        Map<UUID, String> belowReserved = inventory.countAll(upload.warehouseId(), rows.entrySet().stream()
                .map(e -> new InventoryService.Count(e.getKey(), e.getValue().product().stockQuantity(),
                        note(e.getValue()))).toList(), reference(upload), upload.actor());
        belowReserved.forEach((productId, reason) -> {
            CheckedRow row = rows.get(productId);
            refused.add(row.with(new RowProblem(UploadErrorType.STOCK_BELOW_RESERVED, "stock_quantity: "
                    + row.product().stockQuantity() + " is less than open orders hold in the warehouse (" + reason
                    + ")")));
        });
        List<ProductService.Change> changes = new ArrayList<>();
        for (Product product : products.findInIdOrder(rows.keySet().stream()
                .filter(id -> !belowReserved.containsKey(id)).toList())) {
            changes.add(new ProductService.Change(product,
                    rows.get(product.id()).product().forUpdateOf(product.details())));
        }
        return (int) productService.changeAll(changes, now).stream().filter(fields -> !fields.isEmpty()).count();
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
