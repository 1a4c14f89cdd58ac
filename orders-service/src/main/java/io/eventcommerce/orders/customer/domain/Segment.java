package io.eventcommerce.orders.customer.domain;

/** Commercial segment of a customer; insights-service refines it with RFM scores later. */
public enum Segment {
    NEW, REGULAR, VIP, WHOLESALE
}
