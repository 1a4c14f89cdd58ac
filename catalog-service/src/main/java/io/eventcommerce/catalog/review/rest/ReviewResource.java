package io.eventcommerce.catalog.review.rest;

import io.eventcommerce.catalog.review.domain.ProductRating;
import io.eventcommerce.catalog.review.domain.Review;
import io.eventcommerce.catalog.review.service.ReviewService;
import io.eventcommerce.servicekit.problem.ApiException;
import io.eventcommerce.servicekit.problem.ProblemType;
import io.eventcommerce.servicekit.rest.Page;
import io.eventcommerce.servicekit.security.Caller;
import io.eventcommerce.servicekit.security.Roles;
import io.quarkus.security.Authenticated;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A product's reviews. Rooted at its own path: JAX-RS matches one root class per request path. */
@Path("/products/{productId}/reviews")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Reviews")
public class ReviewResource {

    private final ReviewService reviews;
    private final Caller caller;

    public ReviewResource(ReviewService reviews, Caller caller) {
        this.reviews = reviews;
        this.caller = caller;
    }

    public record ReviewRequest(@NotNull @Min(1) @Max(5) Integer rating,
                                @Size(max = 200) String title,
                                @Size(max = 5_000) String body) {
    }

    /** The reviewer is shown by id only: names and emails live in orders-service. */
    public record ReviewView(UUID id, UUID productId, UUID customerId, int rating, String title, String body,
                             boolean verifiedPurchase, Instant createdAt) {
        static ReviewView of(Review r) {
            return new ReviewView(r.id(), r.productId(), r.customerId(), r.rating(), r.title(), r.body(), true,
                    r.createdAt());
        }
    }

    /** @param distribution how many reviews gave 1, 2, 3, 4 and 5 stars */
    public record RatingView(UUID productId, int reviewCount, BigDecimal average, List<Integer> distribution) {
        static RatingView of(UUID productId, ProductRating r) {
            return r == null ? new RatingView(productId, 0, null, List.of(0, 0, 0, 0, 0))
                    : new RatingView(productId, r.reviewCount(), r.average(), r.distribution());
        }
    }

    @POST
    @RolesAllowed(Roles.CUSTOMER)
    @Operation(summary = "Review a product you received", description = "1 to 5 stars, once per customer and "
            + "product. 403 unless an order with this product was delivered to the customer (OrderDelivered); "
            + "409 for a second review. The product's rating is updated in the same transaction.")
    public Response write(@PathParam("productId") UUID productId, @NotNull @Valid ReviewRequest request,
                          @Context UriInfo uri) {
        UUID customerId = caller.customerId().orElseThrow(() -> new ApiException(ProblemType.FORBIDDEN,
                "The token names no customer"));
        Review review = reviews.write(productId, customerId, request.rating(), blankToNull(request.title()),
                blankToNull(request.body()));
        return Response.created(uri.getAbsolutePathBuilder().path(review.id().toString()).build())
                .entity(ReviewView.of(review)).build();
    }

    @GET
    @Authenticated
    @Operation(summary = "A product's reviews, newest first")
    public Page<ReviewView> list(@PathParam("productId") UUID productId,
                                 @QueryParam("page") @DefaultValue("0") @Min(0) @Max(Page.MAX_PAGE) int page,
                                 @QueryParam("size") @DefaultValue(Page.DEFAULT_SIZE) @Min(1) @Max(Page.MAX_SIZE)
                                 int size) {
        return reviews.list(productId, page, size).map(ReviewView::of);
    }

    @GET
    @Path("summary")
    @Authenticated
    @Operation(summary = "A product's rating", description = "Average stars, count and distribution, current "
            + "with every review.")
    public RatingView summary(@PathParam("productId") UUID productId) {
        return RatingView.of(productId, reviews.rating(productId).orElse(null));
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.trim();
    }
}
