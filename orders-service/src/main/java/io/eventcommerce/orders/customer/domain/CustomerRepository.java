package io.eventcommerce.orders.customer.domain;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class CustomerRepository implements PanacheRepositoryBase<Customer, UUID> {

    public boolean existsByEmail(String email) {
        return count("email", Customer.normalizeEmail(email)) > 0;
    }

    public Optional<Customer> findByEmail(String email) {
        return find("email", Customer.normalizeEmail(email)).firstResultOptional();
    }
}
