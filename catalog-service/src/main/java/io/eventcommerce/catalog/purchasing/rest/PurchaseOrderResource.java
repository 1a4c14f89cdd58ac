package io.eventcommerce.catalog.purchasing.rest;

import io.eventcommerce.catalog.CatalogConfig;
import io.eventcommerce.catalog.purchasing.domain.PurchaseOrder;
import io.eventcommerce.catalog.purchasing.domain.PurchaseOrderLine;
import io.eventcommerce.catalog.purchasing.domain.PurchaseOrderReceipt;
import io.eventcommerce.catalog.purchasing.domain.PurchaseOrderStatus;
import io.eventcommerce.catalog.purchasing.domain.ReceiptLine;
import io.eventcommerce.catalog.purchasing.service.PurchaseOrderService;
import io.eventcommerce.servicekit.rest.Page;
import io.eventcommerce.servicekit.security.Caller;
import io.eventcommerce.servicekit.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
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
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * Purchase orders: writing, the approval workflow, receipts into stock and their variance. docs/purchasing.md. Only
 * catalog managers and admins read them: their unit costs are product costs, which other staff do not see.
 */
@Path("/purchase-orders")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Purchasing")
public class PurchaseOrderResource {

    private static final String STATUSES = "DRAFT|SUBMITTED|APPROVED|PARTIALLY_RECEIVED|RECEIVED|CANCELLED";

    private final PurchaseOrderService orders;
    private final Caller caller;
    private final CatalogConfig config;

    public PurchaseOrderResource(PurchaseOrderService orders, Caller caller, CatalogConfig config) {
        this.orders = orders;
        this.caller = caller;
        this.config = config;
    }

    /**
     * A purchase order as clients write it (POST) or rewrite it while it is a draft (PUT).
     *
     * @param currency   ISO 4217; the platform default when absent
     * @param expectedOn when the goods should arrive; today plus the supplier's lead time when absent
     */
    public record PurchaseOrderRequest(
            @NotNull UUID supplierId,
            @NotNull UUID warehouseId,
            @Pattern(regexp = "[A-Z]{3}", message = "an ISO 4217 code such as USD") String currency,
            LocalDate expectedOn,
            @Size(max = 2000) String notes,
            @NotNull @Size(min = 1, max = 200) List<@NotNull @Valid LineRequest> lines) {

        PurchaseOrderService.Draft draft(String defaultCurrency) {
            return new PurchaseOrderService.Draft(supplierId, warehouseId, currency == null ? defaultCurrency
                    : currency, expectedOn, notes, lines.stream().map(l -> new PurchaseOrderService.DraftLine(
                    l.productId(), l.quantity(), l.unitCost())).toList());
        }
    }

    /** @param unitCost the product's cost when absent */
    public record LineRequest(
            @NotNull UUID productId,
            @NotNull @Min(1) @Max(1_000_000) Integer quantity,
            @DecimalMin("0.00") @Digits(integer = 10, fraction = 2) BigDecimal unitCost) {
    }

    /** A delivery; each product of the order at most once. */
    public record ReceiptRequest(
            @NotNull @Size(min = 1, max = 200) List<@NotNull @Valid ReceiptLineRequest> lines,
            @Size(max = 400) String note) {
    }

    /** @param unitCost what the supplier charged per unit, if not the ordered unit cost */
    public record ReceiptLineRequest(
            @NotNull UUID productId,
            @NotNull @Min(1) @Max(1_000_000) Integer quantity,
            @DecimalMin("0.00") @Digits(integer = 10, fraction = 2) BigDecimal unitCost) {
    }

    /** Why: for returning, cancelling or closing short. The body is optional. */
    public record NoteRequest(@Size(max = 500) String note) {
        static String of(NoteRequest request) {
            return request == null ? null : request.note();
        }
    }

    public record LineView(int lineNo, UUID productId, int quantityOrdered, BigDecimal unitCost,
                           BigDecimal lineTotal, int quantityReceived, BigDecimal costReceived, int quantityVariance,
                           BigDecimal costVariance) {
        static LineView of(PurchaseOrderLine l) {
            return new LineView(l.lineNo(), l.productId(), l.quantityOrdered(), l.unitCost(), l.orderedTotal(),
                    l.quantityReceived(), l.costReceived(), l.quantityVariance(), l.costVariance());
        }
    }

    public record PurchaseOrderView(UUID id, String number, UUID supplierId, UUID warehouseId, String status,
                                    String currency, LocalDate expectedOn, String notes, BigDecimal totalOrdered,
                                    BigDecimal totalReceived, boolean closedShort, List<LineView> lines,
                                    String createdBy, Instant submittedAt, String submittedBy, Instant approvedAt,
                                    String approvedBy, Instant receivedAt, String receivedBy, Instant cancelledAt,
                                    String cancelledBy, String statusNote, long version, Instant createdAt,
                                    Instant updatedAt) {
        static PurchaseOrderView of(PurchaseOrder o) {
            return new PurchaseOrderView(o.id(), o.number(), o.supplierId(), o.warehouseId(), o.status().name(),
                    o.currency(), o.expectedOn(), o.notes(), o.totalOrdered(), o.totalReceived(), o.closedShort(),
                    o.lines().stream().map(LineView::of).toList(), o.createdBy(), o.submittedAt(), o.submittedBy(),
                    o.approvedAt(), o.approvedBy(), o.receivedAt(), o.receivedBy(), o.cancelledAt(),
                    o.cancelledBy(), o.statusNote(), o.version(), o.createdAt(), o.updatedAt());
        }
    }

    /** @param movementId the ledger row that booked the line */
    public record ReceiptLineView(UUID productId, int quantity, BigDecimal unitCost, long movementId) {
        static ReceiptLineView of(ReceiptLine l) {
            return new ReceiptLineView(l.productId(), l.quantity(), l.unitCost(), l.movementId());
        }
    }

    public record ReceiptView(UUID id, UUID purchaseOrderId, List<ReceiptLineView> lines, String note,
                              String receivedBy, Instant receivedAt) {
        static ReceiptView of(PurchaseOrderReceipt r) {
            return new ReceiptView(r.id(), r.purchaseOrderId(), r.lines().stream().map(ReceiptLineView::of).toList(),
                    r.note(), r.receivedBy(), r.receivedAt());
        }
    }

    /** A booked receipt and the order after it. */
    public record ReceivedView(ReceiptView receipt, PurchaseOrderView purchaseOrder) {
    }

    @POST
    @RolesAllowed({Roles.CATALOG_MANAGER, Roles.ADMIN})
    @Operation(summary = "Write a purchase order", description = "A DRAFT numbered PO-<year>-<nnnnnn>. 422 for an "
            + "unknown or inactive supplier or warehouse, an unknown or discontinued product, a product on two lines, "
            + "or a line without unit cost whose product has no cost.")
    public Response create(@NotNull @Valid PurchaseOrderRequest request, @Context UriInfo uri) {
        PurchaseOrder order = orders.create(request.draft(config.defaultCurrency()), caller.name());
        return Response.created(uri.getAbsolutePathBuilder().path(order.id().toString()).build())
                .entity(PurchaseOrderView.of(order)).build();
    }

    @PUT
    @Path("{id}")
    @RolesAllowed({Roles.CATALOG_MANAGER, Roles.ADMIN})
    @Operation(summary = "Rewrite a draft purchase order", description = "Replaces its terms and lines. 409 unless "
            + "it is a DRAFT; a SUBMITTED order can be returned to DRAFT first.")
    public PurchaseOrderView revise(@PathParam("id") UUID id, @NotNull @Valid PurchaseOrderRequest request) {
        return PurchaseOrderView.of(orders.revise(id, request.draft(config.defaultCurrency())));
    }

    @POST
    @Path("{id}/submit")
    @RolesAllowed({Roles.CATALOG_MANAGER, Roles.ADMIN})
    @Operation(summary = "Submit a draft for approval", description = "DRAFT → SUBMITTED; 409 from any other state "
            + "or if the supplier is no longer ACTIVE.")
    public PurchaseOrderView submit(@PathParam("id") UUID id) {
        return PurchaseOrderView.of(orders.submit(id, caller.name()));
    }

    @POST
    @Path("{id}/return")
    @RolesAllowed({Roles.CATALOG_MANAGER, Roles.ADMIN})
    @Operation(summary = "Return a submitted order for changes", description = "SUBMITTED → DRAFT, with an optional "
            + "note saying why; 409 from any other state.")
    public PurchaseOrderView returnToDraft(@PathParam("id") UUID id, @Valid NoteRequest request) {
        return PurchaseOrderView.of(orders.returnToDraft(id, NoteRequest.of(request)));
    }

    @POST
    @Path("{id}/approve")
    @RolesAllowed({Roles.CATALOG_MANAGER, Roles.ADMIN})
    @Operation(summary = "Approve a submitted order", description = "SUBMITTED → APPROVED: goods can be received "
            + "against it. 403 if the caller wrote or submitted it (four eyes); 409 from any other state.")
    public PurchaseOrderView approve(@PathParam("id") UUID id) {
        return PurchaseOrderView.of(orders.approve(id, caller.name()));
    }

    @POST
    @Path("{id}/cancel")
    @RolesAllowed({Roles.CATALOG_MANAGER, Roles.ADMIN})
    @Operation(summary = "Cancel an order", description = "From DRAFT, SUBMITTED or APPROVED, with an optional note; "
            + "409 once goods have been received (close it short instead) or when it is final.")
    public PurchaseOrderView cancel(@PathParam("id") UUID id, @Valid NoteRequest request) {
        return PurchaseOrderView.of(orders.cancel(id, caller.name(), NoteRequest.of(request)));
    }

    @POST
    @Path("{id}/close")
    @RolesAllowed({Roles.CATALOG_MANAGER, Roles.ADMIN})
    @Operation(summary = "Close a partially received order short", description = "PARTIALLY_RECEIVED → RECEIVED; "
            + "what did not arrive stays on its lines as negative quantity variance. 409 from any other state.")
    public PurchaseOrderView closeShort(@PathParam("id") UUID id, @Valid NoteRequest request) {
        return PurchaseOrderView.of(orders.closeShort(id, caller.name(), NoteRequest.of(request)));
    }

    @POST
    @Path("{id}/receipts")
    @RolesAllowed({Roles.CATALOG_MANAGER, Roles.ADMIN})
    @Operation(summary = "Receive goods against an approved order", description = "Books each line as a RECEIPT in "
            + "the inventory ledger of the order's warehouse (the stock level is created if the product was not kept "
            + "there), in the receipt's transaction; publishes StockLevelChanged. More than ordered is accepted and "
            + "shows as positive variance. The order becomes PARTIALLY_RECEIVED, or RECEIVED once every line has "
            + "arrived in full. 409 unless APPROVED or PARTIALLY_RECEIVED; 422 for a product not on the order or "
            + "named twice.")
    public Response receive(@PathParam("id") UUID id, @NotNull @Valid ReceiptRequest request, @Context UriInfo uri) {
        PurchaseOrderReceipt receipt = orders.receive(id, request.lines().stream()
                .map(l -> new PurchaseOrderService.ArrivedLine(l.productId(), l.quantity(), l.unitCost()))
                .toList(), request.note(), caller.name());
        return Response.created(uri.getAbsolutePathBuilder().path(receipt.id().toString()).build())
                .entity(new ReceivedView(ReceiptView.of(receipt), PurchaseOrderView.of(orders.get(id)))).build();
    }

    @GET
    @Path("{id}/receipts")
    @RolesAllowed({Roles.CATALOG_MANAGER, Roles.ADMIN})
    @Operation(summary = "The receipts of an order, oldest first")
    public List<ReceiptView> receipts(@PathParam("id") UUID id) {
        return orders.receipts(id).stream().map(ReceiptView::of).toList();
    }

    @GET
    @Path("{id}")
    @RolesAllowed({Roles.CATALOG_MANAGER, Roles.ADMIN})
    @Operation(summary = "A purchase order", description = "With each line's ordered, received and variance.")
    public PurchaseOrderView get(@PathParam("id") UUID id) {
        return PurchaseOrderView.of(orders.get(id));
    }

    @GET
    @RolesAllowed({Roles.CATALOG_MANAGER, Roles.ADMIN})
    @Operation(summary = "Purchase orders, newest first", description = "Optionally by status, supplier and "
            + "warehouse.")
    public Page<PurchaseOrderView> list(@QueryParam("status") @Pattern(regexp = STATUSES,
                                                message = "a purchase order status") String status,
                                        @QueryParam("supplierId") UUID supplierId,
                                        @QueryParam("warehouseId") UUID warehouseId,
                                        @QueryParam("page") @DefaultValue("0") @Min(0) @Max(Page.MAX_PAGE) int page,
                                        @QueryParam("size") @DefaultValue(Page.DEFAULT_SIZE) @Min(1)
                                        @Max(Page.MAX_SIZE) int size) {
        return orders.list(status == null ? null : PurchaseOrderStatus.valueOf(status), supplierId, warehouseId,
                page, size).map(PurchaseOrderView::of);
    }
}
