package io.eventcommerce.orders.customer.rest;

import io.eventcommerce.servicekit.problem.ApiException;
import io.eventcommerce.servicekit.security.Caller;
import io.eventcommerce.servicekit.security.Roles;
import jakarta.enterprise.context.RequestScoped;

import java.util.UUID;

/**
 * The object-level rule of orders-service: staff (support, admin) act on every customer's data; a customer on its
 * own only. Someone else's customer id answers 404, not 403, so ids leak nothing.
 */
@RequestScoped
public class CustomerAccess {

    private final Caller caller;

    public CustomerAccess(Caller caller) {
        this.caller = caller;
    }

    public boolean isStaff() {
        return caller.hasAnyRole(Roles.ADMIN, Roles.SUPPORT);
    }

    /** Whether the caller may see the data of {@code customerId}. */
    public boolean mayAccess(UUID customerId) {
        return isStaff() || caller.customerId().map(customerId::equals).orElse(false);
    }

    /** 404 "Customer" unless the caller may see the data of {@code customerId}. */
    public void requireOwn(UUID customerId) {
        if (!mayAccess(customerId)) {
            throw ApiException.notFound("Customer", customerId);
        }
    }
}
