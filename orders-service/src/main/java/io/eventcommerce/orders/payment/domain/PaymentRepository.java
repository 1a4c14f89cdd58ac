package io.eventcommerce.orders.payment.domain;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class PaymentRepository implements PanacheRepositoryBase<Payment, UUID> {

    public List<Payment> forOrder(UUID orderId) {
        return list("orderId = ?1 order by createdAt", orderId);
    }
}
