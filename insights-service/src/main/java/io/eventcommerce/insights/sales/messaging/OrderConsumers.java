package io.eventcommerce.insights.sales.messaging;

import io.eventcommerce.insights.sales.service.OrderLifecycle;
import io.eventcommerce.insights.sales.service.Refunds;
import io.eventcommerce.servicekit.messaging.EventChannels;
import io.eventcommerce.servicekit.messaging.EventHandling;
import io.eventcommerce.servicekit.messaging.IncomingEvent;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import java.util.Map;
import java.util.function.Consumer;

/** orders.order and orders.payment into the sales read models; see application.properties. */
@ApplicationScoped
public class OrderConsumers implements EventChannels {

    private final EventHandling handling;
    private final OrderLifecycle orders;
    private final Refunds refunds;

    public OrderConsumers(EventHandling handling, OrderLifecycle orders, Refunds refunds) {
        this.handling = handling;
        this.orders = orders;
        this.refunds = refunds;
    }

    @Override
    public Map<String, Consumer<IncomingEvent>> handlers() {
        return Map.of("orders-order", orders::apply, "orders-payment", refunds::apply);
    }

    @Incoming("orders-order")
    @Blocking
    public void onOrderEvent(ConsumerRecord<String, String> record) {
        handling.handle("orders-order", record, orders::apply);
    }

    @Incoming("orders-payment")
    @Blocking
    public void onPaymentEvent(ConsumerRecord<String, String> record) {
        handling.handle("orders-payment", record, refunds::apply);
    }
}
