package io.eventcommerce.orders.payment.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.Instant;
import java.util.UUID;

/**
 * A customer's card as PCI DSS lets us keep it: the gateway's token, brand, last four digits and expiry. The card
 * number and the CVV are never stored; they exist only while the gateway tokenizes them.
 */
@Entity
@Table(name = "payment_method")
public class PaymentMethod {

    @Id
    @JdbcTypeCode(SqlTypes.CHAR)
    @Column(length = 36)
    private UUID id;

    @JdbcTypeCode(SqlTypes.CHAR)
    @Column(name = "customer_id", nullable = false, length = 36, updatable = false)
    private UUID customerId;

    @Column(name = "gateway_token", nullable = false, length = 100, updatable = false)
    private String gatewayToken;

    @Column(nullable = false, length = 20, updatable = false)
    private String brand;

    @Column(nullable = false, length = 4, columnDefinition = "CHAR(4)", updatable = false)
    private String last4;

    @Column(name = "exp_month", nullable = false, updatable = false)
    private int expMonth;

    @Column(name = "exp_year", nullable = false, updatable = false)
    private int expYear;

    @Column(name = "issuer_country", length = 2, columnDefinition = "CHAR(2)", updatable = false)
    private String issuerCountry;

    /** The gateway's fingerprint of the card number; null when the gateway gave none. */
    @Column(length = 64, updatable = false)
    private String fingerprint;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    protected PaymentMethod() {
    }

    public PaymentMethod(UUID customerId, CardToken card, Instant now) {
        this.id = UUID.randomUUID();
        this.customerId = customerId;
        this.gatewayToken = card.token();
        this.brand = card.brand();
        this.last4 = card.last4();
        this.expMonth = card.expMonth();
        this.expYear = card.expYear();
        this.issuerCountry = card.issuerCountry();
        this.fingerprint = card.fingerprint();
        this.createdAt = now;
    }

    public UUID id() {
        return id;
    }

    public UUID customerId() {
        return customerId;
    }

    public String gatewayToken() {
        return gatewayToken;
    }

    public String brand() {
        return brand;
    }

    public String last4() {
        return last4;
    }

    public int expMonth() {
        return expMonth;
    }

    public int expYear() {
        return expYear;
    }

    public String issuerCountry() {
        return issuerCountry;
    }

    /**
     * What tells this card apart from others, for fraud scoring: the gateway's fingerprint, or for a card the gateway
     * gives none (the simulator's ready-made test tokens) this saved method's own id, so such a card is never taken
     * for one shared by several customers.
     */
    public String cardFingerprint() {
        return fingerprint != null ? fingerprint : "method_" + id;
    }

    public Instant createdAt() {
        return createdAt;
    }
}
