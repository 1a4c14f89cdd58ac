package io.eventcommerce.orders.shipment.domain;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class ShipmentRepository implements PanacheRepositoryBase<Shipment, UUID> {

    public Optional<Shipment> forOrder(UUID orderId) {
        return find("orderId", orderId).firstResultOptional();
    }

    public boolean trackingTaken(String carrier, String trackingNumber) {
        return count("carrier = ?1 and trackingNumber = ?2", carrier, trackingNumber) > 0;
    }
}
