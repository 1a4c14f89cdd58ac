package io.eventcommerce.orders.order.domain;

/** Why an order was cancelled; the codes are part of the OrderCancelled contract. */
public enum CancelReason {
    OUT_OF_STOCK,
    FRAUD_REJECTED,
    PAYMENT_DECLINED,
    /** The saga's answers did not all arrive in time, or a review was not decided in time. */
    TIMEOUT,
    CUSTOMER_REQUEST,
    SUPPORT_REQUEST
}
