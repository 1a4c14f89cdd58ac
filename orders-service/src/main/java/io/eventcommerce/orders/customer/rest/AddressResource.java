package io.eventcommerce.orders.customer.rest;

import io.eventcommerce.orders.customer.domain.CustomerAddress;
import io.eventcommerce.orders.customer.service.AddressBookService;
import io.eventcommerce.orders.order.rest.OrderResource.AddressInput;
import io.eventcommerce.servicekit.audit.PersonalDataReads;
import io.eventcommerce.servicekit.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A customer's address book. Rooted at its own path: JAX-RS matches one root class per request path. */
@Path("/customers/{customerId}/addresses")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Customers")
@RolesAllowed({Roles.CUSTOMER, Roles.SUPPORT, Roles.ADMIN})
public class AddressResource {

    /** What an {@link AddressView} shows of a person (a staff read of it is recorded, PersonalDataReads). */
    static final List<String> PERSONAL_FIELDS = List.of("label", "address");

    private final AddressBookService book;
    private final CustomerAccess access;
    private final PersonalDataReads reads;

    public AddressResource(AddressBookService book, CustomerAccess access, PersonalDataReads reads) {
        this.book = book;
        this.access = access;
        this.reads = reads;
    }

    /** @param label a name for the entry ("Home", "Office") */
    public record AddressEntry(@Size(max = 50) String label,
                               @NotNull @Valid AddressInput address,
                               Boolean defaultShipping,
                               Boolean defaultBilling) {
        AddressBookService.Entry entry() {
            return new AddressBookService.Entry(label, address.toAddress(), Boolean.TRUE.equals(defaultShipping),
                    Boolean.TRUE.equals(defaultBilling));
        }
    }

    public record AddressView(UUID id, UUID customerId, String label, AddressInput address, boolean defaultShipping,
                              boolean defaultBilling, long version, Instant updatedAt) {
        static AddressView of(CustomerAddress a) {
            return new AddressView(a.id(), a.customerId(), a.label(), AddressInput.of(a.address()),
                    a.defaultShipping(), a.defaultBilling(), a.version(), a.updatedAt());
        }
    }

    @POST
    @Operation(summary = "Add an address", description = "The first address becomes the default for shipping and "
            + "billing; making an address a default takes it from the others. At most 50 (409 beyond).")
    public Response add(@PathParam("customerId") UUID customerId, @NotNull @Valid AddressEntry request,
                        @Context UriInfo uri) {
        access.requireOwn(customerId);
        CustomerAddress address = book.add(customerId, request.entry());
        return Response.created(uri.getAbsolutePathBuilder().path(address.id().toString()).build())
                .entity(AddressView.of(address)).build();
    }

    @GET
    @Operation(summary = "The customer's addresses", description = "Oldest first; at most 50, so not paged.")
    public List<AddressView> list(@PathParam("customerId") UUID customerId) {
        access.requireOwn(customerId);
        List<AddressView> addresses = book.list(customerId).stream().map(AddressView::of).toList();
        if (!addresses.isEmpty()) {
            reads.record(PersonalDataReads.Subject.CUSTOMER, customerId, "customer.addresses", PERSONAL_FIELDS);
        }
        return addresses;
    }

    @GET
    @Path("{id}")
    @Operation(summary = "One address")
    public AddressView get(@PathParam("customerId") UUID customerId, @PathParam("id") UUID id) {
        access.requireOwn(customerId);
        AddressView address = AddressView.of(book.get(customerId, id));
        reads.record(PersonalDataReads.Subject.CUSTOMER, customerId, "customer.address", PERSONAL_FIELDS);
        return address;
    }

    @PUT
    @Path("{id}")
    @Operation(summary = "Replace an address", description = "Orders already placed keep the address they copied.")
    public AddressView update(@PathParam("customerId") UUID customerId, @PathParam("id") UUID id,
                              @NotNull @Valid AddressEntry request) {
        access.requireOwn(customerId);
        return AddressView.of(book.update(customerId, id, request.entry()));
    }

    @DELETE
    @Path("{id}")
    @Operation(summary = "Remove an address", description = "Orders already placed keep the address they copied.")
    public Response remove(@PathParam("customerId") UUID customerId, @PathParam("id") UUID id) {
        access.requireOwn(customerId);
        book.remove(customerId, id);
        return Response.noContent().build();
    }
}
