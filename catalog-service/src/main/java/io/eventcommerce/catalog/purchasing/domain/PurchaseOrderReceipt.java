package io.eventcommerce.catalog.purchasing.domain;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** One delivery booked against a purchase order. Written once, with the ledger rows it booked, never changed. */
@Entity
@Table(name = "purchase_order_receipt")
public class PurchaseOrderReceipt {

    @Id
    @JdbcTypeCode(SqlTypes.CHAR)
    @Column(length = 36)
    private UUID id;

    @JdbcTypeCode(SqlTypes.CHAR)
    @Column(name = "purchase_order_id", nullable = false, length = 36, updatable = false)
    private UUID purchaseOrderId;

    @Column(length = 500, updatable = false)
    private String note;

    @Column(name = "received_by", nullable = false, length = 100, updatable = false)
    private String receivedBy;

    @Column(name = "received_at", nullable = false, updatable = false)
    private Instant receivedAt;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "purchase_order_receipt_line", joinColumns = @JoinColumn(name = "receipt_id"))
    @OrderBy("productId")
    private List<ReceiptLine> lines;

    protected PurchaseOrderReceipt() {
    }

    public PurchaseOrderReceipt(UUID id, UUID purchaseOrderId, List<ReceiptLine> lines, String note,
                                String receivedBy, Instant receivedAt) {
        this.id = id;
        this.purchaseOrderId = purchaseOrderId;
        this.lines = List.copyOf(lines);
        this.note = note;
        this.receivedBy = receivedBy;
        this.receivedAt = receivedAt;
    }

    public UUID id() {
        return id;
    }

    public UUID purchaseOrderId() {
        return purchaseOrderId;
    }

    public String note() {
        return note;
    }

    public String receivedBy() {
        return receivedBy;
    }

    public Instant receivedAt() {
        return receivedAt;
    }

    public List<ReceiptLine> lines() {
        return List.copyOf(lines);
    }
}
