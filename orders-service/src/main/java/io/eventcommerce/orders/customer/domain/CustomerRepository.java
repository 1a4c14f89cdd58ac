package io.eventcommerce.orders.customer.domain;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class CustomerRepository implements PanacheRepositoryBase<Customer, UUID> {

    public boolean existsByEmail(String email) {
        return count("email", Customer.normalizeEmail(email)) > 0;
    }

    /** The customers having any of these e-mail addresses (normalised as stored). */
    public List<Customer> findByEmails(Collection<String> emails) {
        return emails.isEmpty() ? List.of()
                : list("email in ?1", emails.stream().map(Customer::normalizeEmail).distinct().toList());
    }

    public Optional<Customer> findByEmail(String email) {
        return find("email", Customer.normalizeEmail(email)).firstResultOptional();
    }
}
