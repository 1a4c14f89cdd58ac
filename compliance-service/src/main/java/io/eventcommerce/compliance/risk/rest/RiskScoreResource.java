package io.eventcommerce.compliance.risk.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.eventcommerce.compliance.risk.model.RiskFactor;
import io.eventcommerce.compliance.risk.model.RiskLevel;
import io.eventcommerce.compliance.risk.service.RiskScores;
import io.eventcommerce.servicekit.rest.Page;
import io.eventcommerce.servicekit.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
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
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/** Customers' risk scores for compliance staff: who is risky, why, and how the score got there. */
@Path("/risk/customers")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Customer risk")
@RolesAllowed({Roles.COMPLIANCE_OFFICER, Roles.ADMIN})
public class RiskScoreResource {

    private final RiskScores scores;
    private final ObjectMapper json;

    public RiskScoreResource(RiskScores scores, ObjectMapper json) {
        this.scores = scores;
        this.json = json;
    }

    /**
     * One factor of a score.
     *
     * @param value        what was counted (a score, a count, days)
     * @param contribution what it added to the log-odds (negative: it lowered the score)
     */
    public record FactorView(String code, String description, double value, double contribution) {
    }

    /**
     * @param reasons   the factors that raised the score, largest first
     * @param intercept the base log-odds; intercept plus the contributions is the score's log-odds
     */
    public record RiskView(UUID customerId, BigDecimal score, String level, List<String> reasons, double intercept,
                           List<FactorView> factors, String cause, UUID causeEventId, Instant updatedAt) {
    }

    public record RiskSummary(UUID customerId, BigDecimal score, String level, List<String> reasons,
                              Instant updatedAt) {
    }

    public record ChangeView(BigDecimal oldScore, String oldLevel, BigDecimal newScore, String newLevel,
                             List<String> reasons, List<FactorView> factors, String cause, UUID causeEventId,
                             Instant changedAt) {
    }

    @GET
    @Operation(summary = "Customers' risk scores, highest first (sort=score) or most recently changed (sort=updated)",
            description = "level=LOW|MEDIUM|HIGH keeps one level; the bounds are compliance.risk.medium-at and "
                    + "compliance.risk.high-at.")
    public Page<RiskSummary> list(
            @QueryParam("level") @Pattern(regexp = "LOW|MEDIUM|HIGH", message = "LOW, MEDIUM or HIGH") String level,
            @QueryParam("sort") @DefaultValue("score") @Pattern(regexp = "(?i)score|updated",
                    message = "score or updated") String sort,
            @QueryParam("page") @DefaultValue("0") @Min(0) @Max(Page.MAX_PAGE) int page,
            @QueryParam("size") @DefaultValue(Page.DEFAULT_SIZE) @Min(1) @Max(Page.MAX_SIZE) int size) {
        return scores.list(level == null ? null : RiskLevel.valueOf(level),
                RiskScores.ListSort.valueOf(sort.toUpperCase(Locale.ROOT)), page, size).map(c -> {
                    List<FactorView> factors = factors(read(c.factors()));
                    return new RiskSummary(c.customerId(), c.score(), c.level().name(), reasons(factors),
                            c.updatedAt());
                });
    }

    @GET
    @Path("{customerId}")
    @Operation(summary = "A customer's risk score, its level and the factors that made it",
            description = "404 for a customer compliance has no score of (it has seen none of its orders, payments "
                    + "or labels).")
    public RiskView get(@PathParam("customerId") UUID customerId) {
        RiskScores.Current c = scores.get(customerId);
        JsonNode doc = read(c.factors());
        List<FactorView> factors = factors(doc);
        return new RiskView(c.customerId(), c.score(), c.level().name(), reasons(factors),
                doc.path("intercept").asDouble(), factors, c.cause(), c.causeEventId(), c.updatedAt());
    }

    @GET
    @Path("{customerId}/history")
    @Operation(summary = "The changes of a customer's risk score, newest first: before, after and the cause",
            description = "One entry per change of the score (3 places) or the level; causeEventId is the event "
                    + "that caused it (null for a label import).")
    public Page<ChangeView> history(
            @PathParam("customerId") UUID customerId,
            @QueryParam("page") @DefaultValue("0") @Min(0) @Max(Page.MAX_PAGE) int page,
            @QueryParam("size") @DefaultValue(Page.DEFAULT_SIZE) @Min(1) @Max(Page.MAX_SIZE) int size) {
        return scores.history(customerId, page, size).map(c -> {
            List<FactorView> factors = factors(read(c.factors()));
            return new ChangeView(c.oldScore(), c.oldLevel() == null ? null : c.oldLevel().name(), c.newScore(),
                    c.newLevel().name(), reasons(factors), factors, c.cause(), c.causeEventId(), c.changedAt());
        });
    }

    private List<FactorView> factors(JsonNode doc) {
        List<FactorView> factors = new ArrayList<>();
        doc.path("factors").fields().forEachRemaining(e -> {
            RiskFactor factor = RiskFactor.ofCode(e.getKey());
            factors.add(new FactorView(factor.code(), factor.description(), e.getValue().path("value").asDouble(),
                    e.getValue().path("logOdds").asDouble()));
        });
        return factors;
    }

    private static List<String> reasons(List<FactorView> factors) {
        return factors.stream().filter(f -> f.contribution() > 0)
                .sorted(Comparator.comparingDouble(FactorView::contribution).reversed()).map(FactorView::code)
                .toList();
    }

    private JsonNode read(String text) {
        try {
            return json.readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
