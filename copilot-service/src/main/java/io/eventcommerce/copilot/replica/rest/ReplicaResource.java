package io.eventcommerce.copilot.replica.rest;

import io.eventcommerce.copilot.replica.service.ReplicaSummary;
import io.eventcommerce.servicekit.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** How far the analytic replica is filled: what a person asking questions checks before trusting an answer. */
@Path("/replica")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Analytic replica")
@RolesAllowed({Roles.ANALYST, Roles.ADMIN, Roles.CATALOG_MANAGER, Roles.SUPPORT})
public class ReplicaResource {

    private final ReplicaSummary summary;

    public ReplicaResource(ReplicaSummary summary) {
        this.summary = summary;
    }

    @GET
    @Operation(summary = "Rows per replica table and the latest order placed (analyst, admin, catalog-manager,"
            + " support)",
            description = "The tables the questions read (dim_date, dim_category, dim_product, dim_customer, "
                    + "fact_order, fact_order_line) with their row counts, and the placing time of the newest order.")
    public ReplicaSummary.Summary summary() {
        return summary.now();
    }
}
