package io.eventcommerce.orders.payment.rest;

import io.eventcommerce.orders.customer.rest.CustomerAccess;
import io.eventcommerce.orders.payment.domain.PaymentMethod;
import io.eventcommerce.orders.payment.gateway.PaymentGateway;
import io.eventcommerce.orders.payment.service.PaymentMethodService;
import io.eventcommerce.servicekit.audit.PersonalDataReads;
import io.eventcommerce.servicekit.pci.CardNumberInput;
import io.eventcommerce.servicekit.rest.Page;
import io.eventcommerce.servicekit.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
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
import java.time.YearMonth;
import java.util.List;
import java.util.UUID;

/**
 * A customer's saved cards. {@code POST} is the platform's only tokenization input: the one request body in which a
 * card number is accepted ({@link CardNumberInput}); it is handed to the gateway and never stored, logged or
 * published. Everywhere else a card number is refused.
 */
@Path("/customers/{customerId}/payment-methods")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Payments")
public class PaymentMethodResource {

    private final PaymentMethodService methods;
    private final CustomerAccess access;
    private final PersonalDataReads reads;

    public PaymentMethodResource(PaymentMethodService methods, CustomerAccess access, PersonalDataReads reads) {
        this.methods = methods;
        this.access = access;
        this.reads = reads;
    }

    /** Card data for tokenization. {@link #toString()} shows neither the number nor the CVC. */
    public record CardInput(@CardNumberInput @NotBlank @Pattern(regexp = "[0-9 -]{12,23}",
                                    message = "12 to 19 digits, optionally grouped by spaces or hyphens") String cardNumber,
                            @NotNull @Min(1) @Max(12) Integer expMonth,
                            @NotNull @Min(2000) @Max(2099) Integer expYear,
                            @NotBlank @Pattern(regexp = "[0-9]{3,4}", message = "3 or 4 digits") String cvc) {
        @Override
        public String toString() {
            return "CardInput[****, " + expMonth + "/" + expYear + "]";
        }
    }

    public record PaymentMethodView(UUID id, String brand, String last4, int expMonth, int expYear,
                                    String issuerCountry, Instant createdAt) {
        static PaymentMethodView of(PaymentMethod m) {
            return new PaymentMethodView(m.id(), m.brand(), m.last4(), m.expMonth(), m.expYear(), m.issuerCountry(),
                    m.createdAt());
        }
    }

    @POST
    @RolesAllowed({Roles.CUSTOMER, Roles.ADMIN, Roles.SUPPORT})
    @Operation(summary = "Save a card", description = "Tokenizes the card through the payment gateway and keeps "
            + "only the token, brand, last four digits and expiry. Simulator test cards: 4242 4242 4242 4242 "
            + "(approved), 4000 0000 0000 0002 (declined), 4000 0000 0000 9995 (insufficient funds).")
    public Response register(@PathParam("customerId") UUID customerId, @NotNull @Valid CardInput card,
                             @Context UriInfo uri) {
        requireOwn(customerId);
        PaymentMethod method = methods.register(customerId, new PaymentGateway.CardDetails(card.cardNumber(),
                YearMonth.of(card.expYear(), card.expMonth()), card.cvc()));
        return Response.created(uri.getAbsolutePathBuilder().path(method.id().toString()).build())
                .entity(PaymentMethodView.of(method)).build();
    }

    @GET
    @RolesAllowed({Roles.CUSTOMER, Roles.ADMIN, Roles.SUPPORT})
    @Operation(summary = "A customer's saved cards, oldest first, one page at a time")
    public Page<PaymentMethodView> list(@PathParam("customerId") UUID customerId,
                                        @QueryParam("page") @DefaultValue("0") @Min(0) @Max(Page.MAX_PAGE) int page,
                                        @QueryParam("size") @DefaultValue(Page.DEFAULT_SIZE) @Min(1)
                                        @Max(Page.MAX_SIZE) int size) {
        requireOwn(customerId);
        Page<PaymentMethodView> found = methods.list(customerId, page, size).map(PaymentMethodView::of);
        if (!found.items().isEmpty()) {
            reads.record(PersonalDataReads.Subject.CUSTOMER, customerId, "customer.payment-methods",
                    List.of("brand", "last4", "expMonth", "expYear", "issuerCountry"));
        }
        return found;
    }

    private void requireOwn(UUID customerId) {
        access.requireOwn(customerId);
    }
}
