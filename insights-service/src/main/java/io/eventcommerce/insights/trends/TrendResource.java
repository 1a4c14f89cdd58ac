package io.eventcommerce.insights.trends;

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

import java.util.List;
import java.util.Locale;

/** Market trends per product, category and region, as the last trends run tested them. */
@Path("/trends")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Market trends")
@RolesAllowed({Roles.ANALYST, Roles.ADMIN})
public class TrendResource {

    private static final String LEVEL = "(?i)PRODUCT|CATEGORY|REGION";

    private final MarketTrends trends;

    public TrendResource(MarketTrends trends) {
        this.trends = trends;
    }

    @GET
    @Operation(summary = "Trends of one level (PRODUCT, CATEGORY or REGION), most significant first, paged",
            description = "Mann-Kendall on weekly paid units (metric=UNITS, the default) or revenue (REVENUE) "
                    + "over the last 52 full weeks from the series' first sale: direction GROWTH, DECLINE or "
                    + "NO_TREND at 5 %, Sen's slope per week, p-value, seasonal strength. direction filters.")
    public Page<MarketTrends.Trend> list(
            @QueryParam("level") @DefaultValue("PRODUCT") @Pattern(regexp = LEVEL,
                    message = "PRODUCT, CATEGORY or REGION") String level,
            @QueryParam("metric") @DefaultValue("UNITS") @Pattern(regexp = "(?i)UNITS|REVENUE",
                    message = "UNITS or REVENUE") String metric,
            @QueryParam("direction") @Pattern(regexp = "(?i)GROWTH|DECLINE|NO_TREND",
                    message = "GROWTH, DECLINE or NO_TREND") String direction,
            @QueryParam("page") @DefaultValue("0") @Min(0) @Max(Page.MAX_PAGE) int page,
            @QueryParam("size") @DefaultValue(Page.DEFAULT_SIZE) @Min(1) @Max(Page.MAX_SIZE) int size) {
        return trends.list(upper(level), upper(metric), direction == null ? "" : upper(direction), page, size);
    }

    @GET
    @Path("{level}/{key}")
    @Operation(summary = "One series' trends, units and revenue",
            description = "key: a product id, a category id or a region (NA, LATAM, EU, MEA, APAC, OTHER). 404 "
                    + "when the last run tested no such series (fewer than four weeks from its first sale).")
    public List<MarketTrends.Trend> one(
            @PathParam("level") @Pattern(regexp = LEVEL, message = "PRODUCT, CATEGORY or REGION") String level,
            @PathParam("key") @Pattern(regexp = "[A-Za-z0-9-]{1,36}", message = "an id or a region") String key) {
        return trends.one(upper(level), upper(level).equals("REGION") ? upper(key) : key.toLowerCase(Locale.ROOT));
    }

    private static String upper(String value) {
        return value.toUpperCase(Locale.ROOT);
    }
}
