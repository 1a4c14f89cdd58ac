package io.eventcommerce.catalog.review.domain;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.UUID;

@ApplicationScoped
public class ProductRatingRepository implements PanacheRepositoryBase<ProductRating, UUID> {

    /**
     * Adds one review of {@code stars} to the product's figures in one statement, creating them with the first
     * review; concurrent reviews queue on the row. {@code INSERT ... ON DUPLICATE KEY UPDATE} with the values
     * passed again rather than {@code VALUES()}, which MySQL 8.4 deprecates; both flavours accept this form.
     */
    public void add(UUID productId, int stars) {
        if (stars < 1 || stars > 5) {
            throw new IllegalArgumentException("a rating is 1 to 5 stars: " + stars);
        }
        String column = "stars_" + stars;
        getEntityManager().createNativeQuery("INSERT INTO product_rating (product_id, review_count, rating_sum, "
                        + "stars_1, stars_2, stars_3, stars_4, stars_5) VALUES (?1, 1, ?2, ?3, ?4, ?5, ?6, ?7) "
                        + "ON DUPLICATE KEY UPDATE review_count = review_count + 1, rating_sum = rating_sum + ?2, "
                        + column + " = " + column + " + 1")
                .setParameter(1, productId.toString())
                .setParameter(2, stars)
                .setParameter(3, stars == 1 ? 1 : 0)
                .setParameter(4, stars == 2 ? 1 : 0)
                .setParameter(5, stars == 3 ? 1 : 0)
                .setParameter(6, stars == 4 ? 1 : 0)
                .setParameter(7, stars == 5 ? 1 : 0)
                .executeUpdate();
    }
}
