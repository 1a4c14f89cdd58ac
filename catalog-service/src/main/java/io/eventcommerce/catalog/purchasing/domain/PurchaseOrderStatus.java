package io.eventcommerce.catalog.purchasing.domain;

import java.util.EnumSet;
import java.util.Set;

/**
 * Where a purchase order is, and the only moves it can make. {@link #canMoveTo} is the whole state machine;
 * {@link PurchaseOrder} refuses any other move with a {@link PurchaseOrderStateException}.
 *
 * <pre>
 * DRAFT ──► SUBMITTED ──► APPROVED ──► PARTIALLY_RECEIVED ──► RECEIVED
 *   ▲           │             │                                  ▲
 *   └───────────┘ returned    └──────────────────────────────────┘ everything arrived in one receipt
 * DRAFT, SUBMITTED, APPROVED ──► CANCELLED
 * </pre>
 *
 * PARTIALLY_RECEIVED becomes RECEIVED when the last ordered unit arrives, or when the rest is given up (close short).
 * Goods have arrived by then, so it cannot be cancelled any more.
 */
public enum PurchaseOrderStatus {
    /** Being written; the only state in which its lines can change. */
    DRAFT,
    /** Waiting for approval. */
    SUBMITTED,
    /** Sent to the supplier; goods may be received against it. */
    APPROVED,
    /** Some goods arrived, not all; more receipts may follow. */
    PARTIALLY_RECEIVED,
    /** Everything ordered arrived, or the order was closed short. Final. */
    RECEIVED,
    /** Will not be delivered. Final. */
    CANCELLED;

    private Set<PurchaseOrderStatus> next;

    static {
        DRAFT.next = EnumSet.of(SUBMITTED, CANCELLED);
        SUBMITTED.next = EnumSet.of(DRAFT, APPROVED, CANCELLED);
        APPROVED.next = EnumSet.of(PARTIALLY_RECEIVED, RECEIVED, CANCELLED);
        PARTIALLY_RECEIVED.next = EnumSet.of(RECEIVED);
        RECEIVED.next = EnumSet.noneOf(PurchaseOrderStatus.class);
        CANCELLED.next = EnumSet.noneOf(PurchaseOrderStatus.class);
    }

    public boolean canMoveTo(PurchaseOrderStatus target) {
        return next.contains(target);
    }

    public boolean isFinal() {
        return next.isEmpty();
    }

    /** Whether goods may be booked against an order in this state. */
    public boolean receivesGoods() {
        return this == APPROVED || this == PARTIALLY_RECEIVED;
    }
}
