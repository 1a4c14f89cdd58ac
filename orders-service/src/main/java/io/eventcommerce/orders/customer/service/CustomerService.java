package io.eventcommerce.orders.customer.service;

import io.eventcommerce.events.orders.CustomerRegistered;
import io.eventcommerce.events.orders.CustomerUpdated;
import io.eventcommerce.servicekit.outbox.Outbox;
import io.eventcommerce.servicekit.time.Timestamps;
import io.eventcommerce.orders.customer.domain.Customer;
import io.eventcommerce.orders.customer.domain.CustomerRepository;
import io.eventcommerce.orders.customer.domain.Segment;
import io.eventcommerce.servicekit.problem.DomainException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Registers customers and changes their profile. Every registration publishes CustomerRegistered and every change of
 * country or segment CustomerUpdated on orders.customer, through the outbox in the same transaction, so the topic
 * never misses or invents a customer.
 */
@ApplicationScoped
public class CustomerService {

    public static final int MAX_IMPORT_BATCH = 500;

    private final CustomerRepository customers;
    private final Outbox outbox;

    public CustomerService(CustomerRepository customers, Outbox outbox) {
        this.customers = customers;
        this.outbox = outbox;
    }

    @Transactional
    public Customer register(String email, String firstName, String lastName, Segment segment, String country) {
        if (customers.existsByEmail(email)) {
            throw DomainException.conflict("A customer with this e-mail address already exists");
        }
        Customer customer = new Customer(UUID.randomUUID(), email, firstName.trim(), lastName.trim(),
                segment == null ? Segment.NEW : segment, country, Timestamps.now());
        customers.persistAndFlush(customer);
        registered(customer);
        return customer;
    }

    /** Changes country and/or segment ({@code null}: unchanged); publishes CustomerUpdated only if one changed. */
    @Transactional
    public Customer change(UUID id, String country, Segment segment) {
        Customer customer = get(id);
        Instant now = Timestamps.now();
        if (customer.change(country, segment, now)) {
            customers.flush();
            outbox.publish(new CustomerUpdated(customer.id(), customer.country(), customer.segment().name(), now));
        }
        return customer;
    }

    /** A customer of a previous system, as the history import gives it. */
    public record HistoricalCustomer(UUID id, String email, String firstName, String lastName, String country,
                                     Segment segment, Instant registeredAt) {
    }

    public record ImportOutcome(int imported, int skipped) {
    }

    /**
     * Imports customers with their original registration time (admin only). All or nothing: an id that exists is
     * skipped (so a batch can be sent again), an e-mail address that belongs to another customer (stored, or twice
     * in the batch) refuses the whole batch with 409.
     */
    @Transactional
    public ImportOutcome importBatch(List<HistoricalCustomer> batch) {
        Set<UUID> ids = batch.stream().map(HistoricalCustomer::id).collect(Collectors.toSet());
        if (ids.size() != batch.size()) {
            throw DomainException.invalid("customers", "a customer id appears twice in the batch");
        }
        Set<UUID> existing = new HashSet<>(customers.find("id in ?1", ids).stream().map(Customer::id).toList());
        List<HistoricalCustomer> fresh = batch.stream().filter(c -> !existing.contains(c.id())).toList();
        Map<String, UUID> owners = new HashMap<>();
        for (Customer known : customers.findByEmails(fresh.stream().map(HistoricalCustomer::email).toList())) {
            owners.put(known.email(), known.id());
        }
        List<String> taken = new ArrayList<>();
        for (int i = 0; i < batch.size(); i++) {
            HistoricalCustomer c = batch.get(i);
            if (existing.contains(c.id())) {
                continue;
            }
            UUID owner = owners.putIfAbsent(Customer.normalizeEmail(c.email()), c.id());
            if (owner != null && !owner.equals(c.id())) {
                taken.add("customers[" + i + "].email");
            }
        }
        if (!taken.isEmpty()) {
            throw DomainException.conflict("E-mail addresses that belong to another customer: "
                    + String.join(", ", taken) + "; nothing of the batch was imported");
        }
        Instant now = Timestamps.now();
        for (HistoricalCustomer c : fresh) {
            Customer customer = Customer.imported(c.id(), c.email(), c.firstName().trim(), c.lastName().trim(),
                    c.segment() == null ? Segment.NEW : c.segment(), c.country(), c.registeredAt(), now);
            customers.persist(customer);
        }
        customers.flush();
        fresh.forEach(c -> registered(customers.findById(c.id())));
        return new ImportOutcome(fresh.size(), batch.size() - fresh.size());
    }

    private void registered(Customer customer) {
        outbox.publish(new CustomerRegistered(customer.id(), customer.country(), customer.segment().name(),
                customer.createdAt()));
    }

    /** The customer with this e-mail address, compared as stored (trimmed, lower case). */
    public Optional<Customer> byEmail(String email) {
        return customers.findByEmail(email);
    }

    public Customer get(UUID id) {
        return customers.findByIdOptional(id).orElseThrow(() -> DomainException.notFound("Customer", id));
    }
}
