package io.eventcommerce.orders.order.service;

import io.eventcommerce.orders.catalog.domain.CatalogProduct;
import io.eventcommerce.orders.catalog.domain.CatalogProductRepository;
import io.eventcommerce.orders.customer.domain.Customer;
import io.eventcommerce.orders.customer.domain.CustomerRepository;
import io.eventcommerce.orders.order.domain.CancelReason;
import io.eventcommerce.orders.order.domain.Channel;
import io.eventcommerce.orders.order.domain.ImportedTimeline;
import io.eventcommerce.orders.order.domain.Order;
import io.eventcommerce.orders.order.domain.OrderLine;
import io.eventcommerce.orders.order.domain.OrderPricing;
import io.eventcommerce.orders.order.domain.OrderRepository;
import io.eventcommerce.orders.order.domain.OrderStatus;
import io.eventcommerce.orders.order.domain.PostalAddress;
import io.eventcommerce.orders.payment.domain.CardToken;
import io.eventcommerce.orders.payment.domain.Payment;
import io.eventcommerce.orders.payment.domain.PaymentMethod;
import io.eventcommerce.orders.payment.service.PaymentMethodService;
import io.eventcommerce.orders.payment.service.PaymentService;
import io.eventcommerce.orders.shipment.domain.OrderReturn;
import io.eventcommerce.orders.shipment.domain.OrderReturnRepository;
import io.eventcommerce.orders.shipment.domain.Shipment;
import io.eventcommerce.orders.shipment.domain.ShipmentRepository;
import io.eventcommerce.orders.shipment.domain.ShipmentStatus;
import io.eventcommerce.servicekit.problem.DomainException;
import io.eventcommerce.servicekit.problem.Problem.FieldError;
import io.eventcommerce.servicekit.time.Timestamps;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Backfills order history (admin only): each order is stored in the final status it reached, with its original
 * times and prices, and publishes the events of every step it went through, in order, with those times. OrderPlaced
 * says {@code imported}, so catalog-service reserves nothing; no OrderConfirmed is published, so nothing is charged.
 * A batch is all or nothing; an order whose id exists already is skipped, so a batch can be sent again safely.
 */
@ApplicationScoped
public class OrderImportService {

    public static final int MAX_BATCH = 500;

    private final OrderRepository orders;
    private final CustomerRepository customers;
    private final CatalogProductRepository products;
    private final PaymentMethodService paymentMethods;
    private final PaymentService payments;
    private final ShipmentRepository shipments;
    private final OrderReturnRepository returns;
    private final OrderEvents events;

    public OrderImportService(OrderRepository orders, CustomerRepository customers,
                              CatalogProductRepository products, PaymentMethodService paymentMethods,
                              PaymentService payments, ShipmentRepository shipments, OrderReturnRepository returns,
                              OrderEvents events) {
        this.orders = orders;
        this.customers = customers;
        this.products = products;
        this.paymentMethods = paymentMethods;
        this.payments = payments;
        this.shipments = shipments;
        this.returns = returns;
        this.events = events;
    }

    public record Line(UUID productId, int quantity, BigDecimal unitPrice) {
    }

    public record Shipping(String carrier, String trackingNumber) {
    }

    public record Returned(String reason, boolean restock) {
    }

    public record HistoricalOrder(UUID id, UUID customerId, Channel channel, List<Line> lines,
                                  PostalAddress shippingAddress, PostalAddress billingAddress, UUID paymentMethodId,
                                  String paymentToken, String promotionCode, BigDecimal discount,
                                  ImportedTimeline timeline, CancelReason cancelReason, Shipping shipping,
                                  Returned returned, String clientIp, Instant chargebackAt) {
    }

    public record Outcome(int imported, int skipped) {
    }

    public Outcome importBatch(List<HistoricalOrder> batch) {
        // The gateway is asked about the tokens before the (long) transaction, never under it.
        return importBatch(batch, paymentMethods.describe(batch.stream().map(HistoricalOrder::paymentToken)
                .filter(java.util.Objects::nonNull).distinct().toList()));
    }

    @Transactional
    Outcome importBatch(List<HistoricalOrder> batch, Map<String, Optional<CardToken>> cards) {
        Set<UUID> ids = batch.stream().map(HistoricalOrder::id).collect(Collectors.toSet());
        if (ids.size() != batch.size()) {
            throw DomainException.invalid("orders", "an order id appears twice in the batch");
        }
        Set<UUID> existing = new HashSet<>(orders.find("id in ?1", ids).stream().map(Order::id).toList());
        Map<UUID, CatalogProduct> replica = products.findAllById(batch.stream().flatMap(o -> o.lines().stream())
                        .map(Line::productId).distinct().toList())
                .stream().collect(Collectors.toMap(CatalogProduct::productId, Function.identity()));
        List<FieldError> errors = new ArrayList<>();
        List<Runnable> writes = new ArrayList<>();
        var now = Timestamps.now();
        for (int i = 0; i < batch.size(); i++) {
            HistoricalOrder order = batch.get(i);
            if (existing.contains(order.id())) {
                continue;
            }
            String prefix = "orders[" + i + "].";
            List<FieldError> own = new ArrayList<>(order.timeline().errors(prefix, now));
            OrderPricing.Result priced = price(order, replica, prefix, own);
            if (order.timeline().status() == OrderStatus.CANCELLED && order.cancelReason() == null) {
                own.add(new FieldError(prefix + "cancelReason", "required for a cancelled order"));
            }
            if (order.timeline().shipped() && order.shipping() == null) {
                own.add(new FieldError(prefix + "shipment", "required for a shipped order"));
            }
            if (order.timeline().status() == OrderStatus.RETURNED && order.returned() == null) {
                own.add(new FieldError(prefix + "returned", "required for a returned order"));
            }
            if (order.discount() != null && priced.subtotal().compareTo(order.discount()) < 0) {
                own.add(new FieldError(prefix + "discount", "exceeds the subtotal"));
            }
            Optional<Customer> customer = customers.findByIdOptional(order.customerId());
            if (customer.isEmpty()) {
                own.add(new FieldError(prefix + "customerId", "unknown customer"));
            } else if (order.timeline().placedAt() != null
                    && order.timeline().placedAt().isBefore(customer.get().createdAt())) {
                own.add(new FieldError(prefix + "placedAt", "is before the customer registered ("
                        + customer.get().createdAt() + ")"));
            }
            chargebackErrors(order, prefix, now, own);
            if (own.isEmpty()) {
                writes.add(() -> write(order, priced, prefix, cards));
            }
            errors.addAll(own);
        }
        if (!errors.isEmpty()) {
            throw DomainException.invalid(errors);
        }
        writes.forEach(Runnable::run);
        return new Outcome(writes.size(), batch.size() - writes.size());
    }

    /** A chargeback takes back a payment that was made and not refunded: PAID, SHIPPED or DELIVERED, after paidAt. */
    private static void chargebackErrors(HistoricalOrder order, String prefix, Instant now, List<FieldError> errors) {
        Instant at = order.chargebackAt();
        if (at == null) {
            return;
        }
        ImportedTimeline t = order.timeline();
        if (!CHARGEABLE_BACK.contains(t.status())) {
            errors.add(new FieldError(prefix + "chargebackAt", "only for a PAID, SHIPPED or DELIVERED order"));
        } else if (t.paidAt() != null && at.isBefore(t.paidAt())) {
            errors.add(new FieldError(prefix + "chargebackAt", "is before paidAt"));
        } else if (at.isAfter(now)) {
            errors.add(new FieldError(prefix + "chargebackAt", "is in the future"));
        }
    }

    private static final Set<OrderStatus> CHARGEABLE_BACK = EnumSet.of(OrderStatus.PAID, OrderStatus.SHIPPED,
            OrderStatus.DELIVERED);

    private static OrderPricing.Result price(HistoricalOrder order, Map<UUID, CatalogProduct> replica,
                                             String prefix, List<FieldError> errors) {
        List<OrderLine> lines = new ArrayList<>();
        String currency = null;
        BigDecimal subtotal = BigDecimal.ZERO.setScale(2);
        for (int l = 0; l < order.lines().size(); l++) {
            Line line = order.lines().get(l);
            CatalogProduct product = replica.get(line.productId());
            if (product == null) {
                errors.add(new FieldError(prefix + "lines[" + l + "].productId", "unknown product"));
                continue;
            }
            if (currency != null && !currency.equals(product.currency())) {
                errors.add(new FieldError(prefix + "lines[" + l + "].productId", "priced in another currency"));
                continue;
            }
            currency = product.currency();
            BigDecimal unitPrice = line.unitPrice().setScale(2, RoundingMode.UNNECESSARY);
            OrderLine priced = new OrderLine(l + 1, product.productId(), product.sku(), product.name(),
                    line.quantity(), unitPrice, product.version());
            lines.add(priced);
            subtotal = subtotal.add(priced.lineTotal());
        }
        return new OrderPricing.Result(List.copyOf(lines), currency, subtotal, List.of());
    }

    private void write(HistoricalOrder h, OrderPricing.Result priced, String prefix,
                       Map<String, Optional<CardToken>> cards) {
        PaymentMethod method = h.paymentMethodId() != null
                ? paymentMethods.get(h.customerId(), h.paymentMethodId())
                : paymentMethods.fromToken(h.customerId(), h.paymentToken(), cards.get(h.paymentToken()),
                prefix + "paymentToken");
        ImportedTimeline t = h.timeline();
        Order order = Order.imported(h.id(), priced, new Order.Placement(h.customerId(), h.channel(), h.clientIp(),
                h.shippingAddress(), h.billingAddress(), method.id(), h.promotionCode(), h.discount()), t,
                h.cancelReason());
        orders.persist(order);
        orders.flush();
        events.placed(order, method, true);
        if (t.status() == OrderStatus.CANCELLED) {
            events.cancelledImported(order, OrderStatus.PENDING, t.cancelledAt());
            return;
        }
        Payment payment = payments.recordImported(order, method, t.paidAt());
        if (h.chargebackAt() != null) {
            payments.recordImportedRefund(order, payment, PaymentService.FRAUD_CHARGEBACK, h.chargebackAt());
        }
        if (!t.shipped()) {
            return;
        }
        Shipment shipment = new Shipment(UUID.randomUUID(), order.id(), h.shipping().carrier(),
                h.shipping().trackingNumber(), t.shippedAt());
        shipments.persist(shipment);
        events.shipped(order, shipment);
        if (!t.delivered()) {
            return;
        }
        shipment.track(ShipmentStatus.DELIVERED, t.deliveredAt());
        events.delivered(order, shipment);
        if (t.status() == OrderStatus.RETURNED) {
            OrderReturn returned = new OrderReturn(order.id(), h.returned().reason(), h.returned().restock(),
                    payment.amount(), "import", t.returnedAt());
            returns.persist(returned);
            payments.recordImportedRefund(order, payment, "RETURN", t.returnedAt());
            events.returned(order, returned);
        }
    }
}
