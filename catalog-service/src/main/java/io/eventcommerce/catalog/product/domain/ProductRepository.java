package io.eventcommerce.catalog.product.domain;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.UUID;

@ApplicationScoped
public class ProductRepository implements PanacheRepositoryBase<Product, UUID> {

    public boolean existsBySku(String sku) {
        return count("sku", sku) > 0;
    }

    public boolean existsById(UUID id) {
        return count("id", id) > 0;
    }
}
