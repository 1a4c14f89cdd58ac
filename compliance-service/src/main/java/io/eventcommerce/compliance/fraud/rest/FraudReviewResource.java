package io.eventcommerce.compliance.fraud.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.eventcommerce.compliance.fraud.domain.FraudDetection;
import io.eventcommerce.compliance.fraud.model.Feature;
import io.eventcommerce.compliance.fraud.service.FraudReviews;
import io.eventcommerce.servicekit.rest.Page;
import io.eventcommerce.servicekit.security.Caller;
import io.eventcommerce.servicekit.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;

@Path("/fraud/assessments")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Fraud review")
@RolesAllowed({Roles.COMPLIANCE_OFFICER, Roles.ADMIN})
public class FraudReviewResource {

    private final FraudReviews reviews;
    private final Caller caller;
    private final ObjectMapper json;

    public FraudReviewResource(FraudReviews reviews, Caller caller, ObjectMapper json) {
        this.reviews = reviews;
        this.caller = caller;
        this.json = json;
    }

    public record AssessmentSummary(UUID orderId, UUID customerId, Instant placedAt, BigDecimal total, String currency,
                                    BigDecimal score, String decision, List<String> reasons, String modelVersion,
                                    String status, boolean overdue, String reviewDecision, String reviewedBy,
                                    Instant reviewedAt) {
    }

    public record FeatureView(String code, String description, double value) {
    }

    public record ShadowView(String modelVersion, BigDecimal score, String decision) {
    }

    public record ReviewView(String decision, String reviewedBy, String comment, Instant reviewedAt) {
    }

    /** One assessment with what an officer needs to decide it; no names, e-mails, addresses or IP addresses. */
    public record AssessmentView(AssessmentSummary assessment, JsonNode explanation, List<FeatureView> features,
                                 ShadowView shadow, ReviewView review, FraudReviews.CustomerHistory customerHistory) {
    }

    public record ReviewDecision(@NotNull @Pattern(regexp = "APPROVE|REJECT", message = "APPROVE or REJECT")
                                 String decision,
                                 @NotNull @Size(min = 1, max = 2000) String comment) {
    }

    @GET
    @Operation(summary = "Fraud assessments: the review queue and the model's decisions",
            description = "status=ON_HOLD lists the orders waiting for an officer; overdue=true those waiting longer "
                    + "than compliance.fraud.review-overdue-after. sort=SCORE (highest first, the default) or AGE "
                    + "(longest waiting first).")
    public Page<AssessmentSummary> list(
            @QueryParam("status") @Pattern(regexp = "DECIDED|ON_HOLD|REVIEWED", message = "DECIDED, ON_HOLD or "
                    + "REVIEWED") String status,
            @QueryParam("decision") @Pattern(regexp = "APPROVE|REVIEW|REJECT", message = "APPROVE, REVIEW or REJECT")
            String decision,
            @QueryParam("customerId") UUID customerId,
            @QueryParam("overdue") @DefaultValue("false") boolean overdue,
            @QueryParam("sort") @DefaultValue("SCORE") @Pattern(regexp = "SCORE|AGE", message = "SCORE or AGE")
            String sort,
            @QueryParam("page") @DefaultValue("0") @Min(0) @Max(Page.MAX_PAGE) int page,
            @QueryParam("size") @DefaultValue(Page.DEFAULT_SIZE) @Min(1) @Max(Page.MAX_SIZE) int size) {
        return reviews.list(status == null ? null : FraudDetection.Status.valueOf(status), decision, customerId,
                overdue, FraudReviews.QueueSort.valueOf(sort), page, size).map(this::summary);
    }

    @GET
    @Path("{orderId}")
    @Operation(summary = "One order's assessment: score, reasons, features, the customer's history, the review")
    public AssessmentView get(@PathParam("orderId") UUID orderId) {
        return view(reviews.get(orderId));
    }

    @POST
    @Path("{orderId}/review")
    @Operation(summary = "Decide an order on hold: APPROVE or REJECT, with a comment",
            description = "Publishes the order's final FraudAssessed (reviewedBy: the officer); the saga then pays or "
                    + "cancels the order. 409 if the order is not on hold (the model decided it, or it was reviewed).")
    public AssessmentView review(@PathParam("orderId") UUID orderId, @NotNull @Valid ReviewDecision decision) {
        reviews.decide(orderId, decision.decision(), decision.comment(), caller.name());
        return view(reviews.get(orderId));
    }

    private AssessmentSummary summary(FraudDetection d) {
        return new AssessmentSummary(d.orderId(), d.customerId(), d.placedAt(), d.total(), d.currency(), d.score(),
                d.decision(), d.reasons(), d.modelVersion(), d.status().name(), reviews.overdue(d),
                d.reviewDecision(), d.reviewedBy(), d.reviewedAt());
    }

    private AssessmentView view(FraudReviews.Case c) {
        FraudDetection d = c.detection();
        Map<Feature, Double> values = c.features().map(f -> f.asMap()).orElse(Map.of());
        List<FeatureView> features = Arrays.stream(Feature.values()).map(feature -> new FeatureView(feature.code(),
                feature.description(), values.getOrDefault(feature, 0.0))).toList();
        JsonNode explanation;
        try {
            explanation = json.readTree(d.explanation());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new AssessmentView(summary(d), explanation, features,
                d.shadowModelVersion() == null ? null
                        : new ShadowView(d.shadowModelVersion(), d.shadowScore(), d.shadowDecision()),
                d.reviewedAt() == null ? null
                        : new ReviewView(d.reviewDecision(), d.reviewedBy(), d.reviewComment(), d.reviewedAt()),
                c.history());
    }
}
