package io.eventcommerce.catalog.inventory.domain;

/** Why on-hand stock changed; the sign each type may carry is checked by {@link StockLevel#move}. */
public enum MovementType {
    /** Goods arrived (a purchase order receipt or a manual receipt): positive. */
    RECEIPT,
    /** A count correction, damage, loss: either sign. */
    ADJUSTMENT,
    /** Reserved goods left the warehouse for an order: negative. */
    SHIPMENT,
    /** Goods came back from a customer: positive. */
    RETURN;

    /** Whether a movement of this type may change on-hand by {@code quantity} (signed). */
    public boolean allows(int quantity) {
        return switch (this) {
            case RECEIPT, RETURN -> quantity > 0;
            case SHIPMENT -> quantity < 0;
            case ADJUSTMENT -> quantity != 0;
        };
    }
}
