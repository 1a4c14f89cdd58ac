package io.eventcommerce.orders.order.domain;

import io.eventcommerce.servicekit.persistence.VersionedEntity;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

@Entity
@Table(name = "customer_order")
public class Order extends VersionedEntity {

    @JdbcTypeCode(SqlTypes.CHAR)
    @Column(name = "customer_id", nullable = false, length = 36)
    private UUID customerId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    private OrderStatus status;

    @Column(nullable = false, length = 3, columnDefinition = "CHAR(3)")
    private String currency;

    @Column(nullable = false, precision = 14, scale = 2)
    private BigDecimal subtotal;

    @Column(nullable = false, precision = 14, scale = 2)
    private BigDecimal total;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 10)
    private Channel channel;

    @Column(name = "client_ip", length = 45)
    private String clientIp;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "order_item", joinColumns = @JoinColumn(name = "order_id"))
    @OrderBy("lineNo")
    private List<OrderLine> lines = new ArrayList<>();

    protected Order() {
    }

    private Order(UUID id, Instant now) {
        super(id, now);
    }

    /** A new order from lines priced by {@link OrderPricing}; it starts {@link OrderStatus#PENDING}. */
    public static Order place(UUID customerId, OrderPricing.Result priced, Channel channel, String clientIp,
                              Instant now) {
        if (!priced.valid() || priced.lines().isEmpty()) {
            throw new IllegalArgumentException("an order needs priced lines");
        }
        Order order = new Order(UUID.randomUUID(), now);
        order.customerId = customerId;
        order.status = OrderStatus.PENDING;
        order.currency = priced.currency();
        order.subtotal = priced.subtotal();
        order.total = priced.subtotal();
        order.channel = channel;
        order.clientIp = clientIp;
        order.lines.addAll(priced.lines());
        return order;
    }

    public UUID customerId() {
        return customerId;
    }

    public OrderStatus status() {
        return status;
    }

    public String currency() {
        return currency;
    }

    public BigDecimal subtotal() {
        return subtotal;
    }

    public BigDecimal total() {
        return total;
    }

    public Channel channel() {
        return channel;
    }

    public String clientIp() {
        return clientIp;
    }

    public List<OrderLine> lines() {
        return List.copyOf(lines);
    }

}
