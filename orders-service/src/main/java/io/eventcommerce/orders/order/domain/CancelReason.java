package io.eventcommerce.orders.order.domain;

/** Why an order was cancelled; the codes are part of the OrderCancelled contract. */
public enum CancelReason {
    OUT_OF_STOCK,
    FRAUD_REJECTED,
    PAYMENT_DECLINED,
    /**
     * The payment could not be settled: the gateway never received the charge, or stayed unreachable until
     * {@code orders.payment.timeout} (then a void of the charge is left pending, so a late capture is given back).
     */
    PAYMENT_FAILED,
    /** The saga's answers did not all arrive in time, or a review was not decided in time. */
    TIMEOUT,
    CUSTOMER_REQUEST,
    SUPPORT_REQUEST
}
