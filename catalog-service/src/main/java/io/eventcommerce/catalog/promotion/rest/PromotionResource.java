package io.eventcommerce.catalog.promotion.rest;

import io.eventcommerce.catalog.CatalogConfig;
import io.eventcommerce.catalog.promotion.domain.Promotion;
import io.eventcommerce.catalog.promotion.domain.PromotionKind;
import io.eventcommerce.catalog.promotion.domain.PromotionStatus;
import io.eventcommerce.catalog.promotion.domain.PromotionTerms;
import io.eventcommerce.catalog.promotion.service.PromotionService;
import io.eventcommerce.servicekit.problem.ApiException;
import io.eventcommerce.servicekit.problem.Problem.FieldError;
import io.eventcommerce.servicekit.rest.Page;
import io.eventcommerce.servicekit.security.Roles;
import io.eventcommerce.servicekit.time.Timestamps;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
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
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

@Path("/promotions")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Promotions")
public class PromotionResource {

    private final PromotionService promotions;
    private final CatalogConfig config;

    public PromotionResource(PromotionService promotions, CatalogConfig config) {
        this.promotions = promotions;
        this.config = config;
    }

    /**
     * A promotion as clients send it. The code is matched case-insensitively and never changes.
     *
     * @param value        a percentage (PERCENT, up to 100) or an amount in {@code currency} (FIXED)
     * @param minimumOrder the order subtotal needed for the code to apply; none when absent
     * @param usageLimit   how many orders may use the code in all; unlimited when absent
     * @param startsAt     defaults to now
     * @param endsAt       exclusive; open-ended when absent
     */
    public record PromotionRequest(
            @NotBlank @Size(min = 3, max = 40) @Pattern(regexp = "[A-Za-z0-9][A-Za-z0-9_-]*",
                    message = "letters, digits, '_' and '-'") String code,
            @Size(max = 500) String description,
            @NotNull @Pattern(regexp = "PERCENT|FIXED", message = "PERCENT or FIXED") String kind,
            @NotNull @DecimalMin(value = "0.00", inclusive = false) @Digits(integer = 10, fraction = 2)
            BigDecimal value,
            @DecimalMin("0.00") @Digits(integer = 10, fraction = 2) BigDecimal minimumOrder,
            @Pattern(regexp = "[A-Z]{3}", message = "an ISO 4217 code such as USD") String currency,
            @Min(1) Integer usageLimit,
            Instant startsAt,
            Instant endsAt,
            @Pattern(regexp = "ACTIVE|DISABLED", message = "ACTIVE or DISABLED") String status) {

        PromotionTerms terms(String defaultCurrency) {
            List<FieldError> errors = new ArrayList<>();
            PromotionKind k = PromotionKind.valueOf(kind);
            if (k == PromotionKind.PERCENT && value.compareTo(BigDecimal.valueOf(100)) > 0) {
                errors.add(new FieldError("value", "a percentage cannot exceed 100"));
            }
            Instant start = startsAt == null ? Timestamps.now() : startsAt.truncatedTo(ChronoUnit.MICROS);
            Instant end = endsAt == null ? null : endsAt.truncatedTo(ChronoUnit.MICROS);
            if (end != null && !end.isAfter(start)) {
                errors.add(new FieldError("endsAt", "must be after startsAt"));
            }
            if (!errors.isEmpty()) {
                throw ApiException.invalid(errors);
            }
            return new PromotionTerms(description, k, value, minimumOrder,
                    currency == null ? defaultCurrency : currency, usageLimit, start, end,
                    status == null ? PromotionStatus.ACTIVE : PromotionStatus.valueOf(status));
        }
    }

    public record PromotionView(UUID id, String code, String description, String kind, BigDecimal value,
                                BigDecimal minimumOrder, String currency, Integer usageLimit, Instant startsAt,
                                Instant endsAt, String status, long version, Instant createdAt, Instant updatedAt) {
        static PromotionView of(Promotion p) {
            return new PromotionView(p.id(), p.code(), p.description(), p.kind().name(), p.value(),
                    p.minimumOrder(), p.currency(), p.usageLimit(), p.startsAt(), p.endsAt(), p.status().name(),
                    p.version(), p.createdAt(), p.updatedAt());
        }
    }

    @POST
    @RolesAllowed({Roles.CATALOG_MANAGER, Roles.ADMIN})
    @Operation(summary = "Create a promotion", description = "Publishes PromotionCreated on catalog.promotion; "
            + "orders-service applies the code and enforces its usage limit.")
    public Response create(@NotNull @Valid PromotionRequest request, @Context UriInfo uri) {
        Promotion promotion = promotions.create(request.code(), request.terms(config.defaultCurrency()));
        return Response.created(uri.getAbsolutePathBuilder().path(promotion.id().toString()).build())
                .entity(PromotionView.of(promotion)).build();
    }

    @PUT
    @Path("{id}")
    @RolesAllowed({Roles.CATALOG_MANAGER, Roles.ADMIN})
    @Operation(summary = "Replace a promotion's terms", description = "The code cannot change. Publishes "
            + "PromotionUpdated if something changed; orders already placed keep the discount they got.")
    public PromotionView update(@PathParam("id") UUID id, @NotNull @Valid PromotionRequest request) {
        return PromotionView.of(promotions.update(id, request.code(), request.terms(config.defaultCurrency())));
    }

    @GET
    @Path("{id}")
    @RolesAllowed({Roles.CATALOG_MANAGER, Roles.ADMIN, Roles.ANALYST, Roles.SUPPORT})
    @Operation(summary = "Get a promotion")
    public PromotionView get(@PathParam("id") UUID id) {
        return PromotionView.of(promotions.get(id));
    }

    @GET
    @RolesAllowed({Roles.CATALOG_MANAGER, Roles.ADMIN, Roles.ANALYST, Roles.SUPPORT})
    @Operation(summary = "List promotions", description = "By code.")
    public Page<PromotionView> list(@QueryParam("status") @Pattern(regexp = "ACTIVE|DISABLED",
                                            message = "ACTIVE or DISABLED") String status,
                                    @QueryParam("page") @DefaultValue("0") @Min(0) @Max(Page.MAX_PAGE) int page,
                                    @QueryParam("size") @DefaultValue(Page.DEFAULT_SIZE) @Min(1) @Max(Page.MAX_SIZE)
                                    int size) {
        return promotions.list(status == null ? null : PromotionStatus.valueOf(status), page, size)
                .map(PromotionView::of);
    }
}
