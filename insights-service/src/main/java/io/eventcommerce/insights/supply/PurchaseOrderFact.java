package io.eventcommerce.insights.supply;

import io.eventcommerce.events.catalog.PurchaseOrderSnapshot;
import io.eventcommerce.servicekit.persistence.ReplicaEntity;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embeddable;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * insights-service's copy of a catalog purchase order, from catalog.purchase-order: what the supply report and the
 * reorder job read (status, lines still to come, the supplier's lead time). Its lines are rewritten with it.
 */
@Entity
@Table(name = "purchase_order_fact")
public class PurchaseOrderFact extends ReplicaEntity<PurchaseOrderSnapshot> {

    @Id
    @JdbcTypeCode(SqlTypes.CHAR)
    @Column(name = "purchase_order_id", length = 36)
    private UUID purchaseOrderId;

    @Column(name = "po_number")
    private String number;

    @JdbcTypeCode(SqlTypes.CHAR)
    @Column(name = "supplier_id", length = 36)
    private UUID supplierId;

    @Column(name = "lead_time_days")
    private int leadTimeDays;

    @JdbcTypeCode(SqlTypes.CHAR)
    @Column(name = "warehouse_id", length = 36)
    private UUID warehouseId;

    private String status;

    @Column(columnDefinition = "CHAR(3)")
    private String currency;

    @Column(name = "expected_on")
    private LocalDate expectedOn;

    @Column(name = "total_ordered")
    private BigDecimal totalOrdered;

    @Column(name = "total_received")
    private BigDecimal totalReceived;

    @Column(name = "ordered_at")
    private Instant orderedAt;

    @Column(name = "submitted_at")
    private Instant submittedAt;

    @Column(name = "approved_at")
    private Instant approvedAt;

    @Column(name = "received_at")
    private Instant receivedAt;

    @Column(name = "cancelled_at")
    private Instant cancelledAt;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "purchase_order_line_fact", joinColumns = @JoinColumn(name = "purchase_order_id"))
    private List<Line> lines = new ArrayList<>();

    protected PurchaseOrderFact() {
    }

    public static PurchaseOrderFact from(PurchaseOrderSnapshot snapshot, UUID eventId, Instant now) {
        PurchaseOrderFact fact = new PurchaseOrderFact();
        fact.purchaseOrderId = snapshot.purchaseOrderId();
        fact.take(snapshot, eventId, now);
        return fact;
    }

    @Override
    protected long versionOf(PurchaseOrderSnapshot snapshot) {
        return snapshot.version();
    }

    @Override
    protected void copy(PurchaseOrderSnapshot s) {
        number = s.number();
        supplierId = s.supplierId();
        leadTimeDays = s.leadTimeDays();
        warehouseId = s.warehouseId();
        status = s.status();
        currency = s.currency();
        expectedOn = s.expectedOn();
        totalOrdered = s.totalOrdered();
        totalReceived = s.totalReceived();
        orderedAt = s.createdAt();
        submittedAt = s.submittedAt();
        approvedAt = s.approvedAt();
        receivedAt = s.receivedAt();
        cancelledAt = s.cancelledAt();
        lines.clear();
        s.lines().forEach(l -> lines.add(new Line(l)));
    }

    /** One product of the order, as the snapshot had it. */
    @Embeddable
    public static class Line {

        @Column(name = "line_no")
        private int lineNo;

        @JdbcTypeCode(SqlTypes.CHAR)
        @Column(name = "product_id", length = 36)
        private UUID productId;

        @Column(name = "quantity_ordered")
        private int quantityOrdered;

        @Column(name = "quantity_received")
        private int quantityReceived;

        @Column(name = "unit_cost")
        private BigDecimal unitCost;

        @Column(name = "cost_received")
        private BigDecimal costReceived;

        protected Line() {
        }

        Line(PurchaseOrderSnapshot.Line l) {
            lineNo = l.lineNo();
            productId = l.productId();
            quantityOrdered = l.quantityOrdered();
            quantityReceived = l.quantityReceived();
            unitCost = l.unitCost();
            costReceived = l.costReceived();
        }
    }
}
