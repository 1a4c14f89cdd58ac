package io.eventcommerce.catalog.review.domain;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

@ApplicationScoped
public class VerifiedPurchaseRepository implements PanacheRepositoryBase<VerifiedPurchase, VerifiedPurchase.Key> {
}
