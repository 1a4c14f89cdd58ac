package io.eventcommerce.orders.shipment.domain;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.UUID;

@ApplicationScoped
public class OrderReturnRepository implements PanacheRepositoryBase<OrderReturn, UUID> {
}
