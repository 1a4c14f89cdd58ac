package io.eventcommerce.catalog.product.service;

import io.eventcommerce.catalog.category.domain.CategoryRepository;
import io.eventcommerce.catalog.category.domain.CategoryTree;
import io.eventcommerce.catalog.product.domain.Product;
import io.eventcommerce.catalog.product.domain.ProductDetails;
import io.eventcommerce.catalog.product.domain.ProductRepository;
import io.eventcommerce.catalog.product.domain.ProductSearch;
import io.eventcommerce.catalog.product.domain.ProductStatus;
import io.eventcommerce.catalog.vendor.domain.Vendor;
import io.eventcommerce.catalog.vendor.domain.VendorRepository;
import io.eventcommerce.catalog.vendor.domain.VendorStatus;
import io.eventcommerce.events.catalog.ProductCreated;
import io.eventcommerce.events.catalog.ProductSnapshot;
import io.eventcommerce.events.catalog.ProductUpdated;
import io.eventcommerce.servicekit.outbox.Outbox;
import io.eventcommerce.servicekit.problem.DomainException;
import io.eventcommerce.servicekit.rest.Page;
import io.eventcommerce.servicekit.time.Timestamps;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/**
 * Product writes: each changes the product and publishes its new state through the outbox in one transaction.
 * {@link #add} and {@link #change} are the two writes themselves, shared by the REST API and vendor onboarding; the
 * public {@link #create} and {@link #update} check a single request first.
 */
@ApplicationScoped
public class ProductService {

    private final ProductRepository products;
    private final CategoryRepository categories;
    private final VendorRepository vendors;
    private final Outbox outbox;

    public ProductService(ProductRepository products, CategoryRepository categories, VendorRepository vendors,
                          Outbox outbox) {
        this.products = products;
        this.categories = categories;
        this.vendors = vendors;
        this.outbox = outbox;
    }

    /** @param vendorId the vendor selling it, null for a platform product */
    @Transactional
    public Product create(String sku, UUID vendorId, ProductDetails details) {
        requireCategory(details);
        if (vendorId != null && !vendors.exists(vendorId)) {
            throw DomainException.invalid("vendorId", "unknown vendor");
        }
        requireVendorProductId(vendorId, details.vendorProductId(), null);
        if (products.existsBySku(sku)) {
            throw DomainException.conflict("A product with SKU '" + sku + "' already exists");
        }
        return add(sku, vendorId, details, Timestamps.now());
    }

    /** Who edits a product: the catalog's staff, or the vendor selling it (whose token is scoped to it). */
    public enum Editor { STAFF, VENDOR }

    /**
     * Replaces the editable fields; publishes {@code ProductUpdated} only if something changed. SKU and vendor never
     * change; a status left out ({@code null}) keeps the current one. A vendor may not change the status (taking a
     * product on or off sale is the catalog managers' decision: 403), and a suspended vendor changes nothing (409).
     * Both are checked against the product as this transaction reads it, so a status a manager set a moment ago is
     * not written back by a vendor's edit.
     *
     * @param vendorId null to keep the vendor (a client that does not know of vendors), else it must be the current one
     */
    @Transactional
    public Product update(UUID id, String sku, UUID vendorId, ProductDetails details, Editor editor) {
        Product product = get(id);
        if (editor == Editor.VENDOR) {
            requireActiveVendor(product.vendorId());
            if (details.status() != null && details.status() != product.status()) {
                throw new DomainException(DomainException.Kind.NOT_ALLOWED, "Only catalog managers and admins "
                        + "change a product's status (it is " + product.status() + ")");
            }
        }
        if (details.status() == null) {
            details = details.withStatus(product.status());
        }
        if (!product.sku().equals(sku)) {
            throw DomainException.invalid("sku", "cannot change (is '" + product.sku() + "')");
        }
        if (vendorId != null && !vendorId.equals(product.vendorId())) {
            throw DomainException.invalid("vendorId", "cannot change");
        }
        if (!details.categoryId().equals(product.categoryId())) {
            requireCategory(details);
        }
        if (!Objects.equals(details.vendorProductId(), product.vendorProductId())) {
            requireVendorProductId(product.vendorId(), details.vendorProductId(), id);
        }
        change(product, details, Timestamps.now());
        return product;
    }

    /**
     * Adds a product and publishes {@code ProductCreated}, in the caller's transaction. The caller has checked the
     * category, the vendor and that SKU and vendor reference are free (the unique keys remain the last guard).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Product add(String sku, UUID vendorId, ProductDetails details, Instant now) {
        return addAll(vendorId, List.of(new NewProduct(sku, details)), now).get(0);
    }

    /** A product to add: its SKU and details. */
    public record NewProduct(String sku, ProductDetails details) {
    }

    /**
     * {@link #add} for many products of one vendor at once, in bulk: one batched insert of the products and one of
     * their {@code ProductCreated} events, whatever their number.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<Product> addAll(UUID vendorId, List<NewProduct> added, Instant now) {
        List<Product> created = new ArrayList<>(added.size());
        for (NewProduct p : added) {
            Product product = new Product(UUID.randomUUID(), p.sku(), vendorId, p.details(), now);
            products.persist(product);
            created.add(product);
        }
        products.flush();
        outbox.publishAll(created.stream().map(p -> new ProductCreated(snapshot(p))).toList());
        return created;
    }

    /**
     * Applies new editable fields to a product and publishes {@code ProductUpdated} with the changed fields, in the
     * caller's transaction; nothing is written or published if nothing changed.
     *
     * @return the names of the changed fields
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<String> change(Product product, ProductDetails details, Instant now) {
        return changeAll(List.of(new Change(product, details)), now).get(0);
    }

    /** New editable fields for a product. */
    public record Change(Product product, ProductDetails details) {
    }

    /**
     * {@link #change} for many products at once, in bulk: batched updates of the products and one insert of their
     * {@code ProductUpdated} events.
     *
     * @return per change, in order, the names of the changed fields
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<List<String>> changeAll(List<Change> changes, Instant now) {
        List<List<String>> changed = new ArrayList<>(changes.size());
        for (Change change : changes) {
            changed.add(change.product().apply(change.details(), now));
        }
        products.flush(); // the new versions, for the events
        List<ProductUpdated> events = new ArrayList<>();
        for (int i = 0; i < changes.size(); i++) {
            if (!changed.get(i).isEmpty()) {
                events.add(new ProductUpdated(snapshot(changes.get(i).product()), changed.get(i)));
            }
        }
        outbox.publishAll(events);
        return changed;
    }

    public Product get(UUID id) {
        return products.findByIdOptional(id).orElseThrow(() -> DomainException.notFound("Product", id));
    }

    /** @param vendorId only this vendor's products (null: everyone's) */
    /**
     * Products by free text and filters; a category includes its subcategories. An unknown category finds nothing
     * rather than everything.
     */
    public Page<Product> search(String text, UUID categoryId, ProductStatus status, UUID vendorId, String brand,
                                BigDecimal minPrice, BigDecimal maxPrice, ProductSearch.Order order, int page,
                                int size) {
        Set<UUID> categoryIds = Set.of();
        if (categoryId != null) {
            Map<UUID, UUID> parentOf = new HashMap<>();
            categories.listAll().forEach(c -> parentOf.put(c.id(), c.parentId()));
            if (!parentOf.containsKey(categoryId)) {
                return Page.of(List.of(), page, size, 0);
            }
            categoryIds = CategoryTree.subtree(categoryId, parentOf);
        }
        return products.search(new ProductSearch(text, categoryIds, status, vendorId, brand, minPrice, maxPrice,
                order), page, size);
    }

    private void requireActiveVendor(UUID vendorId) {
        VendorStatus status = vendorId == null ? null : vendors.findByIdOptional(vendorId).map(Vendor::status)
                .orElse(null);
        if (status != VendorStatus.ACTIVE) {
            throw DomainException.conflict("Vendor " + vendorId + " is " + status + " and cannot change its products");
        }
    }

    private void requireCategory(ProductDetails details) {
        if (!categories.exists(details.categoryId())) {
            throw DomainException.invalid("categoryId", "unknown category");
        }
    }

    private void requireVendorProductId(UUID vendorId, String vendorProductId, UUID except) {
        if (vendorProductId == null) {
            return;
        }
        if (vendorId == null) {
            throw DomainException.invalid("vendorProductId", "only a vendor's product has one");
        }
        if (products.vendorProductIdTaken(vendorId, vendorProductId, except)) {
            throw DomainException.conflict("Another product of the vendor has vendorProductId '" + vendorProductId
                    + "'");
        }
    }

    static ProductSnapshot snapshot(Product p) {
        return new ProductSnapshot(p.id(), p.sku(), p.name(), p.description(), p.brand(), p.categoryId(), p.price(),
                p.cost(), p.currency(), p.status().name(), p.attributes(), p.version(), p.vendorId());
    }
}
