package io.eventcommerce.catalog.review.domain;

import io.eventcommerce.servicekit.persistence.VersionedEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.Instant;
import java.util.UUID;

/** A verified buyer's opinion of a product: one per customer and product, 1 to 5 stars. */
@Entity
@Table(name = "review")
public class Review extends VersionedEntity {

    @JdbcTypeCode(SqlTypes.CHAR)
    @Column(name = "product_id", nullable = false, length = 36, updatable = false)
    private UUID productId;

    @JdbcTypeCode(SqlTypes.CHAR)
    @Column(name = "customer_id", nullable = false, length = 36, updatable = false)
    private UUID customerId;

    @JdbcTypeCode(SqlTypes.CHAR)
    @Column(name = "order_id", nullable = false, length = 36, updatable = false)
    private UUID orderId;

    @Column(nullable = false)
    private int rating;

    @Column(length = 200)
    private String title;

    @Column(columnDefinition = "TEXT")
    private String body;

    protected Review() {
    }

    public Review(UUID id, UUID productId, UUID customerId, UUID orderId, int rating, String title, String body,
                  Instant now) {
        super(id, now);
        if (rating < 1 || rating > 5) {
            throw new IllegalArgumentException("a rating is 1 to 5 stars: " + rating);
        }
        this.productId = productId;
        this.customerId = customerId;
        this.orderId = orderId;
        this.rating = rating;
        this.title = title;
        this.body = body;
    }

    public UUID productId() {
        return productId;
    }

    public UUID customerId() {
        return customerId;
    }

    public UUID orderId() {
        return orderId;
    }

    public int rating() {
        return rating;
    }

    public String title() {
        return title;
    }

    public String body() {
        return body;
    }
}
