package io.eventcommerce.catalog.inventory.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.Instant;
import java.util.UUID;

/** One line of the inventory ledger: an append-only record of a change to on-hand stock. */
@Entity
@Table(name = "inventory_movement")
public class InventoryMovement {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @JdbcTypeCode(SqlTypes.CHAR)
    @Column(name = "warehouse_id", nullable = false, length = 36, updatable = false)
    private UUID warehouseId;

    @JdbcTypeCode(SqlTypes.CHAR)
    @Column(name = "product_id", nullable = false, length = 36, updatable = false)
    private UUID productId;

    @Enumerated(EnumType.STRING)
    @Column(name = "movement_type", nullable = false, length = 20, updatable = false)
    private MovementType type;

    @Column(nullable = false, updatable = false)
    private int quantity;

    @Column(name = "on_hand_after", nullable = false, updatable = false)
    private int onHandAfter;

    @Column(name = "reference_type", length = 20, updatable = false)
    private String referenceType;

    @JdbcTypeCode(SqlTypes.CHAR)
    @Column(name = "reference_id", length = 36, updatable = false)
    private UUID referenceId;

    @Column(length = 500, updatable = false)
    private String note;

    @Column(nullable = false, length = 100, updatable = false)
    private String actor;

    @Column(name = "occurred_at", nullable = false, updatable = false)
    private Instant occurredAt;

    protected InventoryMovement() {
    }

    public InventoryMovement(StockLevel after, MovementType type, int quantity, Reference reference, String note,
                             String actor, Instant occurredAt) {
        this.warehouseId = after.id().warehouseId();
        this.productId = after.id().productId();
        this.type = type;
        this.quantity = quantity;
        this.onHandAfter = after.onHand();
        this.referenceType = reference == null ? null : reference.type();
        this.referenceId = reference == null ? null : reference.id();
        this.note = note;
        this.actor = actor;
        this.occurredAt = occurredAt;
    }

    /** What a movement belongs to: an {@code ORDER}, a {@code PURCHASE_ORDER}, an {@code UPLOAD}. */
    public record Reference(String type, UUID id) {
    }

    public Long id() {
        return id;
    }

    public UUID warehouseId() {
        return warehouseId;
    }

    public UUID productId() {
        return productId;
    }

    public MovementType type() {
        return type;
    }

    public int quantity() {
        return quantity;
    }

    public int onHandAfter() {
        return onHandAfter;
    }

    public String referenceType() {
        return referenceType;
    }

    public UUID referenceId() {
        return referenceId;
    }

    public String note() {
        return note;
    }

    public String actor() {
        return actor;
    }

    public Instant occurredAt() {
        return occurredAt;
    }
}
