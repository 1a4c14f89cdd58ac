package io.eventcommerce.orders.totals.rest;

import io.eventcommerce.events.orders.DailyOrderTotals;
import io.eventcommerce.orders.totals.service.DailyTotals;
import io.eventcommerce.servicekit.problem.DomainException;
import io.eventcommerce.servicekit.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;

/** Publishing a day's totals again, for reconciliation after a late change or a lost checkpoint (admins). */
@Path("/admin/daily-totals")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Admin")
@RolesAllowed(Roles.ADMIN)
public class DailyTotalsResource {

    private final DailyTotals totals;

    public DailyTotalsResource(DailyTotals totals) {
        this.totals = totals;
    }

    @POST
    @Path("/{day}")
    @Operation(summary = "Publish a closed UTC day's order totals (DailyOrderTotals) now (admin)",
            description = "Reads the day's figures from the orders and payments as they are now and publishes them on "
                    + "orders.totals with a new computedAt; returns the event's data. 422 for a malformed day "
                    + "(yyyy-MM-dd) or one not closed yet (today or later). docs/reconciliation.md.")
    public DailyOrderTotals republish(@PathParam("day") String day) {
        return totals.republish(parse(day));
    }

    private static LocalDate parse(String day) {
        try {
            return LocalDate.parse(day);
        } catch (DateTimeParseException e) {
            throw DomainException.invalid("day", "a date yyyy-MM-dd");
        }
    }
}
