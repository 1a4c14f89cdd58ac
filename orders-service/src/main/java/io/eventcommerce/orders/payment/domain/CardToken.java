package io.eventcommerce.orders.payment.domain;

/** What a gateway returns for a card: a token to charge it by, and what may be shown of it. */
public record CardToken(String token, String brand, String last4, int expMonth, int expYear, String issuerCountry) {

    @Override
    public String toString() {
        // The token can be charged: keep it out of logs.
        return "CardToken[" + brand + " ****" + last4 + " " + expMonth + "/" + expYear + "]";
    }
}
