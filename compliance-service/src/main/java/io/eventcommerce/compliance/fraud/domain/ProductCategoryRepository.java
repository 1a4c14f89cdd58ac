package io.eventcommerce.compliance.fraud.domain;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.UUID;

@ApplicationScoped
public class ProductCategoryRepository implements PanacheRepositoryBase<ProductCategory, UUID> {
}
