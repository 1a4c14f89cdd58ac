package io.eventcommerce.orders.catalog.domain;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Collection;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class CatalogProductRepository implements PanacheRepositoryBase<CatalogProduct, UUID> {

    public List<CatalogProduct> findAllById(Collection<UUID> ids) {
        return ids.isEmpty() ? List.of() : list("productId in ?1", ids);
    }
}
