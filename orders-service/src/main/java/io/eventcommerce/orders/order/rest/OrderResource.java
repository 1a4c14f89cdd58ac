package io.eventcommerce.orders.order.rest;

import io.eventcommerce.orders.order.domain.Channel;
import io.eventcommerce.orders.order.domain.Order;
import io.eventcommerce.orders.order.domain.OrderPricing;
import io.eventcommerce.orders.order.service.OrderService;
import io.eventcommerce.servicekit.problem.ApiException;
import io.eventcommerce.servicekit.problem.ProblemType;
import io.eventcommerce.servicekit.security.Caller;
import io.eventcommerce.servicekit.security.Roles;
import io.vertx.core.http.HttpServerRequest;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
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
import java.util.List;
import java.util.UUID;

@Path("/orders")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Orders")
public class OrderResource {

    private final OrderService orders;
    private final Caller caller;

    public OrderResource(OrderService orders, Caller caller) {
        this.orders = orders;
        this.caller = caller;
    }

    /**
     * What a client may say about an order: who, which products, how many. Prices are not part of it: they come from
     * the catalog, and a request that carries one is refused as an unknown field.
     *
     * @param customerId required for staff; a customer orders for itself and may leave it out
     */
    public record PlaceOrder(UUID customerId,
                             @NotEmpty @Size(max = 100) List<@NotNull @Valid Line> lines,
                             @Pattern(regexp = "WEB|MOBILE|STORE|PHONE|API", message = "WEB, MOBILE, STORE, PHONE or API")
                             String channel) {

        public record Line(@NotNull UUID productId, @NotNull @Min(1) @Max(1000) Integer quantity) {
        }
    }

    public record OrderView(UUID id, UUID customerId, String status, String currency, List<LineView> lines,
                            BigDecimal subtotal, BigDecimal total, String channel, Instant createdAt) {

        public record LineView(int lineNo, UUID productId, String sku, String name, int quantity, BigDecimal unitPrice,
                               BigDecimal lineTotal) {
        }

        static OrderView of(Order o) {
            return new OrderView(o.id(), o.customerId(), o.status().name(), o.currency(), o.lines().stream()
                    .map(l -> new LineView(l.lineNo(), l.productId(), l.sku(), l.name(), l.quantity(), l.unitPrice(),
                            l.lineTotal())).toList(), o.subtotal(), o.total(), o.channel().name(), o.createdAt());
        }
    }

    @POST
    @RolesAllowed({Roles.CUSTOMER, Roles.ADMIN, Roles.SUPPORT})
    @Operation(summary = "Place an order", description = "Prices the lines from orders-service's product replica, "
            + "stores the order PENDING and publishes OrderPlaced on orders.order.")
    public Response place(@NotNull @Valid PlaceOrder request, @Context UriInfo uri, @Context HttpServerRequest http) {
        UUID customerId = orderingCustomer(request.customerId());
        List<OrderPricing.RequestedLine> lines = request.lines().stream()
                .map(l -> new OrderPricing.RequestedLine(l.productId(), l.quantity())).toList();
        Order order = orders.place(customerId, lines,
                request.channel() == null ? Channel.API : Channel.valueOf(request.channel()),
                http.remoteAddress() == null ? null : http.remoteAddress().hostAddress());
        return Response.created(uri.getAbsolutePathBuilder().path(order.id().toString()).build())
                .entity(OrderView.of(order)).build();
    }

    /** Staff read any order; a customer reads its own only (another's answers 404, so ids leak nothing). */
    @GET
    @Path("{id}")
    @RolesAllowed({Roles.CUSTOMER, Roles.ADMIN, Roles.SUPPORT})
    public OrderView get(@PathParam("id") UUID id) {
        Order order = orders.get(id);
        if (!isStaff() && !caller.customerId().map(order.customerId()::equals).orElse(false)) {
            throw ApiException.notFound("Order", id);
        }
        return OrderView.of(order);
    }

    private UUID orderingCustomer(UUID requested) {
        if (isStaff()) {
            if (requested == null) {
                throw ApiException.invalidField("customerId", "must not be null");
            }
            return requested;
        }
        UUID own = caller.customerId().orElseThrow(() -> new ApiException(ProblemType.FORBIDDEN,
                "The token names no customer"));
        if (requested != null && !requested.equals(own)) {
            throw new ApiException(ProblemType.FORBIDDEN, "A customer can only order for itself");
        }
        return own;
    }

    private boolean isStaff() {
        return caller.hasAnyRole(Roles.ADMIN, Roles.SUPPORT);
    }
}
