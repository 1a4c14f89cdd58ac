package io.eventcommerce.events.orders;

import java.util.UUID;

/**
 * The card an order is paid with, as far as anyone outside orders-service may know it: never the number, never
 * the gateway token (which can be charged), only what identifies the card to a person or a fraud model.
 */
public record PaymentMethodRef(UUID paymentMethodId, String brand, String last4, int expMonth, int expYear,
                               String issuerCountry) {
}
