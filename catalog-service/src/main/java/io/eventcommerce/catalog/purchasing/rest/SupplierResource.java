package io.eventcommerce.catalog.purchasing.rest;

import io.eventcommerce.catalog.purchasing.domain.Supplier;
import io.eventcommerce.catalog.purchasing.domain.SupplierStatus;
import io.eventcommerce.catalog.purchasing.service.SupplierService;
import io.eventcommerce.servicekit.rest.Page;
import io.eventcommerce.servicekit.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
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

@Path("/suppliers")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Purchasing")
public class SupplierResource {

    private final SupplierService suppliers;

    public SupplierResource(SupplierService suppliers) {
        this.suppliers = suppliers;
    }

    /**
     * A supplier as clients send it, to register it (POST) or to replace its fields (PUT).
     *
     * @param leadTimeDays days from order to arrival, usually; 14 when absent
     */
    public record SupplierRequest(
            @NotBlank @Size(max = 200) String name,
            @NotBlank @Email @Size(max = 254) String email,
            @NotNull @Pattern(regexp = "[A-Z]{2}", message = "an ISO 3166-1 alpha-2 code such as DE") String country,
            @Min(0) @Max(365) Integer leadTimeDays,
            @Pattern(regexp = "ACTIVE|INACTIVE", message = "ACTIVE or INACTIVE") String status) {

        Supplier.Details details() {
            return new Supplier.Details(name.trim(), email, country, leadTimeDays == null ? 14 : leadTimeDays,
                    status == null ? SupplierStatus.ACTIVE : SupplierStatus.valueOf(status));
        }
    }

    public record SupplierView(UUID id, String name, String email, String country, int leadTimeDays, String status,
                               long version, Instant createdAt, Instant updatedAt) {
        static SupplierView of(Supplier s) {
            return new SupplierView(s.id(), s.name(), s.email(), s.country(), s.leadTimeDays(), s.status().name(),
                    s.version(), s.createdAt(), s.updatedAt());
        }
    }

    @POST
    @RolesAllowed({Roles.CATALOG_MANAGER, Roles.ADMIN})
    @Operation(summary = "Register a supplier", description = "409 if another supplier has the e-mail address "
            + "(compared case-insensitively).")
    public Response create(@NotNull @Valid SupplierRequest request, @Context UriInfo uri) {
        Supplier supplier = suppliers.create(request.details());
        return Response.created(uri.getAbsolutePathBuilder().path(supplier.id().toString()).build())
                .entity(SupplierView.of(supplier)).build();
    }

    @PUT
    @Path("{id}")
    @RolesAllowed({Roles.CATALOG_MANAGER, Roles.ADMIN})
    @Operation(summary = "Replace a supplier's fields", description = "An INACTIVE supplier's purchase orders go "
            + "on, but no new one can be written or submitted to it.")
    public SupplierView update(@PathParam("id") UUID id, @NotNull @Valid SupplierRequest request) {
        return SupplierView.of(suppliers.update(id, request.details()));
    }

    @GET
    @Path("{id}")
    @RolesAllowed({Roles.CATALOG_MANAGER, Roles.ADMIN, Roles.ANALYST})
    @Operation(summary = "A supplier")
    public SupplierView get(@PathParam("id") UUID id) {
        return SupplierView.of(suppliers.get(id));
    }

    @GET
    @RolesAllowed({Roles.CATALOG_MANAGER, Roles.ADMIN, Roles.ANALYST})
    @Operation(summary = "Suppliers by name, page by page")
    public Page<SupplierView> list(@QueryParam("status") @Pattern(regexp = "ACTIVE|INACTIVE",
                                           message = "ACTIVE or INACTIVE") String status,
                                   @QueryParam("page") @DefaultValue("0") @Min(0) @Max(Page.MAX_PAGE) int page,
                                   @QueryParam("size") @DefaultValue(Page.DEFAULT_SIZE) @Min(1) @Max(Page.MAX_SIZE)
                                   int size) {
        return suppliers.list(status == null ? null : SupplierStatus.valueOf(status), page, size)
                .map(SupplierView::of);
    }
}
