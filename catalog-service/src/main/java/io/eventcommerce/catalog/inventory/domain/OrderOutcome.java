package io.eventcommerce.catalog.inventory.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.Instant;
import java.util.UUID;

/**
 * What catalog-service learned of an order's end from orders.order. The first end wins (an order ends once;
 * SHIPPED may become RETURNED).
 */
@Entity
@Table(name = "order_outcome")
public class OrderOutcome {

    public enum Outcome { CANCELLED, SHIPPED, RETURNED }

    @Id
    @JdbcTypeCode(SqlTypes.CHAR)
    @Column(name = "order_id", length = 36)
    private UUID orderId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    private Outcome outcome;

    @Column(name = "occurred_at", nullable = false)
    private Instant occurredAt;

    @Column(name = "recorded_at", nullable = false)
    private Instant recordedAt;

    protected OrderOutcome() {
    }

    public OrderOutcome(UUID orderId, Outcome outcome, Instant occurredAt, Instant now) {
        this.orderId = orderId;
        this.outcome = outcome;
        this.occurredAt = occurredAt;
        this.recordedAt = now;
    }

    /** A later end of the same order: only a return after a shipment changes what is known. */
    public void then(Outcome next, Instant occurred, Instant now) {
        if (outcome == Outcome.SHIPPED && next == Outcome.RETURNED) {
            outcome = next;
            occurredAt = occurred;
            recordedAt = now;
        }
    }

    public UUID orderId() {
        return orderId;
    }

    public Outcome outcome() {
        return outcome;
    }
}
