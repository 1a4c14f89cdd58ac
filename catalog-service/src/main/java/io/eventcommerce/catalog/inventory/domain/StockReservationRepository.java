package io.eventcommerce.catalog.inventory.domain;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class StockReservationRepository implements PanacheRepositoryBase<StockReservation, StockReservation.Key> {

    public List<StockReservation> forOrder(UUID orderId) {
        return list("id.orderId", orderId);
    }
}
