package io.eventcommerce.insights.forecast.rest;

import io.eventcommerce.insights.forecast.service.Forecasts;
import io.eventcommerce.insights.forecast.service.Forecasts.ProductSort;
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

import java.util.Locale;
import java.util.UUID;

/** The latest forecast run's demand forecasts, for analysts, admins and catalog managers (purchasing plans by them). */
@Path("/forecasts")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Forecasts")
@RolesAllowed({Roles.ANALYST, Roles.ADMIN, Roles.CATALOG_MANAGER})
public class ForecastResource {

    private static final String CHART = "The last 90 days of paid units (history: day, value) and the forecast days "
            + "(day, value = point forecast, lower80/upper80, lower95/upper95), with the model the backtest chose, "
            + "its MASE and seasonal naive's on the same origins, and the run that wrote it.";

    private final Forecasts forecasts;

    public ForecastResource(Forecasts forecasts) {
        this.forecasts = forecasts;
    }

    @GET
    @Path("products/{productId}")
    @Operation(summary = "A product's demand forecast as a chart", description = CHART
            + " 404 while no run has forecast the product (too little history).")
    public Forecasts.SeriesForecast product(@PathParam("productId") UUID productId) {
        return forecasts.product(productId);
    }

    @GET
    @Path("categories/{categoryId}")
    @Operation(summary = "A category's demand forecast (its products summed) as a chart", description = CHART)
    public Forecasts.SeriesForecast category(@PathParam("categoryId") UUID categoryId) {
        return forecasts.category(categoryId);
    }

    @GET
    @Path("total")
    @Operation(summary = "The whole shop's demand forecast as a chart", description = CHART)
    public Forecasts.SeriesForecast total() {
        return forecasts.total();
    }

    @GET
    @Path("products")
    @Operation(summary = "Forecast products, paged (sort=units, mase or ratio)",
            description = "Per product the model, its backtest MASE, seasonal naive's and the forecast units summed "
                    + "over the horizon. units: most first; mase: most accurate first; ratio: most gain over "
                    + "seasonal naive first.")
    public Page<Forecasts.ProductForecastSummary> products(
            @QueryParam("sort") @DefaultValue("units") @Pattern(regexp = "(?i)units|mase|ratio",
                    message = "units, mase or ratio") String sort,
            @QueryParam("page") @DefaultValue("0") @Min(0) @Max(Page.MAX_PAGE) int page,
            @QueryParam("size") @DefaultValue(Page.DEFAULT_SIZE) @Min(1) @Max(Page.MAX_SIZE) int size) {
        return forecasts.products(ProductSort.valueOf(sort.toUpperCase(Locale.ROOT)), page, size);
    }
}
