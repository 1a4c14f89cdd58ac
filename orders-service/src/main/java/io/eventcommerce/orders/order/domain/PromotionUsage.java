package io.eventcommerce.orders.order.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/** An order's use of a promotion code: counted against the code's usage limit until the order is cancelled. */
@Entity
@Table(name = "promotion_usage")
public class PromotionUsage {

    @Id
    @JdbcTypeCode(SqlTypes.CHAR)
    @Column(name = "order_id", length = 36)
    private UUID orderId;

    @JdbcTypeCode(SqlTypes.CHAR)
    @Column(name = "promotion_id", nullable = false, length = 36)
    private UUID promotionId;

    @JdbcTypeCode(SqlTypes.CHAR)
    @Column(name = "customer_id", nullable = false, length = 36)
    private UUID customerId;

    @Column(nullable = false, precision = 14, scale = 2)
    private BigDecimal discount;

    @Column(name = "used_at", nullable = false)
    private Instant usedAt;

    @Column(name = "released_at")
    private Instant releasedAt;

    protected PromotionUsage() {
    }

    public PromotionUsage(UUID orderId, UUID promotionId, UUID customerId, BigDecimal discount, Instant usedAt) {
        this.orderId = orderId;
        this.promotionId = promotionId;
        this.customerId = customerId;
        this.discount = discount;
        this.usedAt = usedAt;
    }

    /** Marks the use given back; false if it already was. */
    public boolean release(Instant now) {
        if (releasedAt != null) {
            return false;
        }
        releasedAt = now;
        return true;
    }

    public UUID promotionId() {
        return promotionId;
    }
}
