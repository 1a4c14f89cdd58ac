package io.eventcommerce.insights.reports.rest;

import io.eventcommerce.insights.reports.service.ProductReports;
import io.eventcommerce.insights.reports.service.ProductReports.ProductSort;
import io.eventcommerce.servicekit.rest.Page;
import io.eventcommerce.servicekit.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;
import java.util.Locale;
import java.util.UUID;

/** Products, categories and inventory for analysts, admins and catalog managers (what purchasing needs). */
@Path("/reports")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Product reports")
@RolesAllowed({Roles.ANALYST, Roles.ADMIN, Roles.CATALOG_MANAGER})
public class ProductReportResource {

    private final ProductReports reports;

    public ProductReportResource(ProductReports reports) {
        this.reports = reports;
    }

    @GET
    @Path("products")
    @Operation(summary = "Product performance, best first (sort=revenue, units, margin or returns), paged",
            description = "Paid units and line revenue (before order discounts), returned units (returned or "
                    + "cancelled after payment), net figures and the margin at the product's current cost (null "
                    + "while unknown). categoryId filters.")
    public Page<ProductReports.ProductPerformance> products(
            @QueryParam("sort") @DefaultValue("revenue") @Pattern(regexp = "(?i)revenue|units|margin|returns",
                    message = "revenue, units, margin or returns") String sort,
            @QueryParam("categoryId") UUID categoryId,
            @QueryParam("page") @DefaultValue("0") @Min(0) @Max(Page.MAX_PAGE) int page,
            @QueryParam("size") @DefaultValue(Page.DEFAULT_SIZE) @Min(1) @Max(Page.MAX_SIZE) int size) {
        return reports.products(ProductSort.valueOf(sort.toUpperCase(Locale.ROOT)), categoryId, page, size);
    }

    @GET
    @Path("categories")
    @Operation(summary = "Category performance: the products' figures summed per category, best first",
            description = "categoryId null collects products whose catalog event has not arrived yet; margin sums "
                    + "the products with a known cost (revenueWithKnownCost says how much of the revenue that is).")
    public List<ProductReports.CategoryPerformance> categories() {
        return reports.categories();
    }

    @GET
    @Path("inventory")
    @Operation(summary = "Inventory value per warehouse and product with ABC classes, most valuable first, paged",
            description = "Value = on hand x cost (price where the cost is unknown). Classes over all rows at read "
                    + "time: A while the value before a row is under 80 % of the total, B under 95 %, C the rest. "
                    + "warehouseId and abcClass filter.")
    public Page<ProductReports.InventoryItem> inventory(
            @QueryParam("warehouseId") UUID warehouseId,
            @QueryParam("abcClass") @Pattern(regexp = "A|B|C", message = "A, B or C") String abcClass,
            @QueryParam("page") @DefaultValue("0") @Min(0) @Max(Page.MAX_PAGE) int page,
            @QueryParam("size") @DefaultValue(Page.DEFAULT_SIZE) @Min(1) @Max(Page.MAX_SIZE) int size) {
        return reports.inventory(warehouseId, abcClass, page, size);
    }
}
