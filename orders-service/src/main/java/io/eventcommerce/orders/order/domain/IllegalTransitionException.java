package io.eventcommerce.orders.order.domain;

import io.eventcommerce.servicekit.problem.DomainException;

/** A move the order state machine does not allow; answered 409 with nothing changed. */
public class IllegalTransitionException extends DomainException {

    private final OrderStatus from;
    private final OrderStatus to;

    public IllegalTransitionException(OrderStatus from, OrderStatus to) {
        super(Kind.CONFLICT, "An order that is " + from + " cannot become " + to);
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
