package io.eventcommerce.orders.order.domain;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.UUID;

@ApplicationScoped
public class PromotionUsageRepository implements PanacheRepositoryBase<PromotionUsage, UUID> {
}
