package io.eventcommerce.orders.order.service;

import io.eventcommerce.orders.OrdersConfig;
import io.eventcommerce.orders.catalog.domain.CatalogProduct;
import io.eventcommerce.orders.catalog.domain.CatalogProductRepository;
import io.eventcommerce.orders.customer.domain.CustomerRepository;
import io.eventcommerce.orders.order.domain.CancelReason;
import io.eventcommerce.orders.order.domain.Channel;
import io.eventcommerce.orders.order.domain.IdempotencyRecord;
import io.eventcommerce.orders.order.domain.IdempotencyRecordRepository;
import io.eventcommerce.orders.order.domain.Order;
import io.eventcommerce.orders.order.domain.OrderPricing;
import io.eventcommerce.orders.order.domain.OrderRepository;
import io.eventcommerce.orders.order.domain.OrderStatus;
import io.eventcommerce.orders.order.domain.PostalAddress;
import io.eventcommerce.orders.payment.domain.CardToken;
import io.eventcommerce.orders.payment.domain.PaymentMethod;
import io.eventcommerce.orders.payment.domain.PaymentRefund;
import io.eventcommerce.orders.payment.service.PaymentMethodService;
import io.eventcommerce.orders.payment.service.PaymentService;
import io.eventcommerce.servicekit.problem.ApiException;
import io.eventcommerce.servicekit.problem.DomainException;
import io.eventcommerce.servicekit.problem.ProblemType;
import io.eventcommerce.servicekit.rest.Page;
import io.eventcommerce.servicekit.time.Timestamps;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

@ApplicationScoped
public class OrderService {

    private final OrderRepository orders;
    private final CustomerRepository customers;
    private final CatalogProductRepository products;
    private final IdempotencyRecordRepository idempotency;
    private final PaymentMethodService paymentMethods;
    private final PaymentService payments;
    private final PromotionUses promotions;
    private final OrderEvents events;
    private final OrdersConfig config;

    public OrderService(OrderRepository orders, CustomerRepository customers, CatalogProductRepository products,
                        IdempotencyRecordRepository idempotency, PaymentMethodService paymentMethods,
                        PaymentService payments, PromotionUses promotions, OrderEvents events,
                        OrdersConfig config) {
        this.orders = orders;
        this.customers = customers;
        this.products = products;
        this.idempotency = idempotency;
        this.paymentMethods = paymentMethods;
        this.payments = payments;
        this.promotions = promotions;
        this.events = events;
        this.config = config;
    }

    /**
     * How an order is paid: a saved method of the customer, or a token the client got from the gateway.
     * Exactly one is set.
     */
    public record Payment(UUID paymentMethodId, String paymentToken) {
    }

    public record PlaceOrder(UUID customerId, List<OrderPricing.RequestedLine> lines, Channel channel,
                             String clientIp, PostalAddress shippingAddress, PostalAddress billingAddress,
                             Payment payment, String promotionCode) {
    }

    /** An Idempotency-Key as sent by a caller, with the hash of the request it came with. */
    public record IdempotencyKey(String caller, String key, String requestHash) {
        IdempotencyRecord.Key id() {
            return new IdempotencyRecord.Key(caller, key);
        }
    }

    /**
     * Prices the lines from the product replica, applies the promotion code and counts its use, stores the order
     * {@code PENDING} and publishes {@code OrderPlaced}, all in one transaction. With an idempotency key, the key is claimed first in the same transaction: a
     * concurrent request with the same key waits on it and then fails on the unique key, and nothing of it remains.
     */
    public Order place(PlaceOrder command, IdempotencyKey key) {
        // The gateway is asked about the token before the transaction: not while it holds the key's row lock.
        Map<String, Optional<CardToken>> cards = command.payment().paymentToken() == null ? Map.of()
                : paymentMethods.describe(List.of(command.payment().paymentToken()));
        return place(command, key, cards);
    }

    @Transactional
    Order place(PlaceOrder command, IdempotencyKey key, Map<String, Optional<CardToken>> cards) {
        Instant now = Timestamps.now();
        UUID orderId = UUID.randomUUID();
        if (key != null) {
            idempotency.persist(new IdempotencyRecord(key.id(), key.requestHash(), orderId, now));
            idempotency.flush();
        }
        if (customers.findByIdOptional(command.customerId()).isEmpty()) {
            throw DomainException.invalid("customerId", "unknown customer");
        }
        Map<UUID, CatalogProduct> replica = products.findAllById(command.lines().stream()
                        .map(OrderPricing.RequestedLine::productId).distinct().toList())
                .stream().collect(Collectors.toMap(CatalogProduct::productId, Function.identity()));
        OrderPricing.Result priced = OrderPricing.price(command.lines(), replica);
        if (!priced.valid()) {
            throw DomainException.invalid(priced.errors());
        }
        PromotionUses.Applied promotion = command.promotionCode() == null ? null
                : promotions.check(command.promotionCode(), priced.subtotal(), priced.currency(), now);
        PaymentMethod method = command.payment().paymentMethodId() != null
                ? paymentMethods.get(command.customerId(), command.payment().paymentMethodId())
                : paymentMethods.fromToken(command.customerId(), command.payment().paymentToken(),
                        cards.get(command.payment().paymentToken()), "paymentToken");
        Order order = Order.place(orderId, priced, new Order.Placement(command.customerId(), command.channel(),
                        command.clientIp(), command.shippingAddress(), command.billingAddress(), method.id(),
                        promotion == null ? null : promotion.promotion().code(),
                        promotion == null ? null : promotion.discount()), config.saga().policy(), now);
        orders.persistAndFlush(order);
        if (promotion != null) {
            // Last, so the promotion's row lock is held for as short a time as possible.
            promotions.claim(promotion, orderId, command.customerId(), now);
        }
        events.placed(order, method);
        return order;
    }

    /** The order an earlier request with this key created; 422 if the key came with a different request. */
    @Transactional
    public Optional<Order> replay(IdempotencyKey key) {
        return idempotency.findByIdOptional(key.id()).map(record -> {
            if (!record.requestHash().equals(key.requestHash())) {
                throw new ApiException(ProblemType.IDEMPOTENCY_KEY_REUSED, "This Idempotency-Key was used for a "
                        + "different request; use a new key for a new order");
            }
            return get(record.orderId());
        });
    }

    public Order get(UUID id) {
        return orders.findByIdOptional(id).orElseThrow(() -> DomainException.notFound("Order", id));
    }

    /** A customer's orders, newest first. */
    public Page<Order> history(UUID customerId, OrderStatus status, int page, int size) {
        var query = status == null
                ? orders.find("customerId", Sort.descending("createdAt"), customerId)
                : orders.find("customerId = ?1 and status = ?2", Sort.descending("createdAt"), customerId, status);
        return Page.of(query.page(page, size).list(), page, size, query.count());
    }

    /**
     * Cancels on request, until the order ships. The order row is locked (so a shipment, the payment step or a
     * timeout cannot interleave: of a cancel and a shipment exactly one wins), and in the same transaction as
     * OrderCancelled the money to give back is recorded: a PAID order's refund, or for a CONFIRMED order (its
     * payment not yet settled) a void of its charge. {@link io.eventcommerce.orders.payment.service.RefundProcess}
     * makes them through the gateway afterwards, outside any transaction.
     */
    @Transactional
    public Order cancel(UUID id, CancelReason reason, String detail) {
        Order order = orders.lock(id).orElseThrow(() -> DomainException.notFound("Order", id));
        OrderStatus previous = order.status();
        Instant now = Timestamps.now();
        order.cancel(reason, detail, now);
        if (previous == OrderStatus.PAID) {
            payments.requestRefund(order, reason.name(), now);
        } else if (previous == OrderStatus.CONFIRMED) {
            payments.requestVoid(order, reason.name(), now);
        }
        orders.flush();
        events.moved(order, previous, now);
        return order;
    }

    /**
     * Records a chargeback on a paid order that was not refunded (PAID, SHIPPED or DELIVERED): the issuer took the
     * money back, so the payment is refunded at once with PaymentRefunded ({@code FRAUD_CHARGEBACK} when disputed as
     * fraud, else {@code CHARGEBACK}). The order keeps its status; anything else is 409 and changes nothing.
     */
    @Transactional
    public PaymentRefund chargeback(UUID id, boolean fraud, String comment) {
        Order order = orders.lock(id).orElseThrow(() -> DomainException.notFound("Order", id));
        if (!CHARGEABLE_BACK.contains(order.status())) {
            throw DomainException.conflict("Order " + id + " is " + order.status()
                    + ": only a PAID, SHIPPED or DELIVERED order can be charged back");
        }
        return payments.recordChargeback(order, fraud ? PaymentService.FRAUD_CHARGEBACK : PaymentService.CHARGEBACK,
                comment, Timestamps.now());
    }

    private static final Set<OrderStatus> CHARGEABLE_BACK = EnumSet.of(OrderStatus.PAID, OrderStatus.SHIPPED,
            OrderStatus.DELIVERED);
}
