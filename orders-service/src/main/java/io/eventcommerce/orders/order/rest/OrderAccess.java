package io.eventcommerce.orders.order.rest;

import io.eventcommerce.orders.order.domain.Order;
import io.eventcommerce.orders.order.service.OrderService;
import io.eventcommerce.servicekit.problem.ApiException;
import io.eventcommerce.servicekit.security.Caller;
import io.eventcommerce.servicekit.security.Roles;
import jakarta.enterprise.context.RequestScoped;

import java.util.UUID;

/**
 * Who may see an order: staff (support, admin) see every order; a customer sees its own, and another customer's
 * order answers 404, so ids leak nothing. Used by every resource under {@code /orders/{id}}.
 */
@RequestScoped
public class OrderAccess {

    private final OrderService orders;
    private final Caller caller;

    public OrderAccess(OrderService orders, Caller caller) {
        this.orders = orders;
        this.caller = caller;
    }

    public boolean isStaff() {
        return caller.hasAnyRole(Roles.ADMIN, Roles.SUPPORT);
    }

    public Order readable(UUID id) {
        Order order = orders.get(id);
        if (!isStaff() && !caller.customerId().map(order.customerId()::equals).orElse(false)) {
            throw ApiException.notFound("Order", id);
        }
        return order;
    }
}
