package io.eventcommerce.insights.competition;

import io.eventcommerce.servicekit.problem.Problem;
import io.eventcommerce.servicekit.rest.Page;
import io.eventcommerce.servicekit.security.Roles;
import io.eventcommerce.servicekit.time.Timestamps;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.io.InputStream;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** Competitor price observations in (JSON or a CSV file) and out (a product's history, the price index). */
@Path("/competitors")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Competitor prices")
@RolesAllowed({Roles.ANALYST, Roles.ADMIN, Roles.CATALOG_MANAGER})
public class CompetitorPriceResource {

    /** Items per JSON batch. */
    public static final int MAX_ITEMS = 1000;

    /** One observation as JSON; {@code region} defaults to the country's. */
    public record PriceInput(@NotBlank @Size(max = ObservationRules.MAX_COMPETITOR) String competitor,
                             @NotBlank @Pattern(regexp = "[A-Za-z]{2}", message = "an ISO 3166 alpha-2 code")
                             String country,
                             @Size(max = 10) String region,
                             @NotBlank @Size(max = ObservationRules.MAX_SKU) String sku,
                             @NotNull @Positive @Digits(integer = 17, fraction = 2) BigDecimal price,
                             @NotBlank @Pattern(regexp = "[A-Za-z]{3}", message = "an ISO 4217 code") String currency,
                             @NotNull @PastOrPresent Instant observedAt) {
    }

    private final PriceObservations observations;
    private final CompetitorReads reads;
    private final CompetitorAnalysis analysis;
    private final Validator validator;

    public CompetitorPriceResource(PriceObservations observations, CompetitorReads reads,
                                   CompetitorAnalysis analysis, Validator validator) {
        this.observations = observations;
        this.reads = reads;
        this.analysis = analysis;
        this.validator = validator;
    }

    @POST
    @Path("prices")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.ANALYST, Roles.ADMIN})
    @Operation(summary = "Record competitor price observations (a JSON array, at most 1,000)",
            description = "All or nothing: an item with an unknown sku, a bad country or currency, a non-positive "
                    + "price or a future observedAt refuses the batch with 422, each error naming the item as "
                    + "[index].field, and nothing is stored. An observation already stored (same competitor, "
                    + "country, sku and observedAt) is counted as a duplicate and not stored again. An observation "
                    + "that takes a competitor below our price by more than insights.competition.undercut-threshold "
                    + "raises CompetitorUndercut, once per change into undercut.")
    public PriceObservations.BatchResult post(@NotNull @Size(min = 1, max = MAX_ITEMS) List<PriceInput> items) {
        Instant now = Timestamps.now();
        Set<Problem.FieldError> errors = new LinkedHashSet<>();
        List<Observation> checked = new ArrayList<>(items.size());
        for (int i = 0; i < items.size(); i++) {
            PriceInput item = items.get(i);
            if (item == null) {
                errors.add(new Problem.FieldError("[" + i + "]", "must not be null"));
                checked.add(null);
                continue;
            }
            List<Problem.FieldError> own = new ArrayList<>();
            for (ConstraintViolation<PriceInput> v : validator.validate(item)) {
                own.add(new Problem.FieldError("[" + i + "]." + v.getPropertyPath(), v.getMessage()));
            }
            ObservationRules.Checked rules = ObservationRules.check(item.competitor(), item.country(),
                    item.region(), item.sku(), item.price() == null ? null : item.price().toPlainString(),
                    item.currency(), item.observedAt() == null ? null : item.observedAt().toString(), now);
            if (own.isEmpty()) {
                for (ObservationRules.Issue issue : rules.issues()) {
                    own.add(new Problem.FieldError("[" + i + "]." + field(issue.column()), issue.reason()));
                }
            }
            own.sort(Comparator.comparing(Problem.FieldError::field));
            errors.addAll(own);
            checked.add(rules.observation());
        }
        // An item is null here only where it has an error: the batch is then refused, with the sku checks too.
        return observations.post(checked, List.copyOf(errors));
    }

    private static String field(String column) {
        return "observed_at".equals(column) ? "observedAt" : column;
    }

    @POST
    @Path("prices/uploads")
    @Consumes("text/csv")
    @RolesAllowed({Roles.ANALYST, Roles.ADMIN})
    @Operation(summary = "Upload a CSV file of competitor price observations",
            description = "The body is the file (text/csv, UTF-8), read as a stream: the header "
                    + "competitor,country,region,sku,price,currency,observed_at (any order), then one observation "
                    + "per row (docs/competitor-prices.md). Every row is checked: good rows are stored (duplicates "
                    + "of stored observations counted, not stored twice), bad rows are answered with their row "
                    + "number (1 = the first data row), column and reason (the first 100; errorRows counts all). "
                    + "A cell starting with =, +, -, @, a tab or a carriage return is refused as a spreadsheet "
                    + "formula. A wrong header, a file that is not UTF-8 CSV or has more than "
                    + "insights.competition.max-upload-rows rows is refused with 422 and nothing is stored; the "
                    + "upload is one transaction, with its undercut alerts.")
    @APIResponse(responseCode = "200", description = "What the file held and what was stored",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = PriceObservations.UploadResult.class)))
    @APIResponse(responseCode = "415", description = "The body is not text/csv")
    @APIResponse(responseCode = "422", description = "Empty file, wrong header, not UTF-8 CSV or too many rows; "
            + "nothing was stored")
    public PriceObservations.UploadResult upload(@RequestBody(required = true, content = @Content(
            mediaType = "text/csv", schema = @Schema(type = SchemaType.STRING, format = "binary")))
                                                 InputStream body) {
        return observations.upload(body);
    }

    @GET
    @Path("prices")
    @Operation(summary = "A product's competitor price observations, newest first, paged",
            description = "Every stored observation of the product, whatever its currency.")
    public Page<CompetitorReads.ObservationView> history(
            @QueryParam("productId") @NotNull UUID productId,
            @QueryParam("page") @DefaultValue("0") @Min(0) @Max(Page.MAX_PAGE) int page,
            @QueryParam("size") @DefaultValue(Page.DEFAULT_SIZE) @Min(1) @Max(Page.MAX_SIZE) int size) {
        return reads.history(productId, page, size);
    }

    @GET
    @Path("price-index")
    @Operation(summary = "Our price index against the competitors per product, category or region, paged",
            description = "Per product: our current price / the mean of each competitor's latest observation "
                    + "within insights.competition.window-days (28) x 100. A category or region is a basket: the "
                    + "sum of our prices over the sum of the products' competitor means x 100 (region: the "
                    + "competitors selling there). Only observations in insights.competition.currency (USD, the "
                    + "catalog's) are compared; nothing is converted. key narrows to one product id, category id "
                    + "or region: 404 when it has no observation in the window. 100 is level, above is dearer.")
    public Page<CompetitorReads.IndexView> index(
            @QueryParam("level") @NotNull @Pattern(regexp = "product|category|region",
                    message = "product, category or region") String level,
            @QueryParam("key") @Size(max = 64) String key,
            @QueryParam("page") @DefaultValue("0") @Min(0) @Max(Page.MAX_PAGE) int page,
            @QueryParam("size") @DefaultValue(Page.DEFAULT_SIZE) @Min(1) @Max(Page.MAX_SIZE) int size) {
        return reads.index(level, key == null || key.isBlank() ? null : key.trim(), page, size);
    }

    @GET
    @Path("analysis")
    @Operation(summary = "The competitor analysis per region and category",
            description = "From the last competitor-analysis run (nightly at 04:00, or POST "
                    + "/analysis/kinds/competitor-analysis/runs): our price position (our prices / the "
                    + "competitors' means; 1 is level), the share of our watched products undercut by more than "
                    + "the threshold, and the trend of the weekly position (Mann-Kendall at 5 %, Sen's slope per "
                    + "week; no direction under 4 weeks). region and categoryId filter.")
    public List<CompetitorAnalysis.Row> analysis(
            @QueryParam("region") @Pattern(regexp = "NA|LATAM|EU|MEA|APAC|OTHER",
                    message = "NA, LATAM, EU, MEA, APAC or OTHER") String region,
            @QueryParam("categoryId") UUID categoryId) {
        return analysis.list(region, categoryId);
    }
}
