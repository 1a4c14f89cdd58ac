package io.eventcommerce.orders.payment.domain;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.eventcommerce.servicekit.rest.Page;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class PaymentMethodRepository implements PanacheRepositoryBase<PaymentMethod, UUID> {

    public List<PaymentMethod> forCustomer(UUID customerId) {
        return list("customerId = ?1 order by createdAt", customerId);
    }

    /** One page of the customer's methods, oldest first (id breaks ties, so pages never overlap). */
    public Page<PaymentMethod> pageForCustomer(UUID customerId, int page, int size) {
        var query = find("customerId = ?1 order by createdAt, id", customerId);
        return Page.of(query.page(page, size).list(), page, size, query.count());
    }
}
