package io.eventcommerce.orders.shipment.domain;

import io.eventcommerce.servicekit.persistence.VersionedEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.Instant;
import java.util.UUID;

/** The parcel an order left in: its carrier, tracking number and where it is. */
@Entity
@Table(name = "shipment")
public class Shipment extends VersionedEntity {

    @JdbcTypeCode(SqlTypes.CHAR)
    @Column(name = "order_id", nullable = false, length = 36, updatable = false)
    private UUID orderId;

    @Column(nullable = false, length = 40, updatable = false)
    private String carrier;

    @Column(name = "tracking_number", nullable = false, length = 64, updatable = false)
    private String trackingNumber;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    private ShipmentStatus status;

    @Column(name = "shipped_at", nullable = false, updatable = false)
    private Instant shippedAt;

    @Column(name = "delivered_at")
    private Instant deliveredAt;

    protected Shipment() {
    }

    public Shipment(UUID id, UUID orderId, String carrier, String trackingNumber, Instant now) {
        super(id, now);
        this.orderId = orderId;
        this.carrier = carrier;
        this.trackingNumber = trackingNumber;
        this.status = ShipmentStatus.SHIPPED;
        this.shippedAt = now;
    }

    /** Records the carrier's news; the caller has checked {@link ShipmentStatus#canMoveTo}. */
    public void track(ShipmentStatus next, Instant now) {
        if (!status.canMoveTo(next)) {
            throw new IllegalStateException("a shipment " + status + " cannot become " + next);
        }
        status = next;
        if (next == ShipmentStatus.DELIVERED) {
            deliveredAt = now;
        }
        touch(now);
    }

    public UUID orderId() {
        return orderId;
    }

    public String carrier() {
        return carrier;
    }

    public String trackingNumber() {
        return trackingNumber;
    }

    public ShipmentStatus status() {
        return status;
    }

    public Instant shippedAt() {
        return shippedAt;
    }

    public Instant deliveredAt() {
        return deliveredAt;
    }
}
