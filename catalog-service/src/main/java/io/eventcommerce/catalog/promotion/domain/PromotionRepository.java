package io.eventcommerce.catalog.promotion.domain;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.UUID;

@ApplicationScoped
public class PromotionRepository implements PanacheRepositoryBase<Promotion, UUID> {

    public boolean existsByCode(String code) {
        return count("code", code) > 0;
    }
}
