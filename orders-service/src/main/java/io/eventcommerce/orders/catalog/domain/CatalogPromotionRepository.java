package io.eventcommerce.orders.catalog.domain;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class CatalogPromotionRepository implements PanacheRepositoryBase<CatalogPromotion, UUID> {

    public Optional<CatalogPromotion> findByCode(String code) {
        return find("code", code).firstResultOptional();
    }

    /**
     * Counts one use if the limit allows it, in one statement: concurrent orders queue on the row lock it takes,
     * and each sees the count the one before left.
     *
     * @return whether the use was counted (false: the limit is reached)
     */
    public boolean claimUse(UUID promotionId) {
        return getEntityManager().createNativeQuery("UPDATE catalog_promotion SET times_used = times_used + 1 "
                        + "WHERE promotion_id = ?1 AND (usage_limit IS NULL OR times_used < usage_limit)")
                .setParameter(1, promotionId.toString()).executeUpdate() == 1;
    }

    /** Gives one use back (the order that used it was cancelled). */
    public void releaseUse(UUID promotionId) {
        getEntityManager().createNativeQuery("UPDATE catalog_promotion SET times_used = times_used - 1 "
                        + "WHERE promotion_id = ?1 AND times_used > 0")
                .setParameter(1, promotionId.toString()).executeUpdate();
    }
}
