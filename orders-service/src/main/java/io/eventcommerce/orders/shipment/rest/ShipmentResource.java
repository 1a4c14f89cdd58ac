package io.eventcommerce.orders.shipment.rest;

import io.eventcommerce.orders.order.rest.OrderAccess;
import io.eventcommerce.orders.shipment.domain.Shipment;
import io.eventcommerce.orders.shipment.domain.ShipmentStatus;
import io.eventcommerce.orders.shipment.service.FulfilmentService;
import io.eventcommerce.servicekit.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
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

/** An order's shipment. Rooted at its own path: JAX-RS matches one root class per request path. */
@Path("/orders/{orderId}/shipments")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Fulfilment")
public class ShipmentResource {

    private final FulfilmentService fulfilment;
    private final OrderAccess access;

    public ShipmentResource(FulfilmentService fulfilment, OrderAccess access) {
        this.fulfilment = fulfilment;
        this.access = access;
    }

    public record ShipRequest(@NotBlank @Size(max = 40) String carrier,
                              @NotBlank @Size(max = 64) @Pattern(regexp = "[A-Za-z0-9-]+",
                                      message = "letters, digits and '-'") String trackingNumber) {
    }

    public record TrackRequest(@NotNull @Pattern(regexp = "IN_TRANSIT|OUT_FOR_DELIVERY|DELIVERED",
            message = "IN_TRANSIT, OUT_FOR_DELIVERY or DELIVERED") String status) {
    }

    public record ShipmentView(UUID id, UUID orderId, String carrier, String trackingNumber, String status,
                               Instant shippedAt, Instant deliveredAt, long version) {
        static ShipmentView of(Shipment s) {
            return new ShipmentView(s.id(), s.orderId(), s.carrier(), s.trackingNumber(), s.status().name(),
                    s.shippedAt(), s.deliveredAt(), s.version());
        }
    }

    @POST
    @RolesAllowed({Roles.SUPPORT, Roles.ADMIN})
    @Operation(summary = "Ship a paid order", description = "The whole order ships in one parcel: PAID → SHIPPED. "
            + "Publishes OrderShipped; catalog-service books the reserved stock out of its warehouses. 409 if the "
            + "order is not PAID, has shipped already, or the carrier's tracking number is taken.")
    public Response ship(@PathParam("orderId") UUID orderId, @NotNull @Valid ShipRequest request,
                         @Context UriInfo uri) {
        Shipment shipment = fulfilment.ship(orderId, request.carrier().trim(), request.trackingNumber());
        return Response.created(uri.getAbsolutePathBuilder().path(shipment.id().toString()).build())
                .entity(ShipmentView.of(shipment)).build();
    }

    @PUT
    @Path("{shipmentId}/status")
    @RolesAllowed({Roles.SUPPORT, Roles.ADMIN})
    @Operation(summary = "Record the carrier's tracking status", description = "Forward only (409 otherwise). "
            + "DELIVERED moves the order to DELIVERED and publishes OrderDelivered.")
    public ShipmentView track(@PathParam("orderId") UUID orderId, @PathParam("shipmentId") UUID shipmentId,
                              @NotNull @Valid TrackRequest request) {
        return ShipmentView.of(fulfilment.track(orderId, shipmentId, ShipmentStatus.valueOf(request.status())));
    }

    @GET
    @RolesAllowed({Roles.CUSTOMER, Roles.SUPPORT, Roles.ADMIN})
    @Operation(summary = "The order's shipments", description = "Empty until it ships; a customer sees its own "
            + "orders only (404 otherwise).")
    public List<ShipmentView> list(@PathParam("orderId") UUID orderId) {
        access.readable(orderId);
        return fulfilment.shipmentOf(orderId).map(ShipmentView::of).stream().toList();
    }
}
