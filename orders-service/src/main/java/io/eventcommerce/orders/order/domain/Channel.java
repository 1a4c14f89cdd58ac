package io.eventcommerce.orders.order.domain;

/** Where an order was placed. */
public enum Channel {
    WEB, MOBILE, STORE, PHONE, API
}
