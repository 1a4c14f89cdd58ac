package io.eventcommerce.orders.customer.domain;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class CustomerAddressRepository implements PanacheRepositoryBase<CustomerAddress, UUID> {

    public List<CustomerAddress> forCustomer(UUID customerId) {
        return list("customerId", Sort.by("createdAt"), customerId);
    }
}
