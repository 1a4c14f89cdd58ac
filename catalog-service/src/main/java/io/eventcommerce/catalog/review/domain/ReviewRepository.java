package io.eventcommerce.catalog.review.domain;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.UUID;

@ApplicationScoped
public class ReviewRepository implements PanacheRepositoryBase<Review, UUID> {

    public boolean exists(UUID customerId, UUID productId) {
        return count("customerId = ?1 and productId = ?2", customerId, productId) > 0;
    }
}
