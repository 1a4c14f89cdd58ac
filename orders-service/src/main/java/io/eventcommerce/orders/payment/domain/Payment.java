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

/** One attempt to take an order's money through the gateway. */
@Entity
@Table(name = "payment")
public class Payment {

    public enum Status { CAPTURED, DECLINED, REFUNDED }

    @Id
    @JdbcTypeCode(SqlTypes.CHAR)
    @Column(length = 36)
    private UUID id;

    @JdbcTypeCode(SqlTypes.CHAR)
    @Column(name = "order_id", nullable = false, length = 36, updatable = false)
    private UUID orderId;

    @JdbcTypeCode(SqlTypes.CHAR)
    @Column(name = "payment_method_id", nullable = false, length = 36, updatable = false)
    private UUID paymentMethodId;

    @Column(nullable = false, precision = 14, scale = 2, updatable = false)
    private BigDecimal amount;

    @Column(nullable = false, length = 3, columnDefinition = "CHAR(3)", updatable = false)
    private String currency;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 10)
    private Status status;

    @Column(name = "gateway_reference", length = 100)
    private String gatewayReference;

    @Column(name = "decline_code", length = 40)
    private String declineCode;

    @Column(name = "refunded_amount", precision = 14, scale = 2)
    private BigDecimal refundedAmount;

    @Version
    private long version;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    protected Payment() {
    }

    private Payment(UUID orderId, UUID paymentMethodId, BigDecimal amount, String currency, Status status,
                    String gatewayReference, String declineCode, Instant now) {
        this.id = UUID.randomUUID();
        this.orderId = orderId;
        this.paymentMethodId = paymentMethodId;
        this.amount = amount;
        this.currency = currency;
        this.status = status;
        this.gatewayReference = gatewayReference;
        this.declineCode = declineCode;
        this.createdAt = now;
        this.updatedAt = now;
    }

    public static Payment captured(UUID orderId, UUID methodId, BigDecimal amount, String currency, String reference,
                                   Instant now) {
        return new Payment(orderId, methodId, amount, currency, Status.CAPTURED, reference, null, now);
    }

    public static Payment declined(UUID orderId, UUID methodId, BigDecimal amount, String currency, String code,
                                   Instant now) {
        return new Payment(orderId, methodId, amount, currency, Status.DECLINED, null, code, now);
    }

    public void refunded(BigDecimal refunded, Instant now) {
        if (status != Status.CAPTURED) {
            throw new IllegalStateException("only a captured payment can be refunded, this one is " + status);
        }
        status = Status.REFUNDED;
        refundedAmount = refunded;
        updatedAt = now;
    }

    public UUID id() {
        return id;
    }

    public UUID orderId() {
        return orderId;
    }

    public UUID paymentMethodId() {
        return paymentMethodId;
    }

    public BigDecimal amount() {
        return amount;
    }

    public String currency() {
        return currency;
    }

    public Status status() {
        return status;
    }

    public String gatewayReference() {
        return gatewayReference;
    }

    public String declineCode() {
        return declineCode;
    }

    public BigDecimal refundedAmount() {
        return refundedAmount;
    }

    public Instant createdAt() {
        return createdAt;
    }
}
