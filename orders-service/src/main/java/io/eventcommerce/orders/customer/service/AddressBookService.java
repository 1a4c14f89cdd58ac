package io.eventcommerce.orders.customer.service;

import io.eventcommerce.orders.customer.domain.CustomerAddress;
import io.eventcommerce.orders.customer.domain.CustomerAddressRepository;
import io.eventcommerce.orders.customer.domain.CustomerRepository;
import io.eventcommerce.orders.order.domain.PostalAddress;
import io.eventcommerce.servicekit.problem.DomainException;
import io.eventcommerce.servicekit.time.Timestamps;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** A customer's addresses. Making one the default takes the default from the others in the same transaction. */
@ApplicationScoped
public class AddressBookService {

    /** Enough for any household; a bound, so an address book cannot grow without limit. */
    public static final int MAX_ADDRESSES = 50;

    private final CustomerAddressRepository addresses;
    private final CustomerRepository customers;

    public AddressBookService(CustomerAddressRepository addresses, CustomerRepository customers) {
        this.addresses = addresses;
        this.customers = customers;
    }

    public record Entry(String label, PostalAddress address, boolean defaultShipping, boolean defaultBilling) {
    }

    @Transactional
    public CustomerAddress add(UUID customerId, Entry entry) {
        if (customers.findByIdOptional(customerId).isEmpty()) {
            throw DomainException.notFound("Customer", customerId);
        }
        List<CustomerAddress> existing = addresses.forCustomer(customerId);
        if (existing.size() >= MAX_ADDRESSES) {
            throw DomainException.conflict("An address book holds at most " + MAX_ADDRESSES + " addresses");
        }
        Instant now = Timestamps.now();
        // The first address is the default for both, unless the request says otherwise explicitly.
        boolean first = existing.isEmpty();
        CustomerAddress address = new CustomerAddress(UUID.randomUUID(), customerId, now);
        address.set(entry.label(), entry.address(), entry.defaultShipping() || first,
                entry.defaultBilling() || first, now);
        existing.forEach(other -> other.clearDefaults(address.defaultShipping(), address.defaultBilling(), now));
        addresses.persist(address);
        return address;
    }

    @Transactional
    public CustomerAddress update(UUID customerId, UUID id, Entry entry) {
        CustomerAddress address = get(customerId, id);
        Instant now = Timestamps.now();
        address.set(entry.label(), entry.address(), entry.defaultShipping(), entry.defaultBilling(), now);
        addresses.forCustomer(customerId).stream().filter(other -> !other.id().equals(id))
                .forEach(other -> other.clearDefaults(entry.defaultShipping(), entry.defaultBilling(), now));
        return address;
    }

    @Transactional
    public void remove(UUID customerId, UUID id) {
        addresses.delete(get(customerId, id));
    }

    public List<CustomerAddress> list(UUID customerId) {
        return addresses.forCustomer(customerId);
    }

    public CustomerAddress get(UUID customerId, UUID id) {
        return addresses.findByIdOptional(id).filter(a -> a.customerId().equals(customerId))
                .orElseThrow(() -> DomainException.notFound("Address", id));
    }

    public Optional<CustomerAddress> defaultShipping(UUID customerId) {
        return addresses.forCustomer(customerId).stream().filter(CustomerAddress::defaultShipping).findFirst();
    }

    public Optional<CustomerAddress> defaultBilling(UUID customerId) {
        return addresses.forCustomer(customerId).stream().filter(CustomerAddress::defaultBilling).findFirst();
    }
}
