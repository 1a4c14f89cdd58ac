package io.eventcommerce.insights.reports.rest;

import io.eventcommerce.insights.reports.service.SalesReports;
import io.eventcommerce.insights.reports.service.SalesReports.CustomerSort;
import io.eventcommerce.servicekit.rest.Page;
import io.eventcommerce.servicekit.security.Roles;
import io.eventcommerce.servicekit.time.Timestamps;
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

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/** The sales read models for analysts and admins: days, statuses, customers, cohorts. */
@Path("/reports")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Sales reports")
@RolesAllowed({Roles.ANALYST, Roles.ADMIN})
public class SalesReportResource {

    private final SalesReports reports;

    public SalesReportResource(SalesReports reports) {
        this.reports = reports;
    }

    @GET
    @Path("daily-sales")
    @Operation(summary = "Daily sales as a chart series: one point per UTC day from..to, with totals",
            description = "Paid orders by the day they were placed: orders, units, gross (subtotal), discounts, net, "
                    + "average order value (net / orders); refunds by the day they were made. channel and country "
                    + "(ISO 3166 alpha-2, the shipping address's) filter. Default: the last 30 days; at most 731 "
                    + "days; from after to is 422.")
    public SalesReports.DailySeries dailySales(
            @QueryParam("from") String from, @QueryParam("to") String to,
            @QueryParam("channel") @Pattern(regexp = "[A-Z_]{1,20}", message = "a channel such as WEB")
            String channel,
            @QueryParam("country") @Pattern(regexp = "[A-Z]{2}", message = "ISO 3166 alpha-2") String country) {
        LocalDate today = Timestamps.now().atOffset(ZoneOffset.UTC).toLocalDate();
        LocalDate until = ReportParameters.day("to", to, today);
        return reports.dailySales(ReportParameters.day("from", from, until.minusDays(29)), until, channel, country);
    }

    @GET
    @Path("order-status")
    @Operation(summary = "Orders and revenue (net) by current order status",
            description = "Every order placed is in exactly one status; an order moves when its status changes.")
    public List<SalesReports.StatusTotal> orderStatus() {
        return reports.orderStatus();
    }

    @GET
    @Path("customers")
    @Operation(summary = "Customers' order summaries, best first (sort=revenue, orders or last_order), paged",
            description = "Customers with at least one paid order; revenue is the net of their paid orders, refunds "
                    + "what was refunded of them.")
    public Page<SalesReports.CustomerSummary> customers(
            @QueryParam("sort") @DefaultValue("revenue") @Pattern(regexp = "(?i)revenue|orders|last_order",
                    message = "revenue, orders or last_order") String sort,
            @QueryParam("page") @DefaultValue("0") @Min(0) @Max(Page.MAX_PAGE) int page,
            @QueryParam("size") @DefaultValue(Page.DEFAULT_SIZE) @Min(1) @Max(Page.MAX_SIZE) int size) {
        return reports.customers(CustomerSort.valueOf(sort.toUpperCase(Locale.ROOT)), page, size);
    }

    @GET
    @Path("customers/{customerId}")
    @Operation(summary = "One customer's order summary: first and last order, orders, revenue, refunds",
            description = "404 for a customer insights has seen no event of.")
    public SalesReports.CustomerSummary customer(@PathParam("customerId") UUID customerId) {
        return reports.customer(customerId);
    }

    @GET
    @Path("cohorts")
    @Operation(summary = "Monthly cohort retention: customers by the month of their first paid order, and how many "
            + "of them ordered in each later month",
            description = "from and to (YYYY-MM) bound the cohorts' months; default: the last 12 months.")
    public List<SalesReports.Cohort> cohorts(@QueryParam("from") String from, @QueryParam("to") String to) {
        LocalDate thisMonth = Timestamps.now().atOffset(ZoneOffset.UTC).toLocalDate().withDayOfMonth(1);
        LocalDate until = ReportParameters.month("to", to, thisMonth);
        return reports.cohorts(ReportParameters.month("from", from, until.minusMonths(11)), until);
    }
}
