package io.eventcommerce.orders.order.service;

import io.eventcommerce.servicekit.time.Timestamps;
import io.eventcommerce.events.orders.OrderPlaced;
import io.eventcommerce.orders.catalog.domain.CatalogProduct;
import io.eventcommerce.orders.catalog.domain.CatalogProductRepository;
import io.eventcommerce.orders.customer.domain.CustomerRepository;
import io.eventcommerce.orders.order.domain.Channel;
import io.eventcommerce.orders.order.domain.Order;
import io.eventcommerce.orders.order.domain.OrderLine;
import io.eventcommerce.orders.order.domain.OrderPricing;
import io.eventcommerce.orders.order.domain.OrderRepository;
import io.eventcommerce.servicekit.outbox.Outbox;
import io.eventcommerce.servicekit.problem.ApiException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

@ApplicationScoped
public class OrderService {

    private final OrderRepository orders;
    private final CustomerRepository customers;
    private final CatalogProductRepository products;
    private final Outbox outbox;

    public OrderService(OrderRepository orders, CustomerRepository customers, CatalogProductRepository products,
                        Outbox outbox) {
        this.orders = orders;
        this.customers = customers;
        this.products = products;
        this.outbox = outbox;
    }

    /**
     * Prices the lines from the product replica, stores the order {@code PENDING} and publishes {@code OrderPlaced},
     * all in one transaction.
     */
    @Transactional
    public Order place(UUID customerId, List<OrderPricing.RequestedLine> lines, Channel channel, String clientIp) {
        if (customers.findByIdOptional(customerId).isEmpty()) {
            throw ApiException.invalidField("customerId", "unknown customer");
        }
        Map<UUID, CatalogProduct> replica = products.findAllById(lines.stream()
                        .map(OrderPricing.RequestedLine::productId).distinct().toList())
                .stream().collect(Collectors.toMap(CatalogProduct::productId, Function.identity()));
        OrderPricing.Result priced = OrderPricing.price(lines, replica);
        if (!priced.valid()) {
            throw ApiException.invalid(priced.errors());
        }
        Order order = Order.place(customerId, priced, channel, clientIp, Timestamps.now());
        orders.persistAndFlush(order);
        outbox.publish(placed(order));
        return order;
    }

    public Order get(UUID id) {
        return orders.findByIdOptional(id).orElseThrow(() -> ApiException.notFound("Order", id));
    }

    private static OrderPlaced placed(Order order) {
        List<io.eventcommerce.events.orders.OrderLine> lines = order.lines().stream()
                .map(OrderService::line).toList();
        return new OrderPlaced(order.id(), order.customerId(), order.status().name(), order.currency(), lines,
                order.subtotal(), order.total(), order.channel().name(), order.clientIp(), order.createdAt());
    }

    private static io.eventcommerce.events.orders.OrderLine line(OrderLine l) {
        return new io.eventcommerce.events.orders.OrderLine(l.lineNo(), l.productId(), l.sku(), l.name(), l.quantity(),
                l.unitPrice(), l.lineTotal(), l.productVersion());
    }
}
