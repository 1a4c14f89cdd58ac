package io.eventcommerce.events.orders;

import java.util.UUID;

/**
 * The card an order is paid with, as far as anyone outside orders-service may know it: never the number, never
 * the gateway token (which can be charged), only what identifies the card to a person or a fraud model.
 *
 * @param fingerprint what tells the card apart from others: the payment gateway's fingerprint of the card number
 *                    (the same number gives the same fingerprint whoever uses it), or, for a card the gateway gives
 *                    none, the payment method's own id. Absent in events written before it existed; a consumer then
 *                    tells cards apart by brand, last four, expiry and issuer.
 */
public record PaymentMethodRef(UUID paymentMethodId, String brand, String last4, int expMonth, int expYear,
                               String issuerCountry, String fingerprint) {

    /** A card described without a fingerprint (as events before it existed). */
    public PaymentMethodRef(UUID paymentMethodId, String brand, String last4, int expMonth, int expYear,
                            String issuerCountry) {
        this(paymentMethodId, brand, last4, expMonth, expYear, issuerCountry, null);
    }
}
