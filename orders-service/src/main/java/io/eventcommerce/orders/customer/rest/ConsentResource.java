package io.eventcommerce.orders.customer.rest;

import io.eventcommerce.orders.customer.service.CustomerConsents;
import io.eventcommerce.servicekit.rest.Page;
import io.eventcommerce.servicekit.rest.RequestId;
import io.eventcommerce.servicekit.security.Caller;
import io.eventcommerce.servicekit.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;
import java.util.UUID;

/**
 * A customer's consents to the purposes that need one (GDPR Art. 6(1)(a), 7): the customer reads and changes its
 * own, staff (support, admin) any customer's on the person's word; someone else's id answers 404 (CustomerAccess).
 */
@Path("/customers/{id}/consents")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Customers")
@RolesAllowed({Roles.ADMIN, Roles.SUPPORT, Roles.CUSTOMER})
public class ConsentResource {

    private final CustomerConsents consents;
    private final CustomerAccess access;
    private final Caller caller;
    private final RequestId requestId;

    public ConsentResource(CustomerConsents consents, CustomerAccess access, Caller caller, RequestId requestId) {
        this.consents = consents;
        this.access = access;
        this.caller = caller;
        this.requestId = requestId;
    }

    public record ChangeConsent(@NotNull Boolean granted) {
    }

    @GET
    @Operation(summary = "The customer's consent to every purpose that needs one",
            description = "A purpose never asked is listed as not granted, without a time or source.")
    public List<CustomerConsents.Consent> list(@PathParam("id") UUID id) {
        access.requireOwn(id);
        return consents.current(id);
    }

    @PUT
    @Path("{purpose}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Give or withdraw consent to one purpose",
            description = "A change is kept in the history and published as CustomerConsentChanged on "
                    + "orders.customer; a PUT that changes nothing publishes nothing. 422 for an unknown purpose.")
    public CustomerConsents.Consent change(@PathParam("id") UUID id,
                                           @PathParam("purpose") @Size(max = 64) String purpose,
                                           @NotNull @Valid ChangeConsent request) {
        access.requireOwn(id);
        boolean staff = access.isStaff();
        // The person's own change names no login (it may be their e-mail address): the row's customer id is them.
        return consents.change(id, purpose, request.granted(),
                staff ? CustomerConsents.SOURCE_SUPPORT : CustomerConsents.SOURCE_CUSTOMER,
                staff ? caller.name() : CustomerConsents.SOURCE_CUSTOMER, requestId.value().orElse(null));
    }

    @GET
    @Path("history")
    @Operation(summary = "Every change of the customer's consents, newest first (the evidence of consent)")
    public Page<CustomerConsents.Change> history(
            @PathParam("id") UUID id,
            @QueryParam("page") @DefaultValue("0") @Min(0) @Max(Page.MAX_PAGE) int page,
            @QueryParam("size") @DefaultValue(Page.DEFAULT_SIZE) @Min(1) @Max(Page.MAX_SIZE) int size) {
        access.requireOwn(id);
        return consents.history(id, page, size);
    }
}
