package io.eventcommerce.catalog.inventory.domain;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

@ApplicationScoped
public class InventoryMovementRepository implements PanacheRepositoryBase<InventoryMovement, Long> {
}
