package io.eventcommerce.orders.customer.rest;

import io.eventcommerce.orders.customer.domain.Customer;
import io.eventcommerce.orders.customer.domain.Segment;
import io.eventcommerce.orders.customer.service.CustomerService;
import io.eventcommerce.servicekit.audit.PersonalDataReads;
import io.eventcommerce.servicekit.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
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

@Path("/customers")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Customers")
public class CustomerResource {

    /** The personal data a {@link CustomerView} shows (a staff read of it is recorded, PersonalDataReads). */
    public static final List<String> PERSONAL_FIELDS = List.of("email", "firstName", "lastName", "country");

    private final CustomerService customers;
    private final CustomerAccess access;
    private final PersonalDataReads reads;

    public CustomerResource(CustomerService customers, CustomerAccess access, PersonalDataReads reads) {
        this.customers = customers;
        this.access = access;
        this.reads = reads;
    }

    public record RegisterCustomer(@NotBlank @Email @Size(max = 254) String email,
                                   @NotBlank @Size(max = 100) String firstName,
                                   @NotBlank @Size(max = 100) String lastName,
                                   @Pattern(regexp = "NEW|REGULAR|VIP|WHOLESALE",
                                           message = "NEW, REGULAR, VIP or WHOLESALE") String segment,
                                   @Pattern(regexp = "[A-Z]{2}", message = "an ISO 3166-1 alpha-2 code such as DE")
                                   String country) {
    }

    /** What staff may change of a customer; a field left out (or null) stays as it is. */
    public record ChangeCustomer(@Pattern(regexp = "NEW|REGULAR|VIP|WHOLESALE",
                                         message = "NEW, REGULAR, VIP or WHOLESALE") String segment,
                                 @Pattern(regexp = "[A-Z]{2}", message = "an ISO 3166-1 alpha-2 code such as DE")
                                 String country) {
    }

    public record CustomerView(UUID id, String email, String firstName, String lastName, String segment,
                               String country, Instant createdAt) {

        static CustomerView of(Customer c) {
            return new CustomerView(c.id(), c.email(), c.firstName(), c.lastName(), c.segment().name(), c.country(),
                    c.createdAt());
        }
    }

    @POST
    @RolesAllowed({Roles.ADMIN, Roles.SUPPORT})
    public Response register(@NotNull @Valid RegisterCustomer request, @Context UriInfo uri) {
        Customer customer = customers.register(request.email(), request.firstName(), request.lastName(),
                request.segment() == null ? null : Segment.valueOf(request.segment()), request.country());
        return Response.created(uri.getAbsolutePathBuilder().path(customer.id().toString()).build())
                .entity(CustomerView.of(customer)).build();
    }

    /**
     * Staff find a customer by e-mail address (exact, case-insensitive): a support desk's first question, and how a
     * bulk loader finds what an earlier run registered. A list of at most one, so a miss is an empty list, not 404.
     */
    @GET
    @RolesAllowed({Roles.ADMIN, Roles.SUPPORT})
    @Operation(summary = "Find a customer by e-mail address", description = "An empty list if none has it.")
    public List<CustomerView> find(@QueryParam("email") @NotBlank @Email @Size(max = 254) String email) {
        List<CustomerView> found = customers.byEmail(email).map(CustomerView::of).stream().toList();
        reads.recordAll(PersonalDataReads.Subject.CUSTOMER, found.stream().map(CustomerView::id).toList(), "customer",
                PERSONAL_FIELDS);
        return found;
    }

    @PATCH
    @Path("{id}")
    @RolesAllowed({Roles.ADMIN, Roles.SUPPORT})
    @Operation(summary = "Change a customer's segment or country",
            description = "Fields left out stay as they are. A change publishes CustomerUpdated on orders.customer.")
    public CustomerView change(@PathParam("id") UUID id, @NotNull @Valid ChangeCustomer request) {
        return CustomerView.of(customers.change(id, request.country(),
                request.segment() == null ? null : Segment.valueOf(request.segment())));
    }

    /** Staff read any customer; a customer reads only itself (another customer's id answers 404, not 403). */
    @GET
    @Path("{id}")
    @RolesAllowed({Roles.ADMIN, Roles.SUPPORT, Roles.CUSTOMER})
    public CustomerView get(@PathParam("id") UUID id) {
        access.requireOwn(id);
        CustomerView customer = CustomerView.of(customers.get(id));
        reads.record(PersonalDataReads.Subject.CUSTOMER, id, "customer", PERSONAL_FIELDS);
        return customer;
    }
}
