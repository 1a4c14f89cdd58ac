package io.eventcommerce.catalog.purchasing.domain;

import io.eventcommerce.servicekit.persistence.VersionedEntity;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * An order for stock from a supplier, to be delivered to one warehouse. Its lines change only in {@code DRAFT};
 * receipts add to what arrived of each line. Every status change goes through {@link #moveTo}, which asks
 * {@link PurchaseOrderStatus} whether it is legal.
 */
@Entity
@Table(name = "purchase_order")
public class PurchaseOrder extends VersionedEntity {

    public static final int MAX_NOTE = 500;

    @Column(name = "po_number", nullable = false, length = 20, updatable = false)
    private String number;

    @JdbcTypeCode(SqlTypes.CHAR)
    @Column(name = "supplier_id", nullable = false, length = 36)
    private UUID supplierId;

    @JdbcTypeCode(SqlTypes.CHAR)
    @Column(name = "warehouse_id", nullable = false, length = 36)
    private UUID warehouseId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    private PurchaseOrderStatus status;

    @Column(nullable = false, length = 3, columnDefinition = "CHAR(3)")
    private String currency;

    @Column(name = "expected_on")
    private LocalDate expectedOn;

    @Column(length = 2000)
    private String notes;

    @Column(name = "total_ordered", nullable = false, precision = 14, scale = 2)
    private BigDecimal totalOrdered;

    @Column(name = "total_received", nullable = false, precision = 14, scale = 2)
    private BigDecimal totalReceived;

    @Column(name = "created_by", nullable = false, length = 100, updatable = false)
    private String createdBy;

    @Column(name = "submitted_at")
    private Instant submittedAt;

    @Column(name = "submitted_by", length = 100)
    private String submittedBy;

    @Column(name = "approved_at")
    private Instant approvedAt;

    @Column(name = "approved_by", length = 100)
    private String approvedBy;

    @Column(name = "received_at")
    private Instant receivedAt;

    @Column(name = "received_by", length = 100)
    private String receivedBy;

    @Column(name = "cancelled_at")
    private Instant cancelledAt;

    @Column(name = "cancelled_by", length = 100)
    private String cancelledBy;

    @Column(name = "status_note", length = MAX_NOTE)
    private String statusNote;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "purchase_order_line", joinColumns = @JoinColumn(name = "purchase_order_id"))
    @OrderBy("lineNo")
    private List<PurchaseOrderLine> lines = new ArrayList<>();

    protected PurchaseOrder() {
    }

    public PurchaseOrder(UUID id, String number, Terms terms, String createdBy, Instant now) {
        super(id, now);
        this.number = number;
        this.createdBy = createdBy;
        this.status = PurchaseOrderStatus.DRAFT;
        apply(terms);
    }

    /** What is ordered, from whom, for where: everything a draft can change. */
    public record Terms(UUID supplierId, UUID warehouseId, String currency, LocalDate expectedOn, String notes,
                        List<Item> items) {
        public Terms {
            items = List.copyOf(items);
            Set<UUID> products = new HashSet<>();
            if (items.isEmpty() || !items.stream().allMatch(i -> products.add(i.productId()))) {
                throw new IllegalArgumentException("need at least one item and each product once");
            }
        }
    }

    /** One product to order. */
    public record Item(UUID productId, int quantity, BigDecimal unitCost) {
    }

    /** Goods of one product that arrived in a receipt, at the unit cost the supplier charged for them. */
    public record Arrival(UUID productId, int quantity, BigDecimal unitCost) {
    }

    /** Replaces the terms and the lines (numbered from 1 in the given order); only a draft. */
    public void revise(Terms terms, Instant now) {
        if (status != PurchaseOrderStatus.DRAFT) {
            throw new PurchaseOrderStateException(status, "have its lines or terms changed");
        }
        apply(terms);
        touch(now);
    }

    private void apply(Terms t) {
        supplierId = t.supplierId();
        warehouseId = t.warehouseId();
        currency = t.currency();
        expectedOn = t.expectedOn();
        notes = t.notes();
        lines.clear();
        for (Item item : t.items()) {
            lines.add(new PurchaseOrderLine(lines.size() + 1, item.productId(), item.quantity(), item.unitCost()));
        }
        recomputeTotals();
    }

    public void submit(String actor, Instant now) {
        moveTo(PurchaseOrderStatus.SUBMITTED, now);
        submittedAt = now;
        submittedBy = actor;
        statusNote = null;
    }

    /** Sends a submitted order back to its author for changes. */
    public void returnToDraft(String reason, Instant now) {
        moveTo(PurchaseOrderStatus.DRAFT, now);
        submittedAt = null;
        submittedBy = null;
        statusNote = clip(reason);
    }

    /** Four eyes: whoever wrote or submitted an order cannot approve it. */
    public boolean mayBeApprovedBy(String actor) {
        return !actor.equals(createdBy) && !actor.equals(submittedBy);
    }

    /**
     * @throws PurchaseOrderStateException unless SUBMITTED
     * @throws SelfApprovalException      if {@code actor} wrote or submitted the order
     */
    public void approve(String actor, Instant now) {
        if (!status.canMoveTo(PurchaseOrderStatus.APPROVED)) {
            throw new PurchaseOrderStateException(status, PurchaseOrderStatus.APPROVED);
        }
        if (!mayBeApprovedBy(actor)) {
            throw new SelfApprovalException();
        }
        moveTo(PurchaseOrderStatus.APPROVED, now);
        approvedAt = now;
        approvedBy = actor;
    }

    public void cancel(String actor, String reason, Instant now) {
        moveTo(PurchaseOrderStatus.CANCELLED, now);
        cancelledAt = now;
        cancelledBy = actor;
        statusNote = clip(reason);
    }

    /**
     * Adds arrived goods to their lines. The order is RECEIVED once every line has all it ordered, else
     * PARTIALLY_RECEIVED. More than ordered is accepted: the goods are there, and the excess shows as variance.
     *
     * @throws PurchaseOrderStateException unless the order is APPROVED or PARTIALLY_RECEIVED
     * @throws IllegalArgumentException    for a product that is not on the order (the service checks that first)
     */
    public void receive(List<Arrival> arrivals, String actor, Instant now) {
        if (!status.receivesGoods()) {
            throw new PurchaseOrderStateException(status, "receive goods");
        }
        List<PurchaseOrderLine> next = new ArrayList<>(lines);
        for (Arrival arrival : arrivals) {
            int index = indexOf(arrival.productId()).orElseThrow(() -> new IllegalArgumentException(
                    "product " + arrival.productId() + " is not on purchase order " + number));
            next.set(index, next.get(index).plus(arrival.quantity(), arrival.unitCost()));
        }
        for (int i = 0; i < next.size(); i++) {
            lines.set(i, next.get(i));
        }
        recomputeTotals();
        if (lines.stream().allMatch(PurchaseOrderLine::complete)) {
            complete(actor, now);
        } else if (status != PurchaseOrderStatus.PARTIALLY_RECEIVED) {
            moveTo(PurchaseOrderStatus.PARTIALLY_RECEIVED, now);
        } else {
            touch(now);
        }
    }

    /** Gives up on what has not arrived: RECEIVED, with the shortfall as negative variance on its lines. */
    public void closeShort(String actor, String reason, Instant now) {
        if (status != PurchaseOrderStatus.PARTIALLY_RECEIVED) {
            throw new PurchaseOrderStateException(status, "be closed short (only a partially received one can)");
        }
        complete(actor, now);
        statusNote = clip(reason);
    }

    private void complete(String actor, Instant now) {
        moveTo(PurchaseOrderStatus.RECEIVED, now);
        receivedAt = now;
        receivedBy = actor;
    }

    private void moveTo(PurchaseOrderStatus target, Instant now) {
        if (!status.canMoveTo(target)) {
            throw new PurchaseOrderStateException(status, target);
        }
        status = target;
        touch(now);
    }

    private void recomputeTotals() {
        totalOrdered = PurchaseOrderLine.money(lines.stream().map(PurchaseOrderLine::orderedTotal)
                .reduce(BigDecimal.ZERO, BigDecimal::add));
        totalReceived = PurchaseOrderLine.money(lines.stream().map(PurchaseOrderLine::costReceived)
                .reduce(BigDecimal.ZERO, BigDecimal::add));
    }

    private Optional<Integer> indexOf(UUID productId) {
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).productId().equals(productId)) {
                return Optional.of(i);
            }
        }
        return Optional.empty();
    }

    public Optional<PurchaseOrderLine> line(UUID productId) {
        return indexOf(productId).map(lines::get);
    }

    private static String clip(String note) {
        return note == null || note.length() <= MAX_NOTE ? note : note.substring(0, MAX_NOTE - 1) + "…";
    }

    /** Whether it ended RECEIVED with less than ordered of some line. */
    public boolean closedShort() {
        return status == PurchaseOrderStatus.RECEIVED && !lines.stream().allMatch(PurchaseOrderLine::complete);
    }

    public String number() {
        return number;
    }

    public UUID supplierId() {
        return supplierId;
    }

    public UUID warehouseId() {
        return warehouseId;
    }

    public PurchaseOrderStatus status() {
        return status;
    }

    public String currency() {
        return currency;
    }

    public LocalDate expectedOn() {
        return expectedOn;
    }

    public String notes() {
        return notes;
    }

    public BigDecimal totalOrdered() {
        return totalOrdered;
    }

    public BigDecimal totalReceived() {
        return totalReceived;
    }

    public String createdBy() {
        return createdBy;
    }

    public Instant submittedAt() {
        return submittedAt;
    }

    public String submittedBy() {
        return submittedBy;
    }

    public Instant approvedAt() {
        return approvedAt;
    }

    public String approvedBy() {
        return approvedBy;
    }

    public Instant receivedAt() {
        return receivedAt;
    }

    public String receivedBy() {
        return receivedBy;
    }

    public Instant cancelledAt() {
        return cancelledAt;
    }

    public String cancelledBy() {
        return cancelledBy;
    }

    public String statusNote() {
        return statusNote;
    }

    public List<PurchaseOrderLine> lines() {
        return List.copyOf(lines);
    }
}
