package io.eventcommerce.orders.payment.gateway;

import io.eventcommerce.orders.payment.domain.CardToken;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.Optional;

/**
 * The port to a card payment gateway. A real gateway (Stripe, Adyen, ...) plugs in behind this interface; the
 * built-in {@link SimulatedPaymentGateway} is the default. Every call that moves money takes an idempotency key, so
 * a retried call (after a crash or a redelivered event) never charges twice. A call whose outcome is unknown (the
 * gateway is unreachable or did not answer in time) throws {@link GatewayUnavailableException}; the caller retries
 * with the same key, or asks {@link #lookup} what became of it. Callers never hold a transaction or a row lock while
 * calling.
 */
public interface PaymentGateway {

    /** Card data for tokenization only; {@link #toString()} never shows the number or the CVV. */
    record CardDetails(String number, YearMonth expiry, String cvc) {
        @Override
        public String toString() {
            return "CardDetails[****" + number.substring(Math.max(0, number.length() - 4)) + "]";
        }
    }

    /** @param approved false with a {@code declineCode} such as {@code card_declined} or {@code insufficient_funds} */
    record Outcome(boolean approved, String reference, String declineCode) {
        public static Outcome approved(String reference) {
            return new Outcome(true, reference, null);
        }

        public static Outcome declined(String code) {
            return new Outcome(false, null, code);
        }
    }

    /** Exchanges card data for a token; a number the gateway does not accept gives empty. */
    Optional<CardToken> tokenize(CardDetails card);

    /** What the gateway knows of a token a client obtained from it directly; empty if it does not know it. */
    Optional<CardToken> describe(String token);

    /** Authorizes and captures {@code amount} in one step (a "sale"). */
    Outcome charge(String token, BigDecimal amount, String currency, String idempotencyKey);

    /** Returns {@code amount} of a captured charge. */
    Outcome refund(String chargeReference, BigDecimal amount, String currency, String idempotencyKey);

    /**
     * What became of the call made with {@code idempotencyKey}: its outcome, or empty if the gateway never received
     * it (or never answered it).
     */
    Optional<Outcome> lookup(String idempotencyKey);
}
