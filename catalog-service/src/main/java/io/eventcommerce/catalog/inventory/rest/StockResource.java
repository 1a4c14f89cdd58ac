package io.eventcommerce.catalog.inventory.rest;

import io.eventcommerce.catalog.inventory.domain.InventoryMovement;
import io.eventcommerce.catalog.inventory.domain.MovementType;
import io.eventcommerce.catalog.inventory.domain.StockKey;
import io.eventcommerce.catalog.inventory.domain.StockLevel;
import io.eventcommerce.catalog.inventory.service.InventoryService;
import io.eventcommerce.servicekit.problem.ApiException;
import io.eventcommerce.servicekit.rest.Page;
import io.eventcommerce.servicekit.security.Caller;
import io.eventcommerce.servicekit.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Stock per warehouse and product, and its ledger. */
@Path("/warehouses/{warehouseId}/stock")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Inventory")
public class StockResource {

    private final InventoryService inventory;
    private final Caller caller;

    public StockResource(InventoryService inventory, Caller caller) {
        this.inventory = inventory;
        this.caller = caller;
    }

    public record ThresholdsRequest(@NotNull @Min(0) @Max(10_000_000) Integer minStock,
                                    @NotNull @Min(0) @Max(10_000_000) Integer maxStock,
                                    @NotNull @Min(0) @Max(10_000_000) Integer reorderPoint,
                                    @NotNull @Min(0) @Max(365) Integer leadTimeDays) {
    }

    /** A manual ledger entry. Shipments are recorded by the order saga, not by hand. */
    public record MovementRequest(
            @NotNull @Pattern(regexp = "RECEIPT|ADJUSTMENT|RETURN", message = "RECEIPT, ADJUSTMENT or RETURN")
            String type,
            @NotNull @Min(-1_000_000) @Max(1_000_000) Integer quantity,
            @Size(max = 500) String note) {
    }

    public record StockView(UUID warehouseId, UUID productId, int onHand, int reserved, int available, int minStock,
                            int maxStock, int reorderPoint, int leadTimeDays, boolean belowReorderPoint, long version,
                            Instant updatedAt) {
        static StockView of(StockLevel s) {
            StockLevel.Thresholds t = s.thresholds();
            return new StockView(s.id().warehouseId(), s.id().productId(), s.onHand(), s.reserved(), s.available(),
                    t.minStock(), t.maxStock(), t.reorderPoint(), t.leadTimeDays(),
                    s.available() <= t.reorderPoint(), s.version(), s.updatedAt());
        }
    }

    public record MovementView(long id, UUID warehouseId, UUID productId, String type, int quantity, int onHandAfter,
                               String referenceType, UUID referenceId, String note, String actor, Instant occurredAt) {
        static MovementView of(InventoryMovement m) {
            return new MovementView(m.id(), m.warehouseId(), m.productId(), m.type().name(), m.quantity(),
                    m.onHandAfter(), m.referenceType(), m.referenceId(), m.note(), m.actor(), m.occurredAt());
        }
    }

    @PUT
    @Path("{productId}")
    @RolesAllowed({Roles.CATALOG_MANAGER, Roles.ADMIN})
    @Operation(summary = "Keep a product in a warehouse, or change its planning parameters",
            description = "Creates the stock level with nothing on hand if it does not exist. Publishes "
                    + "StockLevelChanged on catalog.inventory.")
    public StockView setThresholds(@PathParam("warehouseId") UUID warehouseId, @PathParam("productId") UUID productId,
                                   @NotNull @Valid ThresholdsRequest request) {
        if (request.maxStock() < request.minStock()) {
            throw ApiException.invalidField("maxStock", "must not be less than minStock");
        }
        return StockView.of(inventory.setThresholds(new StockKey(warehouseId, productId), new StockLevel.Thresholds(
                request.minStock(), request.maxStock(), request.reorderPoint(), request.leadTimeDays())));
    }

    @POST
    @Path("{productId}/movements")
    @RolesAllowed({Roles.CATALOG_MANAGER, Roles.ADMIN})
    @Operation(summary = "Record a receipt, adjustment or return",
            description = "Changes on-hand and appends to the ledger in one transaction. 409 if on-hand would drop "
                    + "below zero or below what is reserved for orders. Publishes StockLevelChanged.")
    public Response move(@PathParam("warehouseId") UUID warehouseId, @PathParam("productId") UUID productId,
                         @NotNull @Valid MovementRequest request) {
        MovementType type = MovementType.valueOf(request.type());
        if (!type.allows(request.quantity())) {
            throw ApiException.invalidField("quantity", type == MovementType.ADJUSTMENT ? "must not be 0"
                    : "must be positive for a " + type);
        }
        InventoryMovement movement = inventory.move(new StockKey(warehouseId, productId), type, request.quantity(),
                null, request.note(), caller.name());
        return Response.status(Response.Status.CREATED).entity(MovementView.of(movement)).build();
    }

    @GET
    @RolesAllowed({Roles.CATALOG_MANAGER, Roles.ADMIN, Roles.ANALYST})
    @Operation(summary = "The stock kept in a warehouse",
            description = "belowReorderPoint=true lists only products whose available stock is at or below the "
                    + "reorder point.")
    public Page<StockView> warehouseStock(@PathParam("warehouseId") UUID warehouseId,
                                          @QueryParam("belowReorderPoint") @DefaultValue("false") boolean below,
                                          @QueryParam("page") @DefaultValue("0") @Min(0) @Max(Page.MAX_PAGE) int page,
                                          @QueryParam("size") @DefaultValue(Page.DEFAULT_SIZE) @Min(1)
                                          @Max(Page.MAX_SIZE) int size) {
        return inventory.forWarehouse(warehouseId, below, page, size).map(StockView::of);
    }

    @GET
    @Path("{productId}/movements")
    @RolesAllowed({Roles.CATALOG_MANAGER, Roles.ADMIN, Roles.ANALYST})
    @Operation(summary = "The ledger of one product in one warehouse, newest first")
    public Page<MovementView> movements(@PathParam("warehouseId") UUID warehouseId,
                                        @PathParam("productId") UUID productId,
                                        @QueryParam("page") @DefaultValue("0") @Min(0) @Max(Page.MAX_PAGE) int page,
                                        @QueryParam("size") @DefaultValue(Page.DEFAULT_SIZE) @Min(1)
                                        @Max(Page.MAX_SIZE) int size) {
        return inventory.movements(new StockKey(warehouseId, productId), page, size).map(MovementView::of);
    }
}
