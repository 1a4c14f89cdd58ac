package io.eventcommerce.catalog.inventory.rest;

import io.eventcommerce.catalog.inventory.domain.Warehouse;
import io.eventcommerce.catalog.inventory.service.WarehouseService;
import io.eventcommerce.servicekit.rest.Page;
import io.eventcommerce.servicekit.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
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
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.Instant;
import java.util.UUID;

@Path("/warehouses")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Inventory")
public class WarehouseResource {

    private final WarehouseService warehouses;

    public WarehouseResource(WarehouseService warehouses) {
        this.warehouses = warehouses;
    }

    /** A warehouse as clients send it; the code is fixed at creation (a PUT with another code is refused). */
    public record WarehouseRequest(
            @NotBlank @Size(max = 20) @Pattern(regexp = "[A-Z0-9][A-Z0-9-]*",
                    message = "upper-case letters, digits and '-'") String code,
            @NotBlank @Size(max = 120) String name,
            @NotNull @Pattern(regexp = "[A-Z]{2}", message = "an ISO 3166-1 alpha-2 code such as DE") String country,
            @Size(max = 100) String city,
            @Min(0) @Max(1000) Integer priority,
            Boolean active) {

        WarehouseService.Details details() {
            return new WarehouseService.Details(name.trim(), country, city, priority == null ? 100 : priority,
                    active == null || active);
        }
    }

    public record WarehouseView(UUID id, String code, String name, String country, String city, int priority,
                                boolean active, long version, Instant createdAt, Instant updatedAt) {
        static WarehouseView of(Warehouse w) {
            return new WarehouseView(w.id(), w.code(), w.name(), w.country(), w.city(), w.priority(), w.active(),
                    w.version(), w.createdAt(), w.updatedAt());
        }
    }

    @POST
    @RolesAllowed({Roles.CATALOG_MANAGER, Roles.ADMIN})
    @Operation(summary = "Create a warehouse")
    public Response create(@NotNull @Valid WarehouseRequest request, @Context UriInfo uri) {
        Warehouse warehouse = warehouses.create(request.code(), request.details());
        return Response.created(uri.getAbsolutePathBuilder().path(warehouse.id().toString()).build())
                .entity(WarehouseView.of(warehouse)).build();
    }

    @PUT
    @Path("{id}")
    @RolesAllowed({Roles.CATALOG_MANAGER, Roles.ADMIN})
    @Operation(summary = "Replace a warehouse's editable fields",
            description = "An inactive warehouse keeps its stock but no new order is reserved from it.")
    public WarehouseView update(@PathParam("id") UUID id, @NotNull @Valid WarehouseRequest request) {
        return WarehouseView.of(warehouses.update(id, request.code(), request.details()));
    }

    @GET
    @Path("{id}")
    @RolesAllowed({Roles.CATALOG_MANAGER, Roles.ADMIN, Roles.ANALYST})
    public WarehouseView get(@PathParam("id") UUID id) {
        return WarehouseView.of(warehouses.get(id));
    }

    @GET
    @RolesAllowed({Roles.CATALOG_MANAGER, Roles.ADMIN, Roles.ANALYST})
    public Page<WarehouseView> list(@QueryParam("page") @DefaultValue("0") @Min(0) @Max(Page.MAX_PAGE) int page,
                                    @QueryParam("size") @DefaultValue(Page.DEFAULT_SIZE) @Min(1) @Max(Page.MAX_SIZE)
                                    int size) {
        return warehouses.list(page, size).map(WarehouseView::of);
    }
}
