package io.eventcommerce.orders.order.domain;

/**
 * Where an order is in its lifecycle. An order starts {@code PENDING}: accepted, priced, waiting for the stock and
 * fraud answers of the saga (the saga's further states arrive with it).
 */
public enum OrderStatus {
    PENDING
}
