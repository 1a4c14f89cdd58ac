package io.eventcommerce.catalog.inventory.rest;

import io.eventcommerce.catalog.inventory.rest.StockResource.StockView;
import io.eventcommerce.catalog.inventory.service.InventoryService;
import io.eventcommerce.servicekit.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;
import java.util.UUID;

/** A product's stock over all warehouses. Its own root resource: JAX-RS picks one class per path prefix. */
@Path("/products/{productId}/stock")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Inventory")
public class ProductStockResource {

    private final InventoryService inventory;

    public ProductStockResource(InventoryService inventory) {
        this.inventory = inventory;
    }

    public record ProductStockView(UUID productId, int onHand, int reserved, int available, List<StockView> warehouses) {
    }

    @GET
    @RolesAllowed({Roles.CATALOG_MANAGER, Roles.ADMIN, Roles.ANALYST, Roles.SUPPORT})
    @Operation(summary = "A product's stock in every warehouse that keeps it, with totals")
    public ProductStockView productStock(@PathParam("productId") UUID productId) {
        List<StockView> levels = inventory.forProduct(productId).stream().map(StockView::of).toList();
        return new ProductStockView(productId, levels.stream().mapToInt(StockView::onHand).sum(),
                levels.stream().mapToInt(StockView::reserved).sum(),
                levels.stream().mapToInt(StockView::available).sum(), levels);
    }
}
