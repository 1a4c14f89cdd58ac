package io.eventcommerce.orders.order.domain;

import io.eventcommerce.servicekit.problem.Problem.FieldError;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * When a backfilled order went through each step, and the final status it reached. The status says which times
 * must be given (a DELIVERED order was paid, shipped and delivered); the times must follow each other.
 */
public record ImportedTimeline(OrderStatus status, Instant placedAt, Instant paidAt, Instant shippedAt,
                               Instant deliveredAt, Instant returnedAt, Instant cancelledAt) {

    /** The statuses an imported order may have: final ones, or far enough along that nothing is awaited. */
    public static final Set<OrderStatus> IMPORTABLE = EnumSet.of(OrderStatus.PAID, OrderStatus.SHIPPED,
            OrderStatus.DELIVERED, OrderStatus.RETURNED, OrderStatus.CANCELLED);

    public boolean paid() {
        return status != OrderStatus.CANCELLED;
    }

    public boolean shipped() {
        return status == OrderStatus.SHIPPED || delivered();
    }

    public boolean delivered() {
        return status == OrderStatus.DELIVERED || status == OrderStatus.RETURNED;
    }

    /** The time of the last step: the order's last change. */
    public Instant lastChange() {
        return switch (status) {
            case PAID -> paidAt;
            case SHIPPED -> shippedAt;
            case DELIVERED -> deliveredAt;
            case RETURNED -> returnedAt;
            case CANCELLED -> cancelledAt;
            default -> placedAt;
        };
    }

    /** What is missing or out of order, as field errors under {@code prefix}; empty when the timeline holds. */
    public List<FieldError> errors(String prefix, Instant now) {
        List<FieldError> errors = new ArrayList<>();
        if (status == null || !IMPORTABLE.contains(status)) {
            errors.add(new FieldError(prefix + "status", "PAID, SHIPPED, DELIVERED, RETURNED or CANCELLED"));
            return errors;
        }
        require(errors, prefix + "placedAt", placedAt, true);
        require(errors, prefix + "paidAt", paidAt, paid());
        require(errors, prefix + "shippedAt", shippedAt, shipped());
        require(errors, prefix + "deliveredAt", deliveredAt, delivered());
        require(errors, prefix + "returnedAt", returnedAt, status == OrderStatus.RETURNED);
        require(errors, prefix + "cancelledAt", cancelledAt, status == OrderStatus.CANCELLED);
        if (!errors.isEmpty()) {
            return errors;
        }
        Instant previous = placedAt;
        String previousName = "placedAt";
        Instant[] times = {paidAt, shippedAt, deliveredAt, returnedAt, cancelledAt};
        String[] names = {"paidAt", "shippedAt", "deliveredAt", "returnedAt", "cancelledAt"};
        for (int i = 0; i < times.length; i++) {
            if (times[i] != null) {
                if (times[i].isBefore(previous)) {
                    errors.add(new FieldError(prefix + names[i], "is before " + previousName));
                }
                previous = times[i];
                previousName = names[i];
            }
        }
        if (lastChange().isAfter(now)) {
            errors.add(new FieldError(prefix + "placedAt", "history cannot end in the future"));
        }
        return errors;
    }

    private static void require(List<FieldError> errors, String field, Instant value, boolean needed) {
        if (needed && value == null) {
            errors.add(new FieldError(field, "required for this status"));
        } else if (!needed && value != null) {
            errors.add(new FieldError(field, "does not fit this status"));
        }
    }
}
