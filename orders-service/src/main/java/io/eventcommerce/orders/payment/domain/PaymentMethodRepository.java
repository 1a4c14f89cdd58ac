package io.eventcommerce.orders.payment.domain;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class PaymentMethodRepository implements PanacheRepositoryBase<PaymentMethod, UUID> {

    public List<PaymentMethod> forCustomer(UUID customerId) {
        return list("customerId = ?1 order by createdAt", customerId);
    }
}
