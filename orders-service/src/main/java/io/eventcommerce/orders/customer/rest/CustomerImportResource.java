package io.eventcommerce.orders.customer.rest;

import io.eventcommerce.orders.customer.domain.Segment;
import io.eventcommerce.orders.customer.service.CustomerService;
import io.eventcommerce.servicekit.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The customers of a previous system, imported before their order history: an imported order may not be placed
 * before its customer registered, so the customers come first, with their original registration times.
 */
@Path("/admin/customers/import")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Admin")
public class CustomerImportResource {

    private final CustomerService customers;

    public CustomerImportResource(CustomerService customers) {
        this.customers = customers;
    }

    public record ImportRequest(@NotEmpty @Size(max = CustomerService.MAX_IMPORT_BATCH)
                                List<@NotNull @Valid HistoricalCustomer> customers) {
    }

    /**
     * A customer as the previous system knew it.
     *
     * @param id           chosen by the caller (the id its orders will name): an id that exists already is skipped,
     *                     so a batch can be sent again
     * @param registeredAt when the customer registered there; kept as its creation time and carried by
     *                     CustomerRegistered
     */
    public record HistoricalCustomer(@NotNull UUID id,
                                     @NotBlank @Email @Size(max = 254) String email,
                                     @NotBlank @Size(max = 100) String firstName,
                                     @NotBlank @Size(max = 100) String lastName,
                                     @Pattern(regexp = "[A-Z]{2}", message = "an ISO 3166-1 alpha-2 code such as DE")
                                     String country,
                                     @Pattern(regexp = "NEW|REGULAR|VIP|WHOLESALE",
                                             message = "NEW, REGULAR, VIP or WHOLESALE") String segment,
                                     @NotNull @PastOrPresent Instant registeredAt) {

        CustomerService.HistoricalCustomer toCommand() {
            return new CustomerService.HistoricalCustomer(id, email, firstName, lastName, country,
                    segment == null ? null : Segment.valueOf(segment), registeredAt);
        }
    }

    public record ImportResult(int imported, int skipped) {
    }

    @POST
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Backfill customers", description = "Up to 500 customers per request, all or nothing "
            + "(422 lists every invalid field as customers[i]...). Each keeps its registeredAt as its creation time "
            + "and publishes CustomerRegistered with it on orders.customer. Customers whose id exists are skipped, so "
            + "a batch may be sent again; an e-mail address that belongs to another customer (or to two in the "
            + "batch) is 409 and nothing is imported. Import customers before their orders: an order placed before "
            + "its customer registered is refused.")
    public ImportResult importCustomers(@NotNull @Valid ImportRequest request) {
        CustomerService.ImportOutcome outcome = customers.importBatch(request.customers().stream()
                .map(HistoricalCustomer::toCommand).toList());
        return new ImportResult(outcome.imported(), outcome.skipped());
    }
}
