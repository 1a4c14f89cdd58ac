package io.eventcommerce.orders.order.rest;

import io.eventcommerce.orders.order.domain.CancelReason;
import io.eventcommerce.orders.order.domain.Channel;
import io.eventcommerce.orders.order.domain.ImportedTimeline;
import io.eventcommerce.orders.order.domain.OrderStatus;
import io.eventcommerce.orders.order.rest.OrderResource.AddressInput;
import io.eventcommerce.orders.order.service.OrderImportService;
import io.eventcommerce.servicekit.problem.ApiException;
import io.eventcommerce.servicekit.security.Roles;
import io.netty.util.NetUtil;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
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

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

@Path("/admin/orders/import")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Admin")
public class OrderImportResource {

    private final OrderImportService imports;

    public OrderImportResource(OrderImportService imports) {
        this.imports = imports;
    }

    public record ImportRequest(@NotEmpty @Size(max = OrderImportService.MAX_BATCH)
                                List<@NotNull @Valid HistoricalOrder> orders) {
    }

    /**
     * An order as it happened. The times a status implies are required (a DELIVERED order has placedAt, paidAt,
     * shippedAt and deliveredAt) and must follow each other.
     *
     * @param id           chosen by the caller (the order's id in the system it comes from, or a UUID derived from
     *                     it): an id that exists already is skipped, so a batch can be sent again
     * @param placedAt     not before the customer registered (import customers first: /admin/customers/import)
     * @param clientIp     the IPv4 or IPv6 address the order was placed from, if known; carried by OrderPlaced
     * @param chargebackAt when the card's holder disputed a paid order as fraud (PAID, SHIPPED or DELIVERED; after
     *                     paidAt): recorded as a refund with reason FRAUD_CHARGEBACK, published as PaymentRefunded
     */
    public record HistoricalOrder(@NotNull UUID id,
                                  @NotNull UUID customerId,
                                  @NotNull @Pattern(regexp = "PAID|SHIPPED|DELIVERED|RETURNED|CANCELLED",
                                          message = "PAID, SHIPPED, DELIVERED, RETURNED or CANCELLED") String status,
                                  @Pattern(regexp = "WEB|MOBILE|STORE|PHONE|API",
                                          message = "WEB, MOBILE, STORE, PHONE or API") String channel,
                                  @NotEmpty @Size(max = 100) List<@NotNull @Valid Line> lines,
                                  @NotNull @Valid AddressInput shippingAddress,
                                  @Valid AddressInput billingAddress,
                                  UUID paymentMethodId,
                                  @Size(max = 100) String paymentToken,
                                  @Size(max = 40) String promotionCode,
                                  @DecimalMin("0.00") @Digits(integer = 12, fraction = 2) BigDecimal discount,
                                  @NotNull Instant placedAt,
                                  Instant paidAt,
                                  Instant shippedAt,
                                  Instant deliveredAt,
                                  Instant returnedAt,
                                  Instant cancelledAt,
                                  @Pattern(regexp = "OUT_OF_STOCK|FRAUD_REJECTED|PAYMENT_DECLINED|TIMEOUT|"
                                          + "CUSTOMER_REQUEST|SUPPORT_REQUEST", message = "a cancel reason")
                                  String cancelReason,
                                  @Valid Shipment shipment,
                                  @Valid Return returned,
                                  @Size(max = 45) String clientIp,
                                  @PastOrPresent Instant chargebackAt) {

        public record Line(@NotNull UUID productId, @NotNull @Min(1) @Max(1000) Integer quantity,
                           @NotNull @DecimalMin(value = "0.00", inclusive = false) @Digits(integer = 10, fraction = 2)
                           BigDecimal unitPrice) {
        }

        public record Shipment(@NotBlank @Size(max = 40) String carrier,
                               @NotBlank @Size(max = 64) String trackingNumber) {
        }

        public record Return(@NotBlank @Size(max = 500) String reason, Boolean restock) {
        }

        OrderImportService.HistoricalOrder toCommand(int index) {
            if ((paymentMethodId == null) == (paymentToken == null)) {
                throw ApiException.invalidField("orders[" + index + "].paymentMethodId",
                        "give either paymentMethodId or paymentToken");
            }
            if (clientIp != null && !NetUtil.isValidIpV4Address(clientIp) && !NetUtil.isValidIpV6Address(clientIp)) {
                throw ApiException.invalidField("orders[" + index + "].clientIp", "an IPv4 or IPv6 address");
            }
            var shipping = shippingAddress.toAddress();
            return new OrderImportService.HistoricalOrder(id, customerId,
                    channel == null ? Channel.WEB : Channel.valueOf(channel),
                    lines.stream().map(l -> new OrderImportService.Line(l.productId(), l.quantity(), l.unitPrice()))
                            .toList(),
                    shipping, billingAddress == null ? shipping : billingAddress.toAddress(), paymentMethodId,
                    paymentToken, promotionCode, discount,
                    new ImportedTimeline(OrderStatus.valueOf(status), placedAt, paidAt, shippedAt, deliveredAt,
                            returnedAt, cancelledAt),
                    cancelReason == null ? null : CancelReason.valueOf(cancelReason),
                    shipment == null ? null : new OrderImportService.Shipping(shipment.carrier(),
                            shipment.trackingNumber()),
                    returned == null ? null : new OrderImportService.Returned(returned.reason(),
                            returned.restock() == null || returned.restock()),
                    clientIp, chargebackAt);
        }
    }

    public record ImportResult(int imported, int skipped) {
    }

    @POST
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Backfill order history", description = "Up to 500 orders per request, all or nothing "
            + "(422 lists every invalid field as orders[i]...). Each order keeps its original times, prices and "
            + "final status and publishes the events of every step it went through (OrderPlaced with imported=true, "
            + "PaymentCaptured, OrderPaid, OrderShipped, OrderDelivered, OrderReturned, PaymentRefunded, "
            + "OrderCancelled) with those times; catalog-service reserves nothing and nothing is charged. Orders "
            + "whose id exists are skipped, so a batch may be sent again. An order placed before its customer "
            + "registered is refused (placedAt). A chargebackAt records a refund with reason FRAUD_CHARGEBACK "
            + "(PaymentRefunded) at that time.")
    public ImportResult importOrders(@NotNull @Valid ImportRequest request) {
        List<OrderImportService.HistoricalOrder> batch = new java.util.ArrayList<>();
        for (int i = 0; i < request.orders().size(); i++) {
            batch.add(request.orders().get(i).toCommand(i));
        }
        OrderImportService.Outcome outcome = imports.importBatch(batch);
        return new ImportResult(outcome.imported(), outcome.skipped());
    }
}
