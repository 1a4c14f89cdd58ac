package io.eventcommerce.orders.order.domain;

/** A move the order state machine does not allow; answered 409 with nothing changed. */
public class IllegalTransitionException extends RuntimeException {

    private final OrderStatus from;
    private final OrderStatus to;

    public IllegalTransitionException(OrderStatus from, OrderStatus to) {
        super("An order that is " + from + " cannot become " + to, null, false, false);
        this.from = from;
        this.to = to;
    }

    public OrderStatus from() {
        return from;
    }

    public OrderStatus to() {
        return to;
    }
}
