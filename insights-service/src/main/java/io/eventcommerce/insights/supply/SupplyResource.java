package io.eventcommerce.insights.supply;

import io.eventcommerce.servicekit.rest.Page;
import io.eventcommerce.servicekit.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.UUID;

/** Purchase orders as purchasing needs to see them: open, on order, received, and how far deliveries varied. */
@Path("/reports/supply")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Product reports")
@RolesAllowed({Roles.ANALYST, Roles.ADMIN, Roles.CATALOG_MANAGER})
public class SupplyResource {

    /** The longest period a report covers, as for daily sales. */
    static final int MAX_DAYS = 731;

    private final SupplyReports reports;

    public SupplyResource(SupplyReports reports) {
        this.reports = reports;
    }

    @GET
    @Operation(summary = "Supply: open purchase orders, units on order (paged), receipts and variance",
            description = "From catalog.purchase-order. openOrders: count, ordered and outstanding value per status "
                    + "(DRAFT to PARTIALLY_RECEIVED) and currency. onOrder: units not yet received of SUBMITTED, "
                    + "APPROVED and PARTIALLY_RECEIVED orders per product and warehouse, most first, paged; "
                    + "productId and warehouseId filter it. receipts and variance: the orders that became RECEIVED "
                    + "in the last `days` days (default 30, at most 731): units and value received, received "
                    + "against ordered quantity and cost, orders received after their expected day.")
    public SupplyReports.SupplyReport supply(
            @QueryParam("days") @DefaultValue("30") @Min(1) @Max(MAX_DAYS) int days,
            @QueryParam("productId") UUID productId,
            @QueryParam("warehouseId") UUID warehouseId,
            @QueryParam("page") @DefaultValue("0") @Min(0) @Max(Page.MAX_PAGE) int page,
            @QueryParam("size") @DefaultValue(Page.DEFAULT_SIZE) @Min(1) @Max(Page.MAX_SIZE) int size) {
        return reports.report(days, productId, warehouseId, page, size);
    }
}
