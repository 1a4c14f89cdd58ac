package io.eventcommerce.orders.shipment.domain;

/** Where a parcel is, as its carrier reports it. It only moves forward; DELIVERED is final. */
public enum ShipmentStatus {
    SHIPPED,
    IN_TRANSIT,
    OUT_FOR_DELIVERY,
    DELIVERED;

    public boolean canMoveTo(ShipmentStatus next) {
        return next.ordinal() > ordinal();
    }
}
