package io.eventcommerce.catalog.category.domain;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.UUID;

@ApplicationScoped
public class CategoryRepository implements PanacheRepositoryBase<Category, UUID> {

    public boolean existsBySlug(String slug) {
        return count("slug", slug) > 0;
    }

    public boolean exists(UUID id) {
        return count("id", id) > 0;
    }
}
