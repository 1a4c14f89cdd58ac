package io.eventcommerce.events.catalog;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * The full state of a purchase order after a change: insights-service keeps its supply figures (on order, receipts,
 * variance) and the lead times of its reorder suggestions from it. Never who did what: actors stay in catalog.
 *
 * @param number         {@code PO-2026-000123}
 * @param leadTimeDays   the supplier's usual days from order to arrival, as it was when the order last changed
 * @param status         {@code DRAFT}, {@code SUBMITTED}, {@code APPROVED}, {@code PARTIALLY_RECEIVED},
 *                       {@code RECEIVED} or {@code CANCELLED}
 * @param expectedOn     when the goods should arrive; null if nobody said
 * @param totalOrdered   sum of quantity ordered times unit cost, in {@code currency}
 * @param totalReceived  what the receipts booked at the unit costs the supplier charged
 * @param receivedAt     when the order became RECEIVED (its last receipt, or a close short)
 * @param version        increases with every change; replicas ignore an older snapshot
 */
public record PurchaseOrderSnapshot(UUID purchaseOrderId, String number, UUID supplierId, int leadTimeDays,
                                    UUID warehouseId, String status, String currency, LocalDate expectedOn,
                                    BigDecimal totalOrdered, BigDecimal totalReceived, Instant createdAt,
                                    Instant submittedAt, Instant approvedAt, Instant receivedAt,
                                    Instant cancelledAt, List<Line> lines, long version) {

    public PurchaseOrderSnapshot {
        lines = List.copyOf(lines);
    }

    /**
     * One product of the order.
     *
     * @param unitCost     the ordered cost per unit
     * @param costReceived what the received units cost at the receipts' unit costs
     */
    public record Line(int lineNo, UUID productId, int quantityOrdered, int quantityReceived, BigDecimal unitCost,
                       BigDecimal costReceived) {
    }
}
