package io.eventcommerce.insights.reconciliation.rest;

import io.eventcommerce.insights.reconciliation.service.ReconciliationResults;
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

/** How the read models compare with the source's daily totals, for analysts and admins (docs/reconciliation.md). */
@Path("/reconciliation")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Reconciliation")
@RolesAllowed({Roles.ANALYST, Roles.ADMIN})
public class ReconciliationResource {

    private final ReconciliationResults results;

    public ReconciliationResource(ReconciliationResults results) {
        this.results = results;
    }

    @GET
    @Operation(summary = "The latest reconciliation of each checkpointed day, newest first",
            description = "Per UTC day: DIFFERENCE if any figure differs from orders-service's checkpoint, the "
                    + "numbers of figures, differences and alerted figures, the checkpoint's computedAt and the "
                    + "run's time. status filters (MATCH or DIFFERENCE).")
    public Page<ReconciliationResults.DaySummary> days(
            @QueryParam("status") @Pattern(regexp = "MATCH|DIFFERENCE", message = "MATCH or DIFFERENCE")
            String status,
            @QueryParam("page") @DefaultValue("0") @Min(0) @Max(Page.MAX_PAGE) int page,
            @QueryParam("size") @DefaultValue(Page.DEFAULT_SIZE) @Min(1) @Max(Page.MAX_SIZE) int size) {
        return results.days(status, page, size);
    }

    @GET
    @Path("{day}")
    @Operation(summary = "A day's reconciliation, figure by figure",
            description = "Each figure (e.g. sales.net[EUR] from the order facts, daily_sales.net from the dashboard's "
                    + "table) with the source's value, the read model's as of the checkpoint, their difference, "
                    + "MATCH or DIFFERENCE, since when and for how many runs, and when its alert was raised. 404 for "
                    + "a day not reconciled yet; 422 for a malformed day (YYYY-MM-DD).")
    public ReconciliationResults.DayResult day(@PathParam("day") String day) {
        try {
            return results.day(LocalDate.parse(day));
        } catch (DateTimeException e) {
            throw DomainException.invalid("day", "a day as YYYY-MM-DD");
        }
    }
}
