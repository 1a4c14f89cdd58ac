package io.eventcommerce.orders.customer.service;

import io.eventcommerce.servicekit.time.Timestamps;
import io.eventcommerce.orders.customer.domain.Customer;
import io.eventcommerce.orders.customer.domain.CustomerRepository;
import io.eventcommerce.orders.customer.domain.Segment;
import io.eventcommerce.servicekit.problem.DomainException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class CustomerService {

    private final CustomerRepository customers;

    public CustomerService(CustomerRepository customers) {
        this.customers = customers;
    }

    @Transactional
    public Customer register(String email, String firstName, String lastName, Segment segment, String country) {
        if (customers.existsByEmail(email)) {
            throw DomainException.conflict("A customer with this e-mail address already exists");
        }
        Customer customer = new Customer(UUID.randomUUID(), email, firstName.trim(), lastName.trim(),
                segment == null ? Segment.NEW : segment, country, Timestamps.now());
        customers.persistAndFlush(customer);
        return customer;
    }

    /** The customer with this e-mail address, compared as stored (trimmed, lower case). */
    public Optional<Customer> byEmail(String email) {
        return customers.findByEmail(email);
    }

    public Customer get(UUID id) {
        return customers.findByIdOptional(id).orElseThrow(() -> DomainException.notFound("Customer", id));
    }
}
