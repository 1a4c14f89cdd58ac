package io.eventcommerce.catalog.review.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/** A customer received a product: learned from OrderDelivered, it is what allows a review. */
@Entity
@Table(name = "verified_purchase")
public class VerifiedPurchase {

    @Embeddable
    public static class Key implements Serializable {

        @JdbcTypeCode(SqlTypes.CHAR)
        @Column(name = "customer_id", nullable = false, length = 36)
        private UUID customerId;

        @JdbcTypeCode(SqlTypes.CHAR)
        @Column(name = "product_id", nullable = false, length = 36)
        private UUID productId;

        protected Key() {
        }

        public Key(UUID customerId, UUID productId) {
            this.customerId = customerId;
            this.productId = productId;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && customerId.equals(k.customerId) && productId.equals(k.productId);
        }

        @Override
        public int hashCode() {
            return Objects.hash(customerId, productId);
        }
    }

    @EmbeddedId
    private Key id;

    @JdbcTypeCode(SqlTypes.CHAR)
    @Column(name = "order_id", nullable = false, length = 36)
    private UUID orderId;

    @Column(name = "delivered_at", nullable = false)
    private Instant deliveredAt;

    protected VerifiedPurchase() {
    }

    public VerifiedPurchase(UUID customerId, UUID productId, UUID orderId, Instant deliveredAt) {
        this.id = new Key(customerId, productId);
        this.orderId = orderId;
        this.deliveredAt = deliveredAt;
    }

    public UUID orderId() {
        return orderId;
    }
}
