package io.eventcommerce.copilot.replica.messaging;

import io.eventcommerce.copilot.replica.service.CategoryPaths;
import io.eventcommerce.copilot.replica.service.CustomerDimension;
import io.eventcommerce.copilot.replica.service.OrderFacts;
import io.eventcommerce.copilot.replica.service.ProductDimension;
import io.eventcommerce.copilot.replica.service.RefundFacts;
import io.eventcommerce.servicekit.messaging.EventChannels;
import io.eventcommerce.servicekit.messaging.EventHandling;
import io.eventcommerce.servicekit.messaging.IncomingEvent;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import java.util.Map;
import java.util.function.Consumer;

/**
 * The five topics the analytic replica is built from, one channel each; see application.properties. One facade: the
 * replica is one model, and its dead letters are replayed through the same handlers.
 */
@ApplicationScoped
public class ReplicaConsumers implements EventChannels {

    private final EventHandling handling;
    private final Map<String, Consumer<IncomingEvent>> handlers;

    public ReplicaConsumers(EventHandling handling, OrderFacts orders, RefundFacts refunds,
                            CustomerDimension customers, ProductDimension products, CategoryPaths categories) {
        this.handling = handling;
        this.handlers = Map.of("orders-order", orders::apply, "orders-payment", refunds::apply,
                "orders-customer", customers::apply, "catalog-product", products::apply,
                "catalog-category", categories::apply);
    }

    @Override
    public Map<String, Consumer<IncomingEvent>> handlers() {
        return handlers;
    }

    @Incoming("orders-order")
    @Blocking
    public void onOrderEvent(ConsumerRecord<String, String> record) {
        handling.handle("orders-order", record, handlers.get("orders-order"));
    }

    @Incoming("orders-payment")
    @Blocking
    public void onPaymentEvent(ConsumerRecord<String, String> record) {
        handling.handle("orders-payment", record, handlers.get("orders-payment"));
    }

    @Incoming("orders-customer")
    @Blocking
    public void onCustomerEvent(ConsumerRecord<String, String> record) {
        handling.handle("orders-customer", record, handlers.get("orders-customer"));
    }

    @Incoming("catalog-product")
    @Blocking
    public void onProductEvent(ConsumerRecord<String, String> record) {
        handling.handle("catalog-product", record, handlers.get("catalog-product"));
    }

    @Incoming("catalog-category")
    @Blocking
    public void onCategoryEvent(ConsumerRecord<String, String> record) {
        handling.handle("catalog-category", record, handlers.get("catalog-category"));
    }
}
