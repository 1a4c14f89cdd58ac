package io.eventcommerce.catalog.review.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.UUID;

/**
 * A product's reviews in figures, kept current by {@link ProductRatingRepository#add} in each review's transaction.
 * Read-only here.
 */
@Entity
@Table(name = "product_rating")
public class ProductRating {

    @Id
    @JdbcTypeCode(SqlTypes.CHAR)
    @Column(name = "product_id", length = 36)
    private UUID productId;

    @Column(name = "review_count", nullable = false)
    private int reviewCount;

    @Column(name = "rating_sum", nullable = false)
    private int ratingSum;

    @Column(name = "stars_1", nullable = false)
    private int stars1;

    @Column(name = "stars_2", nullable = false)
    private int stars2;

    @Column(name = "stars_3", nullable = false)
    private int stars3;

    @Column(name = "stars_4", nullable = false)
    private int stars4;

    @Column(name = "stars_5", nullable = false)
    private int stars5;

    protected ProductRating() {
    }

    public int reviewCount() {
        return reviewCount;
    }

    /** Mean stars to two decimals; null without reviews. */
    public BigDecimal average() {
        return reviewCount == 0 ? null
                : BigDecimal.valueOf(ratingSum).divide(BigDecimal.valueOf(reviewCount), 2, RoundingMode.HALF_UP);
    }

    /** How many reviews gave 1, 2, 3, 4 and 5 stars. */
    public List<Integer> distribution() {
        return List.of(stars1, stars2, stars3, stars4, stars5);
    }
}
