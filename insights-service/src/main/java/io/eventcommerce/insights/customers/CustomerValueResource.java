package io.eventcommerce.insights.customers;

import io.eventcommerce.servicekit.rest.Page;
import io.eventcommerce.servicekit.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;
import java.util.Locale;
import java.util.UUID;

/** Customers' RFM segments and lifetime values, as the last customer-value run computed them. */
@Path("/customers")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Customer value")
@RolesAllowed({Roles.ANALYST, Roles.ADMIN})
public class CustomerValueResource {

    private final CustomerValues values;

    public CustomerValueResource(CustomerValues values) {
        this.values = values;
    }

    @GET
    @Path("segments")
    @Operation(summary = "RFM segments: customers, revenue and their shares per segment",
            description = "Every customer with a counted sale scored 1-5 by quintile on recency, frequency and "
                    + "revenue and named by segment (CHAMPIONS, AT_RISK, ...); largest revenue first.")
    public List<CustomerValues.Segment> segments() {
        return values.segments();
    }

    @GET
    @Path("value")
    @Operation(summary = "Customers' lifetime values, largest first (sort=value or probabilityAlive), paged",
            description = "BG/NBD expected purchases and probability alive, Gamma-Gamma expected spend, discounted "
                    + "over the configured horizon; times in weeks.")
    public Page<CustomerValues.CustomerValue> list(
            @QueryParam("sort") @DefaultValue("value") @Pattern(regexp = "(?i)value|probabilityAlive",
                    message = "value or probabilityAlive") String sort,
            @QueryParam("page") @DefaultValue("0") @Min(0) @Max(Page.MAX_PAGE) int page,
            @QueryParam("size") @DefaultValue(Page.DEFAULT_SIZE) @Min(1) @Max(Page.MAX_SIZE) int size) {
        CustomerValues.Sort by = sort.toLowerCase(Locale.ROOT).equals("value") ? CustomerValues.Sort.VALUE
                : CustomerValues.Sort.PROBABILITY_ALIVE;
        return values.values(by, page, size);
    }

    @GET
    @Path("{customerId}/value")
    @Operation(summary = "One customer's segment and lifetime value",
            description = "404 when the last run did not value this customer (no counted sale).")
    public CustomerValues.CustomerValue one(@PathParam("customerId") UUID customerId) {
        return values.value(customerId);
    }
}
