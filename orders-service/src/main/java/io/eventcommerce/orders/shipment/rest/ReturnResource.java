package io.eventcommerce.orders.shipment.rest;

import io.eventcommerce.orders.order.rest.OrderAccess;
import io.eventcommerce.orders.shipment.domain.OrderReturn;
import io.eventcommerce.orders.shipment.service.FulfilmentService;
import io.eventcommerce.servicekit.problem.ApiException;
import io.eventcommerce.servicekit.security.Caller;
import io.eventcommerce.servicekit.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/** The return of a delivered order. Rooted at its own path: JAX-RS matches one root class per request path. */
@Path("/orders/{orderId}/return")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Fulfilment")
public class ReturnResource {

    private final FulfilmentService fulfilment;
    private final OrderAccess access;
    private final Caller caller;

    public ReturnResource(FulfilmentService fulfilment, OrderAccess access, Caller caller) {
        this.fulfilment = fulfilment;
        this.access = access;
        this.caller = caller;
    }

    /** @param restock false for goods that cannot be sold again (damaged); defaults to true */
    public record ReturnRequest(@NotBlank @Size(max = 500) String reason, Boolean restock) {
    }

    public record ReturnView(UUID orderId, String reason, boolean restock, BigDecimal refundedAmount,
                             String recordedBy, Instant returnedAt) {
        static ReturnView of(OrderReturn r) {
            return new ReturnView(r.orderId(), r.reason(), r.restock(), r.refundedAmount(), r.recordedBy(),
                    r.returnedAt());
        }
    }

    @POST
    @RolesAllowed({Roles.SUPPORT, Roles.ADMIN})
    @Operation(summary = "Record the return of a delivered order", description = "Staff record it when the goods "
            + "are back: DELIVERED → RETURNED within orders.returns.window (default 30 days) of delivery, the "
            + "payment is refunded in full (PaymentRefunded) and OrderReturned is published; catalog-service puts "
            + "the goods back into stock unless restock is false. 409 outside the window or for an order that is "
            + "not DELIVERED.")
    public Response record(@PathParam("orderId") UUID orderId, @NotNull @Valid ReturnRequest request,
                           @Context UriInfo uri) {
        OrderReturn returned = fulfilment.returned(orderId, request.reason().trim(),
                request.restock() == null || request.restock(), caller.name());
        return Response.created(uri.getAbsolutePath()).entity(ReturnView.of(returned)).build();
    }

    @GET
    @RolesAllowed({Roles.CUSTOMER, Roles.SUPPORT, Roles.ADMIN})
    @Operation(summary = "The order's return", description = "404 if it was not returned.")
    public ReturnView get(@PathParam("orderId") UUID orderId) {
        access.readable(orderId);
        return fulfilment.returnOf(orderId).map(ReturnView::of)
                .orElseThrow(() -> ApiException.notFound("Return of order", orderId));
    }
}
