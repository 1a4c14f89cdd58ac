package io.eventcommerce.catalog.product.service;

import io.eventcommerce.servicekit.time.Timestamps;
import io.eventcommerce.catalog.category.domain.CategoryRepository;
import io.eventcommerce.catalog.product.domain.Product;
import io.eventcommerce.catalog.product.domain.ProductDetails;
import io.eventcommerce.catalog.product.domain.ProductRepository;
import io.eventcommerce.catalog.product.domain.ProductStatus;
import io.eventcommerce.events.catalog.ProductCreated;
import io.eventcommerce.events.catalog.ProductSnapshot;
import io.eventcommerce.events.catalog.ProductUpdated;
import io.eventcommerce.servicekit.outbox.Outbox;
import io.eventcommerce.servicekit.problem.ApiException;
import io.eventcommerce.servicekit.rest.Page;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Product writes: each changes the product and publishes its new state through the outbox in one transaction. */
@ApplicationScoped
public class ProductService {

    private final ProductRepository products;
    private final CategoryRepository categories;
    private final Outbox outbox;

    public ProductService(ProductRepository products, CategoryRepository categories, Outbox outbox) {
        this.products = products;
        this.categories = categories;
        this.outbox = outbox;
    }

    @Transactional
    public Product create(String sku, ProductDetails details) {
        requireCategory(details);
        if (products.existsBySku(sku)) {
            throw ApiException.conflict("A product with SKU '" + sku + "' already exists");
        }
        Product product = new Product(UUID.randomUUID(), sku, details, Timestamps.now());
        products.persistAndFlush(product);
        outbox.publish(new ProductCreated(snapshot(product)));
        return product;
    }

    /** Replaces the editable fields; publishes {@code ProductUpdated} only if something changed. */
    @Transactional
    public Product update(UUID id, String sku, ProductDetails details) {
        Product product = get(id);
        if (!product.sku().equals(sku)) {
            throw ApiException.invalidField("sku", "cannot change (is '" + product.sku() + "')");
        }
        if (!details.categoryId().equals(product.categoryId())) {
            requireCategory(details);
        }
        List<String> changed = product.apply(details, Timestamps.now());
        if (!changed.isEmpty()) {
            products.flush();
            outbox.publish(new ProductUpdated(snapshot(product), changed));
        }
        return product;
    }

    public Product get(UUID id) {
        return products.findByIdOptional(id).orElseThrow(() -> ApiException.notFound("Product", id));
    }

    public Page<Product> list(UUID categoryId, ProductStatus status, int page, int size) {
        List<String> conditions = new ArrayList<>();
        Parameters parameters = new Parameters();
        if (categoryId != null) {
            conditions.add("categoryId = :categoryId");
            parameters.and("categoryId", categoryId);
        }
        if (status != null) {
            conditions.add("status = :status");
            parameters.and("status", status);
        }
        var query = conditions.isEmpty() ? products.findAll(Sort.by("sku"))
                : products.find(String.join(" and ", conditions), Sort.by("sku"), parameters);
        return Page.of(query.page(page, size).list(), page, size, query.count());
    }

    private void requireCategory(ProductDetails details) {
        if (!categories.exists(details.categoryId())) {
            throw ApiException.invalidField("categoryId", "unknown category");
        }
    }

    static ProductSnapshot snapshot(Product p) {
        return new ProductSnapshot(p.id(), p.sku(), p.name(), p.description(), p.brand(), p.categoryId(), p.price(),
                p.cost(), p.currency(), p.status().name(), p.attributes(), p.version(), null);
    }
}
