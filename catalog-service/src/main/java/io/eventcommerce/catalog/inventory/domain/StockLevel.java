package io.eventcommerce.catalog.inventory.domain;

import jakarta.persistence.Column;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.Instant;

/**
 * The stock of one product in one warehouse. {@code onHand} is what is physically there and changes only through
 * {@link #move}, which the ledger records; {@code reserved} is the part held for open orders; what can still be
 * sold is {@link #available()}. Neither goes below zero and reserved never exceeds on hand.
 */
@Entity
@Table(name = "stock_level")
public class StockLevel {

    @EmbeddedId
    private StockKey id;

    @Column(name = "on_hand", nullable = false)
    private int onHand;

    @Column(nullable = false)
    private int reserved;

    @Column(name = "min_stock", nullable = false)
    private int minStock;

    @Column(name = "max_stock", nullable = false)
    private int maxStock;

    @Column(name = "reorder_point", nullable = false)
    private int reorderPoint;

    @Column(name = "lead_time_days", nullable = false)
    private int leadTimeDays;

    @Version
    private long version;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    protected StockLevel() {
    }

    /** A product newly kept in a warehouse, with nothing on hand yet. */
    public StockLevel(StockKey id, Thresholds thresholds, Instant now) {
        this.id = id;
        this.createdAt = now;
        setThresholds(thresholds, now);
    }

    /** Planning parameters of the pair. */
    public record Thresholds(int minStock, int maxStock, int reorderPoint, int leadTimeDays) {
        public Thresholds {
            if (minStock < 0 || maxStock < minStock || reorderPoint < 0 || leadTimeDays < 0) {
                throw new IllegalArgumentException("need 0 <= minStock <= maxStock, reorderPoint >= 0, leadTimeDays >= 0");
            }
        }
    }

    public void setThresholds(Thresholds thresholds, Instant now) {
        this.minStock = thresholds.minStock();
        this.maxStock = thresholds.maxStock();
        this.reorderPoint = thresholds.reorderPoint();
        this.leadTimeDays = thresholds.leadTimeDays();
        this.updatedAt = now;
    }

    /**
     * Changes on-hand by {@code quantity} (signed).
     *
     * @throws InventoryException if the type does not allow the sign, or on-hand would drop below zero or below what
     *                            is reserved (a shipment must consume its reservation first, see {@link #ship})
     */
    public void move(MovementType type, int quantity, Instant now) {
        if (!type.allows(quantity)) {
            throw new InventoryException(type + " cannot move " + quantity + " units");
        }
        long next = (long) onHand + quantity;
        if (next < reserved) {
            throw new InventoryException("on hand would be " + next + " but " + reserved + " are reserved for orders");
        }
        if (next > Integer.MAX_VALUE) {
            throw new InventoryException("on hand would exceed " + Integer.MAX_VALUE);
        }
        onHand = (int) next;
        updatedAt = now;
    }

    /** Holds {@code quantity} available units for an order. */
    public void reserve(int quantity, Instant now) {
        if (quantity <= 0 || quantity > available()) {
            throw new InventoryException("cannot reserve " + quantity + " of " + available() + " available");
        }
        reserved += quantity;
        updatedAt = now;
    }

    /** Gives back units an order held. */
    public void release(int quantity, Instant now) {
        if (quantity <= 0 || quantity > reserved) {
            throw new InventoryException("cannot release " + quantity + " of " + reserved + " reserved");
        }
        reserved -= quantity;
        updatedAt = now;
    }

    /** Reserved units leave the warehouse: the reservation and on-hand both shrink. */
    public void ship(int quantity, Instant now) {
        release(quantity, now);
        move(MovementType.SHIPMENT, -quantity, now);
    }

    public StockKey id() {
        return id;
    }

    public int onHand() {
        return onHand;
    }

    public int reserved() {
        return reserved;
    }

    public int available() {
        return onHand - reserved;
    }

    public Thresholds thresholds() {
        return new Thresholds(minStock, maxStock, reorderPoint, leadTimeDays);
    }

    public long version() {
        return version;
    }

    public Instant updatedAt() {
        return updatedAt;
    }
}
