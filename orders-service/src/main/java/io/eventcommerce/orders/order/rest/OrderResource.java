package io.eventcommerce.orders.order.rest;

import io.eventcommerce.orders.customer.domain.CustomerAddress;
import io.eventcommerce.orders.customer.service.AddressBookService;
import io.eventcommerce.orders.order.domain.CancelReason;
import io.eventcommerce.orders.order.domain.Channel;
import io.eventcommerce.orders.order.domain.Order;
import io.eventcommerce.orders.order.domain.OrderPricing;
import io.eventcommerce.orders.order.domain.OrderStatus;
import io.eventcommerce.orders.order.domain.PostalAddress;
import io.eventcommerce.orders.order.service.OrderService;
import io.eventcommerce.orders.payment.domain.Payment;
import io.eventcommerce.orders.payment.domain.PaymentRefund;
import io.eventcommerce.orders.payment.service.PaymentService;
import io.eventcommerce.servicekit.audit.PersonalDataReads;
import io.eventcommerce.servicekit.hash.Sha256;
import io.eventcommerce.servicekit.problem.ApiException;
import io.eventcommerce.servicekit.problem.ProblemType;
import io.eventcommerce.servicekit.rest.Page;
import io.eventcommerce.servicekit.security.Caller;
import io.eventcommerce.servicekit.security.Roles;
import io.vertx.core.http.HttpServerRequest;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
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

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

@Path("/orders")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Orders")
public class OrderResource {

    public static final String IDEMPOTENCY_KEY = "Idempotency-Key";
    public static final String REPLAYED = "Idempotent-Replayed";

    private final OrderService orders;
    private final PaymentService payments;
    private final Caller caller;
    private final OrderAccess access;
    private final AddressBookService addressBook;
    private final PersonalDataReads reads;

    /** The personal data an {@link OrderView} shows (a staff read of it is recorded, PersonalDataReads). */
    static final List<String> PERSONAL_FIELDS = List.of("shippingAddress", "billingAddress");

    public OrderResource(OrderService orders, PaymentService payments, Caller caller, OrderAccess access,
                         AddressBookService addressBook, PersonalDataReads reads) {
        this.orders = orders;
        this.payments = payments;
        this.caller = caller;
        this.access = access;
        this.addressBook = addressBook;
        this.reads = reads;
    }

    /**
     * What a client may say about an order: who, which products, how many, where to, and how it is paid. Prices are
     * not part of it: they come from the catalog, and a request that carries one is refused as an unknown field.
     *
     * @param customerId      required for staff; a customer orders for itself and may leave it out
     * @param shippingAddress   where to deliver; or
     * @param shippingAddressId an entry of the customer's address book; with neither, the book's default shipping
     *                          address
     * @param billingAddress    or {@code billingAddressId}; defaults to the shipping address
     * @param paymentMethodId a saved card of the customer ({@code POST /customers/{id}/payment-methods}); or
     * @param paymentToken    a token the client got from the payment gateway (simulator: {@code tok_approve}, ...)
     * @param promotionCode   a promotion code (case-insensitive); 422 if it does not apply or is used up
     */
    public record PlaceOrder(UUID customerId,
                             @NotEmpty @Size(max = 100) List<@NotNull @Valid Line> lines,
                             @Pattern(regexp = "WEB|MOBILE|STORE|PHONE|API", message = "WEB, MOBILE, STORE, PHONE or API")
                             String channel,
                             @Valid AddressInput shippingAddress,
                             UUID shippingAddressId,
                             @Valid AddressInput billingAddress,
                             UUID billingAddressId,
                             UUID paymentMethodId,
                             @Size(max = 100) String paymentToken,
                             @Size(max = 40) String promotionCode) {

        public record Line(@NotNull UUID productId, @NotNull @Min(1) @Max(1000) Integer quantity) {
        }
    }

    public record AddressInput(@NotBlank @Size(max = 200) String name,
                               @NotBlank @Size(max = 200) String line1,
                               @Size(max = 200) String line2,
                               @NotBlank @Size(max = 100) String city,
                               @Size(max = 100) String region,
                               @NotBlank @Size(max = 20) String postalCode,
                               @NotNull @Pattern(regexp = "[A-Z]{2}", message = "an ISO 3166-1 alpha-2 code such as GB")
                               String country) {
        public PostalAddress toAddress() {
            return new PostalAddress(name, line1, line2, city, region, postalCode, country);
        }

        public static AddressInput of(PostalAddress a) {
            return a == null ? null : new AddressInput(a.name(), a.line1(), a.line2(), a.city(), a.region(),
                    a.postalCode(), a.country());
        }
    }

    public record CancelRequest(@Size(max = 500) String comment) {
    }

    /**
     * @param reason {@code FRAUD}: the card's holder disputed the order as fraud (refund reason
     *               {@code FRAUD_CHARGEBACK}, what fraud scoring learns from); {@code OTHER}: any other dispute
     *               ({@code CHARGEBACK})
     */
    public record ChargebackRequest(@NotNull @Pattern(regexp = "FRAUD|OTHER", message = "FRAUD or OTHER")
                                    String reason,
                                    @Size(max = 500) String comment) {
    }

    public record OrderView(UUID id, UUID customerId, String status, String currency, List<LineView> lines,
                            BigDecimal subtotal, BigDecimal discount, String promotionCode, BigDecimal total,
                            String channel,
                            AddressInput shippingAddress, AddressInput billingAddress, UUID paymentMethodId,
                            SagaView saga, String cancelReason, String statusDetail, long version,
                            Instant createdAt, Instant updatedAt) {

        public record LineView(int lineNo, UUID productId, String sku, String name, int quantity, BigDecimal unitPrice,
                               BigDecimal lineTotal) {
        }

        /** The answers the order got so far, and until when it waits for the rest. */
        public record SagaView(String stock, String fraud, Instant deadline) {
        }

        static OrderView of(Order o) {
            return new OrderView(o.id(), o.customerId(), o.status().name(), o.currency(), o.lines().stream()
                    .map(l -> new LineView(l.lineNo(), l.productId(), l.sku(), l.name(), l.quantity(), l.unitPrice(),
                            l.lineTotal())).toList(), o.subtotal(), o.discount(), o.promotionCode(), o.total(),
                    o.channel().name(),
                    AddressInput.of(o.shippingAddress()), AddressInput.of(o.billingAddress()), o.paymentMethodId(),
                    new SagaView(o.stockAnswer().name(), o.fraudDecision(), o.sagaDeadline()),
                    o.cancelReason() == null ? null : o.cancelReason().name(), o.statusDetail(), o.version(),
                    o.createdAt(), o.updatedAt());
        }
    }

    public record PaymentView(UUID id, String status, BigDecimal amount, String currency, String declineCode,
                              BigDecimal refundedAmount, Instant createdAt) {
        static PaymentView of(Payment p) {
            return new PaymentView(p.id(), p.status().name(), p.amount(), p.currency(), p.declineCode(),
                    p.refundedAmount(), p.createdAt());
        }
    }

    @POST
    @RolesAllowed({Roles.CUSTOMER, Roles.ADMIN, Roles.SUPPORT})
    @Operation(summary = "Place an order", description = "Prices the lines from orders-service's product replica, "
            + "stores the order PENDING and publishes OrderPlaced on orders.order; the saga then reserves stock, checks "
            + "fraud and takes the payment. With an Idempotency-Key header (up to 100 printable characters), a "
            + "retry of the same request returns the first order (201, header Idempotent-Replayed: true) and creates "
            + "nothing; the same key with a different request is refused (422).")
    public Response place(@NotNull @Valid PlaceOrder request, @HeaderParam(IDEMPOTENCY_KEY) String idempotencyKey,
                          @Context UriInfo uri, @Context HttpServerRequest http) {
        UUID customerId = orderingCustomer(request.customerId());
        if ((request.paymentMethodId() == null) == (request.paymentToken() == null)) {
            throw ApiException.invalidField("paymentMethodId", "give either paymentMethodId or paymentToken");
        }
        OrderService.IdempotencyKey key = idempotencyKey(idempotencyKey, request);
        if (key != null) {
            var replayed = orders.replay(key);
            if (replayed.isPresent()) {
                return created(replayed.get(), uri, true);
            }
        }
        List<OrderPricing.RequestedLine> lines = request.lines().stream()
                .map(l -> new OrderPricing.RequestedLine(l.productId(), l.quantity())).toList();
        PostalAddress shipping = address(customerId, request.shippingAddress(), request.shippingAddressId(),
                "shippingAddress", () -> addressBook.defaultShipping(customerId).map(CustomerAddress::address));
        PostalAddress billing = address(customerId, request.billingAddress(), request.billingAddressId(),
                "billingAddress", () -> Optional.of(shipping));
        var command = new OrderService.PlaceOrder(customerId, lines,
                request.channel() == null ? Channel.API : Channel.valueOf(request.channel()),
                http.remoteAddress() == null ? null : http.remoteAddress().hostAddress(), shipping, billing,
                new OrderService.Payment(request.paymentMethodId(), request.paymentToken()),
                request.promotionCode() == null || request.promotionCode().isBlank() ? null : request.promotionCode());
        try {
            return created(orders.place(command, key), uri, false);
        } catch (RuntimeException e) {
            // Another request with the same key won the race: it committed first, so replay finds its order.
            if (key != null) {
                var replayed = orders.replay(key);
                if (replayed.isPresent()) {
                    return created(replayed.get(), uri, true);
                }
            }
            throw e;
        }
    }

    /** Staff read any order; a customer reads its own only (another's answers 404, so ids leak nothing). */
    @GET
    @Path("{id}")
    @RolesAllowed({Roles.CUSTOMER, Roles.ADMIN, Roles.SUPPORT})
    public OrderView get(@PathParam("id") UUID id) {
        OrderView order = OrderView.of(readable(id));
        reads.record(PersonalDataReads.Subject.CUSTOMER, order.customerId(), "order", PERSONAL_FIELDS);
        return order;
    }

    @GET
    @RolesAllowed({Roles.CUSTOMER, Roles.ADMIN, Roles.SUPPORT})
    @Operation(summary = "A customer's order history, newest first",
            description = "A customer sees its own orders; staff name the customer with customerId.")
    public Page<OrderView> history(@QueryParam("customerId") UUID customerId,
                                   @QueryParam("status") @Pattern(regexp = "PENDING|ON_HOLD|CONFIRMED|PAID|SHIPPED|"
                                           + "DELIVERED|RETURNED|CANCELLED", message = "an order status") String status,
                                   @QueryParam("page") @DefaultValue("0") @Min(0) @Max(Page.MAX_PAGE) int page,
                                   @QueryParam("size") @DefaultValue(Page.DEFAULT_SIZE) @Min(1) @Max(Page.MAX_SIZE)
                                   int size) {
        UUID whose = isStaff() ? customerId : orderingCustomer(customerId);
        if (whose == null) {
            throw ApiException.invalidField("customerId", "must not be null");
        }
        Page<OrderView> found = orders.history(whose, status == null ? null : OrderStatus.valueOf(status), page, size)
                .map(OrderView::of);
        if (!found.items().isEmpty()) {
            reads.record(PersonalDataReads.Subject.CUSTOMER, whose, "orders", PERSONAL_FIELDS);
        }
        return found;
    }

    @POST
    @Path("{id}/cancel")
    @RolesAllowed({Roles.CUSTOMER, Roles.ADMIN, Roles.SUPPORT})
    @Operation(summary = "Cancel an order", description = "Allowed until it ships: PENDING, ON_HOLD, CONFIRMED and "
            + "PAID orders (a paid order is refunded, a charge still unsettled is voided, both asynchronously). 409 for "
            + "an order already shipped, delivered, returned or cancelled. Publishes OrderCancelled; catalog-service "
            + "releases the reserved stock.")
    public OrderView cancel(@PathParam("id") UUID id, @Valid CancelRequest request) {
        readable(id);
        CancelReason reason = isStaff() ? CancelReason.SUPPORT_REQUEST : CancelReason.CUSTOMER_REQUEST;
        String comment = request == null || request.comment() == null ? "" : ": " + request.comment();
        return OrderView.of(orders.cancel(id, reason, "Cancelled by " + (isStaff() ? "support" : "the customer")
                + comment));
    }

    @POST
    @Path("{id}/chargeback")
    @RolesAllowed({Roles.ADMIN, Roles.SUPPORT})
    @Operation(summary = "Record a chargeback", description = "The card's issuer took the payment of a PAID, SHIPPED or "
            + "DELIVERED order back. Recorded as a refund, REFUNDED at once (the gateway is not asked), with reason "
            + "FRAUD_CHARGEBACK (reason FRAUD) or CHARGEBACK (OTHER), and PaymentRefunded on orders.payment; the "
            + "order keeps its status and is not refunded again. 409 for any other status or a payment refunded "
            + "or charged back already.")
    public RefundView chargeback(@PathParam("id") UUID id, @NotNull @Valid ChargebackRequest request) {
        readable(id);
        return RefundView.of(orders.chargeback(id, "FRAUD".equals(request.reason()), request.comment()));
    }

    @GET
    @Path("{id}/payments")
    @RolesAllowed({Roles.CUSTOMER, Roles.ADMIN, Roles.SUPPORT})
    @Operation(summary = "The payment attempts of an order")
    public List<PaymentView> payments(@PathParam("id") UUID id) {
        readable(id);
        return payments.forOrder(id).stream().map(PaymentView::of).toList();
    }

    @GET
    @Path("{id}/refunds")
    @RolesAllowed({Roles.CUSTOMER, Roles.ADMIN, Roles.SUPPORT})
    @Operation(summary = "The refunds (and voids of unsettled charges) of an order",
            description = "Recorded with the cancellation or return, made by the gateway moments later: PENDING until "
                    + "it answered, then REFUNDED, NOTHING_CAPTURED (a void whose charge was never captured) or "
                    + "FAILED (refused by the gateway; support acts).")
    public List<RefundView> refunds(@PathParam("id") UUID id) {
        readable(id);
        return payments.refundsOf(id).stream().map(RefundView::of).toList();
    }

    public record RefundView(UUID id, UUID paymentId, String status, BigDecimal amount, String currency,
                             String reason, int attempts, String comment) {
        static RefundView of(PaymentRefund r) {
            return new RefundView(r.id(), r.paymentId(), r.status().name(), r.amount(), r.currency(), r.reason(),
                    r.attempts(), r.comment());
        }
    }

    private Order readable(UUID id) {
        return access.readable(id);
    }

    private static Response created(Order order, UriInfo uri, boolean replayed) {
        var response = Response.created(uri.getBaseUriBuilder().path("orders").path(order.id().toString()).build())
                .entity(OrderView.of(order));
        if (replayed) {
            response.header(REPLAYED, "true");
        }
        return response.build();
    }

    private OrderService.IdempotencyKey idempotencyKey(String header, PlaceOrder request) {
        if (header == null) {
            return null;
        }
        if (header.isBlank() || header.length() > 100 || !header.matches("[\\x21-\\x7E]+")) {
            throw new ApiException(ProblemType.MALFORMED_REQUEST, "The Idempotency-Key header must be 1 to 100 "
                    + "printable ASCII characters without spaces");
        }
        return new OrderService.IdempotencyKey(caller.name(), header, Sha256.hex(request.toString()));
    }

    /** An address given inline, or by its id in the customer's address book, or else the fallback; 422 if none. */
    private PostalAddress address(UUID customerId, AddressInput inline, UUID bookId, String field,
                                  Supplier<Optional<PostalAddress>> fallback) {
        if (inline != null && bookId != null) {
            throw ApiException.invalidField(field, "give " + field + " or " + field + "Id, not both");
        }
        if (inline != null) {
            return inline.toAddress();
        }
        if (bookId != null) {
            return addressBook.list(customerId).stream().filter(a -> a.id().equals(bookId)).findFirst()
                    .map(CustomerAddress::address)
                    .orElseThrow(() -> ApiException.invalidField(field + "Id", "not in the customer's address book"));
        }
        return fallback.get().orElseThrow(() -> ApiException.invalidField(field,
                "give an address, or the id of one in the customer's address book"));
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
        return access.isStaff();
    }
}
