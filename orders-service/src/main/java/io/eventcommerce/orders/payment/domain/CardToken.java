package io.eventcommerce.orders.payment.domain;

/**
 * What a gateway returns for a card: a token to charge it by, and what may be shown of it.
 *
 * @param fingerprint the gateway's fingerprint of the card number (the same card gives the same fingerprint,
 *                    whoever saves it; the number itself cannot be read from it), or null when the gateway gives none
 */
public record CardToken(String token, String brand, String last4, int expMonth, int expYear, String issuerCountry,
                        String fingerprint) {

    /** A card the gateway gives no fingerprint for. */
    public CardToken(String token, String brand, String last4, int expMonth, int expYear, String issuerCountry) {
        this(token, brand, last4, expMonth, expYear, issuerCountry, null);
    }

    @Override
    public String toString() {
        // The token can be charged: keep it out of logs.
        return "CardToken[" + brand + " ****" + last4 + " " + expMonth + "/" + expYear + "]";
    }
}
