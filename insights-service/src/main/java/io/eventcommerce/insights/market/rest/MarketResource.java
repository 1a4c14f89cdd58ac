package io.eventcommerce.insights.market.rest;

import io.eventcommerce.insights.market.domain.PeriodKind;
import io.eventcommerce.insights.market.service.MarketPulse;
import io.eventcommerce.analytics.geo.Regions;
import io.eventcommerce.insights.sales.domain.SaleCountry;
import io.eventcommerce.servicekit.problem.DomainException;
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

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

/** The Global Market Pulse as the last market-pulse run computed it: regions, countries, opportunities. */
@Path("/market")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Market pulse")
@RolesAllowed({Roles.ANALYST, Roles.ADMIN})
public class MarketResource {

    private static final String UUID_PATTERN =
            "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}";
    private static final String PERIOD = "(?i)week|month|year";
    private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());

    private final MarketPulse pulse;

    public MarketResource(MarketPulse pulse) {
        this.pulse = pulse;
    }

    @GET
    @Path("regions")
    @Operation(summary = "One period's regions with their countries' figures",
            description = "period=week (ISO), month (the default) or year; day= picks the period containing that "
                    + "day (YYYY-MM-DD), else the latest complete one. Per region and currency, and per country under "
                    + "it: net revenue of counted sales, orders, distinct customers, average order value, growth "
                    + "against the previous period and the same period a year earlier (ratios, null from 0) and share "
                    + "of the currency's total revenue; totals per currency. Nothing is converted between currencies.")
    public MarketPulse.RegionsReport regions(
            @QueryParam("period") @DefaultValue("month") @Pattern(regexp = PERIOD, message = "week, month or year")
            String period,
            @QueryParam("day") String day) {
        return pulse.regions(period(period), day(day));
    }

    @GET
    @Path("countries/{country}")
    @Operation(summary = "A country's figures over the stored periods, as a chart",
            description = "Per currency a series of points, oldest first: day = the period's first day, value = its "
                    + "net revenue, with orders, customers, averageOrderValue, growth, growthYearOverYear and "
                    + "shareOfTotal. country: ISO 3166 alpha-2 (ZZ: unknown), else 422; 404 when the last run stored "
                    + "no figures for it.")
    public MarketPulse.CountrySeries country(
            @PathParam("country") String country,
            @QueryParam("period") @DefaultValue("month") @Pattern(regexp = PERIOD, message = "week, month or year")
            String period) {
        return pulse.country(country(country), period(period));
    }

    @GET
    @Path("opportunities")
    @Operation(summary = "Market × category opportunities, best first, paged",
            description = "level=COUNTRY (the default) or REGION; filters region, country, categoryId, currency. "
                    + "Score = size × growth × penetration × price position over the last 28 days, each normalised to "
                    + "(0, 1]; rank 1 is the best of its level; the explanation names the figures. pricePosition is "
                    + "our price / the competitors' mean in the market's region and the category from the latest "
                    + "competitor analysis (1 = level), scored 1 / (1 + position^4): cheaper scores higher; null "
                    + "without competitor prices, then pricePositionScore is the neutral 0.5.")
    public Page<MarketPulse.OpportunityView> opportunities(
            @QueryParam("level") @DefaultValue("COUNTRY") @Pattern(regexp = "(?i)COUNTRY|REGION",
                    message = "COUNTRY or REGION") String level,
            @QueryParam("region") String region,
            @QueryParam("country") String country,
            @QueryParam("categoryId") @Pattern(regexp = UUID_PATTERN, message = "a category id (UUID)")
            String categoryId,
            @QueryParam("currency") @Pattern(regexp = "[A-Za-z]{3}", message = "an ISO 4217 code") String currency,
            @QueryParam("page") @DefaultValue("0") @Min(0) @Max(Page.MAX_PAGE) int page,
            @QueryParam("size") @DefaultValue(Page.DEFAULT_SIZE) @Min(1) @Max(Page.MAX_SIZE) int size) {
        String theCountry = country == null || country.isBlank() ? "" : country(country);
        String theLevel = theCountry.isEmpty() ? upper(level) : "COUNTRY";
        String theCategory = categoryId == null ? "" : categoryId.toLowerCase(Locale.ROOT);
        return pulse.opportunities(new MarketPulse.OpportunityFilter(theLevel, region(region), theCountry,
                theCategory, currency == null ? "" : upper(currency)), page, size);
    }

    @GET
    @Path("opportunities/{id}")
    @Operation(summary = "One opportunity with the figures behind it",
            description = "The ranked row and its figures: the category's revenue in the market over the window, "
                    + "the window before and a year earlier, the category's, the market's and the total revenue, the "
                    + "shares and every component's value, score and inputs (the price position's: region, products "
                    + "watched, undercut, the competitor-analysis run). The id stays the same across runs; 404 "
                    + "when the last run did not score it.")
    public MarketPulse.OpportunityDetail opportunity(@PathParam("id") UUID id) {
        return pulse.opportunity(id.toString());
    }

    private static PeriodKind period(String value) {
        return PeriodKind.parse(value).orElseThrow(() -> DomainException.invalid("period", "week, month or year"));
    }

    private static LocalDate day(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value);
        } catch (DateTimeException e) {
            throw DomainException.invalid("day", "a day as YYYY-MM-DD");
        }
    }

    private static String country(String value) {
        String code = value.toUpperCase(Locale.ROOT);
        if (!code.equals(SaleCountry.UNKNOWN) && !COUNTRIES.contains(code)) {
            throw DomainException.invalid("country", "an ISO 3166 alpha-2 country code");
        }
        return code;
    }

    private static String region(String value) {
        if (value == null || value.isBlank()) {
            return "";
        }
        String code = value.toUpperCase(Locale.ROOT);
        if (!Regions.ALL.contains(code)) {
            throw DomainException.invalid("region", "one of " + String.join(", ", new TreeSet<>(Regions.ALL)));
        }
        return code;
    }

    private static String upper(String value) {
        return value.toUpperCase(Locale.ROOT);
    }
}
