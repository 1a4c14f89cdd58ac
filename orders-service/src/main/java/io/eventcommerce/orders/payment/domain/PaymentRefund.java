package io.eventcommerce.orders.payment.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/**
 * Money to be given back, recorded in the transaction that decided it (a cancellation, a return, a payment timeout)
 * and made later by {@code RefundProcess} outside any transaction. Two kinds:
 * <ul>
 *   <li>the refund of a captured {@link Payment} ({@code paymentId} set; gateway key {@code refund-<paymentId>});</li>
 *   <li>the void of a charge whose outcome is unknown ({@code paymentId} null): the gateway is asked what became of
 *       {@code chargeKey}; a capture is recorded as a Payment and then refunded, anything else needs nothing.</li>
 * </ul>
 * One row per charge key, so a payment is refunded at most once.
 */
@Entity
@Table(name = "payment_refund")
public class PaymentRefund {

    public enum Status {
        PENDING,
        REFUNDED,
        /** A void whose charge was never captured: nothing to give back. */
        NOTHING_CAPTURED,
        /** The gateway refused the refund; needs a person (logged, counted). */
        FAILED
    }

    @Id
    @JdbcTypeCode(SqlTypes.CHAR)
    @Column(length = 36)
    private UUID id;

    @JdbcTypeCode(SqlTypes.CHAR)
    @Column(name = "order_id", nullable = false, length = 36, updatable = false)
    private UUID orderId;

    @JdbcTypeCode(SqlTypes.CHAR)
    @Column(name = "payment_id", length = 36)
    private UUID paymentId;

    @Column(name = "charge_key", nullable = false, length = 100, updatable = false)
    private String chargeKey;

    @Column(nullable = false, precision = 14, scale = 2, updatable = false)
    private BigDecimal amount;

    @Column(nullable = false, length = 3, columnDefinition = "CHAR(3)", updatable = false)
    private String currency;

    @Column(nullable = false, length = 40, updatable = false)
    private String reason;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    private Status status;

    @Column(nullable = false)
    private int attempts;

    @Column(name = "next_attempt_at")
    private Instant nextAttemptAt;

    @Column(name = "last_error", length = 200)
    private String lastError;

    @Column(name = "gateway_reference", length = 100)
    private String gatewayReference;

    /** What the person who recorded it said (a chargeback); null for refunds the service decided itself. */
    @Column(length = 500, updatable = false)
    private String comment;

    @Version
    private long version;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    protected PaymentRefund() {
    }

    private PaymentRefund(UUID orderId, UUID paymentId, String chargeKey, BigDecimal amount, String currency,
                          String reason, Instant now) {
        this.id = UUID.randomUUID();
        this.orderId = orderId;
        this.paymentId = paymentId;
        this.chargeKey = chargeKey;
        this.amount = amount;
        this.currency = currency;
        this.reason = reason;
        this.status = Status.PENDING;
        this.nextAttemptAt = now;
        this.createdAt = now;
        this.updatedAt = now;
    }

    public static PaymentRefund of(Payment payment, String chargeKey, String reason, Instant now) {
        return new PaymentRefund(payment.orderId(), payment.id(), chargeKey, payment.amount(), payment.currency(),
                reason, now);
    }

    public static PaymentRefund voidOf(UUID orderId, String chargeKey, BigDecimal amount, String currency,
                                       String reason, Instant now) {
        return new PaymentRefund(orderId, null, chargeKey, amount, currency, reason, now);
    }

    /**
     * A chargeback: the card's issuer already took the payment back from the merchant, so nothing is left for the
     * gateway to do; recorded REFUNDED at once, and the charge key's one row means no refund follows it.
     */
    public static PaymentRefund chargeback(Payment payment, String chargeKey, String reason, String reference,
                                           String comment, Instant now) {
        PaymentRefund refund = of(payment, chargeKey, reason, now);
        refund.comment = comment;
        refund.refunded(reference, now);
        return refund;
    }

    /** A void's lookup found the charge captured: it is now the refund of that payment. */
    public void capturedAs(Payment payment, Instant now) {
        requirePending();
        paymentId = payment.id();
        updatedAt = now;
    }

    /**
     * The charge was captured after all, answered to a call that was still in flight when this void found nothing:
     * it is pending again, as the refund of that payment.
     */
    public void reopenFor(Payment payment, Instant now) {
        if (status != Status.NOTHING_CAPTURED) {
            throw new IllegalStateException("refund " + id + " is " + status + ", not NOTHING_CAPTURED");
        }
        status = Status.PENDING;
        paymentId = payment.id();
        nextAttemptAt = now;
        updatedAt = now;
    }

    public void refunded(String reference, Instant now) {
        requirePending();
        status = Status.REFUNDED;
        gatewayReference = reference;
        nextAttemptAt = null;
        updatedAt = now;
    }

    public void nothingCaptured(Instant now) {
        requirePending();
        status = Status.NOTHING_CAPTURED;
        nextAttemptAt = null;
        updatedAt = now;
    }

    public void failed(String error, Instant now) {
        requirePending();
        status = Status.FAILED;
        lastError = truncate(error);
        nextAttemptAt = null;
        updatedAt = now;
    }

    public void attemptFailed(String error, Instant next, Instant now) {
        requirePending();
        attempts++;
        lastError = truncate(error);
        nextAttemptAt = next;
        updatedAt = now;
    }

    private void requirePending() {
        if (status != Status.PENDING) {
            throw new IllegalStateException("refund " + id + " is " + status + ", no longer pending");
        }
    }

    private static String truncate(String text) {
        return text == null || text.length() <= 200 ? text : text.substring(0, 199) + "…";
    }

    public UUID id() {
        return id;
    }

    public UUID orderId() {
        return orderId;
    }

    public UUID paymentId() {
        return paymentId;
    }

    public String chargeKey() {
        return chargeKey;
    }

    public BigDecimal amount() {
        return amount;
    }

    public String currency() {
        return currency;
    }

    public String reason() {
        return reason;
    }

    public Status status() {
        return status;
    }

    public int attempts() {
        return attempts;
    }

    public String comment() {
        return comment;
    }

    public String gatewayReference() {
        return gatewayReference;
    }
}
