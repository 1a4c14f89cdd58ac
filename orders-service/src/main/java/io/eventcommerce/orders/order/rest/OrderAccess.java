package io.eventcommerce.orders.order.rest;

import io.eventcommerce.orders.customer.rest.CustomerAccess;
import io.eventcommerce.orders.order.domain.Order;
import io.eventcommerce.orders.order.service.OrderService;
import io.eventcommerce.servicekit.problem.ApiException;
import jakarta.enterprise.context.RequestScoped;

import java.util.UUID;

/**
 * Who may see an order: staff (support, admin) see every order; a customer sees its own, and another customer's
 * order answers 404, so ids leak nothing. Used by every resource under {@code /orders/{id}}.
 */
@RequestScoped
public class OrderAccess {

    private final OrderService orders;
    private final CustomerAccess customers;

    public OrderAccess(OrderService orders, CustomerAccess customers) {
        this.orders = orders;
        this.customers = customers;
    }

    public boolean isStaff() {
        return customers.isStaff();
    }

    public Order readable(UUID id) {
        Order order = orders.get(id);
        if (!customers.mayAccess(order.customerId())) {
            throw ApiException.notFound("Order", id);
        }
        return order;
    }
}
