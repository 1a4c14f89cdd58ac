package io.eventcommerce.insights.pricing;

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

import java.util.UUID;

/** Products' own-price elasticities, as the last elasticity run estimated them. */
@Path("/pricing/elasticity")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Pricing")
@RolesAllowed({Roles.ANALYST, Roles.ADMIN})
public class ElasticityResource {

    private final Elasticities elasticities;

    public ElasticityResource(Elasticities elasticities) {
        this.elasticities = elasticities;
    }

    @GET
    @Operation(summary = "Products' price elasticities, most elastic first, paged (status filters)",
            description = "Log-log regression of daily units on the daily average unit price with weekday and "
                    + "discount controls; the interval is 95 %. Products whose price barely varied are "
                    + "NOT_ENOUGH_VARIATION, with too few selling days TOO_FEW_OBSERVATIONS, and have no estimate.")
    public Page<Elasticities.Elasticity> list(
            @QueryParam("status") @Pattern(regexp = "ESTIMATED|NOT_ENOUGH_VARIATION|TOO_FEW_OBSERVATIONS"
                    + "|PRICE_COLLINEAR_WITH_CONTROLS", message = "ESTIMATED, NOT_ENOUGH_VARIATION, "
                    + "TOO_FEW_OBSERVATIONS or PRICE_COLLINEAR_WITH_CONTROLS") String status,
            @QueryParam("page") @DefaultValue("0") @Min(0) @Max(Page.MAX_PAGE) int page,
            @QueryParam("size") @DefaultValue(Page.DEFAULT_SIZE) @Min(1) @Max(Page.MAX_SIZE) int size) {
        return elasticities.list(status == null ? "" : status, page, size);
    }

    @GET
    @Path("{productId}")
    @Operation(summary = "One product's price elasticity",
            description = "404 when the last run found no counted sale of the product in its window.")
    public Elasticities.Elasticity one(@PathParam("productId") UUID productId) {
        return elasticities.one(productId);
    }
}
