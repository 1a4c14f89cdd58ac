package io.eventcommerce.catalog.review.service;

import io.eventcommerce.catalog.product.domain.ProductRepository;
import io.eventcommerce.catalog.review.domain.ProductRating;
import io.eventcommerce.catalog.review.domain.ProductRatingRepository;
import io.eventcommerce.catalog.review.domain.Review;
import io.eventcommerce.catalog.review.domain.ReviewRepository;
import io.eventcommerce.catalog.review.domain.VerifiedPurchase;
import io.eventcommerce.catalog.review.domain.VerifiedPurchaseRepository;
import io.eventcommerce.servicekit.problem.DomainException;
import io.eventcommerce.servicekit.rest.Page;
import io.eventcommerce.servicekit.time.Timestamps;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.util.Optional;
import java.util.UUID;

/** Reviews by verified buyers, one per customer and product, and the product's rating kept current with them. */
@ApplicationScoped
public class ReviewService {

    private final ReviewRepository reviews;
    private final VerifiedPurchaseRepository purchases;
    private final ProductRatingRepository ratings;
    private final ProductRepository products;

    public ReviewService(ReviewRepository reviews, VerifiedPurchaseRepository purchases,
                         ProductRatingRepository ratings, ProductRepository products) {
        this.reviews = reviews;
        this.purchases = purchases;
        this.ratings = ratings;
        this.products = products;
    }

    /**
     * 404 for an unknown product, 403 if the customer never received it, 409 for a second review (the unique key
     * decides between two concurrent ones).
     */
    @Transactional
    public Review write(UUID productId, UUID customerId, int rating, String title, String body) {
        requireProduct(productId);
        VerifiedPurchase purchase = purchases.findByIdOptional(new VerifiedPurchase.Key(customerId, productId))
                .orElseThrow(() -> new DomainException(DomainException.Kind.NOT_ALLOWED,
                        "Only customers who received this product can review it"));
        if (reviews.exists(customerId, productId)) {
            throw DomainException.conflict("You have already reviewed this product");
        }
        Review review = new Review(UUID.randomUUID(), productId, customerId, purchase.orderId(), rating, title, body,
                Timestamps.now());
        reviews.persistAndFlush(review);
        ratings.add(productId, rating);
        return review;
    }

    public Page<Review> list(UUID productId, int page, int size) {
        requireProduct(productId);
        var query = reviews.find("productId", Sort.descending("createdAt"), productId);
        return Page.of(query.page(page, size).list(), page, size, query.count());
    }

    public Optional<ProductRating> rating(UUID productId) {
        requireProduct(productId);
        return ratings.findByIdOptional(productId);
    }

    private void requireProduct(UUID productId) {
        if (!products.existsById(productId)) {
            throw DomainException.notFound("Product", productId);
        }
    }
}
