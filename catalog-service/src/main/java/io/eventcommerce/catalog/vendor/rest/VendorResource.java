package io.eventcommerce.catalog.vendor.rest;

import io.eventcommerce.catalog.vendor.domain.Vendor;
import io.eventcommerce.catalog.vendor.domain.VendorStatus;
import io.eventcommerce.catalog.vendor.service.VendorService;
import io.eventcommerce.servicekit.audit.PersonalDataReads;
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
import java.util.List;
import java.util.UUID;

@Path("/vendors")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Vendors")
public class VendorResource {

    /**
     * What a {@link VendorView} shows of the person behind a vendor (often a sole trader): a read by anyone but the
     * vendor itself is recorded (PersonalDataReads).
     */
    static final List<String> PERSONAL_FIELDS = List.of("name", "email", "phone", "taxId", "address");

    private final VendorService vendors;
    private final VendorAccess access;
    private final PersonalDataReads reads;

    public VendorResource(VendorService vendors, VendorAccess access, PersonalDataReads reads) {
        this.vendors = vendors;
        this.access = access;
        this.reads = reads;
    }

    /** A vendor as clients send it, to register it (POST) or to replace its editable fields (PUT). */
    public record VendorRequest(
            @NotBlank @Size(max = 200) String name,
            @NotBlank @Email @Size(max = 254) String email,
            @Size(max = 30) @Pattern(regexp = "\\+?[0-9][0-9 ()./-]*", message = "digits, spaces and ()./- only, "
                    + "optionally after a leading +") String phone,
            @Size(max = 200) String businessName,
            @Size(max = 50) String taxId,
            @Size(max = 200) String addressLine1,
            @Size(max = 200) String addressLine2,
            @Size(max = 100) String city,
            @Size(max = 100) String region,
            @Size(max = 20) String postalCode,
            @NotNull @Pattern(regexp = "[A-Z]{2}", message = "an ISO 3166-1 alpha-2 code such as DE") String country,
            @Pattern(regexp = "ACTIVE|SUSPENDED", message = "ACTIVE or SUSPENDED") String status) {

        Vendor.Details details() {
            return new Vendor.Details(name.trim(), email, phone, businessName, taxId, addressLine1, addressLine2, city,
                    region, postalCode, country, status == null ? VendorStatus.ACTIVE : VendorStatus.valueOf(status));
        }
    }

    public record VendorView(UUID id, String name, String email, String phone, String businessName, String taxId,
                             String addressLine1, String addressLine2, String city, String region, String postalCode,
                             String country, String status, long version, Instant createdAt, Instant updatedAt) {

        static VendorView of(Vendor v) {
            return new VendorView(v.id(), v.name(), v.email(), v.phone(), v.businessName(), v.taxId(),
                    v.addressLine1(), v.addressLine2(), v.city(), v.region(), v.postalCode(), v.country(),
                    v.status().name(), v.version(), v.createdAt(), v.updatedAt());
        }
    }

    @POST
    @RolesAllowed({Roles.CATALOG_MANAGER, Roles.ADMIN})
    @Operation(summary = "Register a vendor", description = "409 if another vendor has the e-mail address "
            + "(compared case-insensitively).")
    public Response create(@NotNull @Valid VendorRequest request, @Context UriInfo uri) {
        Vendor vendor = vendors.create(request.details());
        return Response.created(uri.getAbsolutePathBuilder().path(vendor.id().toString()).build())
                .entity(VendorView.of(vendor)).build();
    }

    @PUT
    @Path("{id}")
    @RolesAllowed({Roles.CATALOG_MANAGER, Roles.ADMIN})
    @Operation(summary = "Replace a vendor's editable fields",
            description = "A SUSPENDED vendor keeps its products but cannot upload new ones.")
    public VendorView update(@PathParam("id") UUID id, @NotNull @Valid VendorRequest request) {
        return VendorView.of(vendors.update(id, request.details()));
    }

    @GET
    @Path("{id}")
    @RolesAllowed({Roles.CATALOG_MANAGER, Roles.ADMIN, Roles.SUPPORT, Roles.VENDOR})
    @Operation(summary = "A vendor", description = "A vendor reads only itself; another vendor's id answers 404.")
    public VendorView get(@PathParam("id") UUID id) {
        access.require(id);
        VendorView vendor = VendorView.of(vendors.get(id));
        reads.record(PersonalDataReads.Subject.VENDOR, id, "vendor", PERSONAL_FIELDS);
        return vendor;
    }

    @GET
    @RolesAllowed({Roles.CATALOG_MANAGER, Roles.ADMIN, Roles.SUPPORT})
    @Operation(summary = "Vendors by name, page by page")
    public Page<VendorView> list(@QueryParam("status") @Pattern(regexp = "ACTIVE|SUSPENDED",
                                         message = "ACTIVE or SUSPENDED") String status,
                                 @QueryParam("page") @DefaultValue("0") @Min(0) @Max(Page.MAX_PAGE) int page,
                                 @QueryParam("size") @DefaultValue(Page.DEFAULT_SIZE) @Min(1) @Max(Page.MAX_SIZE)
                                 int size) {
        Page<VendorView> found = vendors.list(status == null ? null : VendorStatus.valueOf(status), page, size)
                .map(VendorView::of);
        reads.recordAll(PersonalDataReads.Subject.VENDOR, found.items().stream().map(VendorView::id).toList(),
                "vendor", PERSONAL_FIELDS);
        return found;
    }
}
