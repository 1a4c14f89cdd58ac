package io.eventcommerce.catalog.review.messaging;

import io.eventcommerce.catalog.review.service.VerifiedPurchaseHandler;
import io.eventcommerce.servicekit.messaging.EventChannels;
import io.eventcommerce.servicekit.messaging.EventHandling;
import io.eventcommerce.servicekit.messaging.IncomingEvent;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import java.util.Map;
import java.util.function.Consumer;

/**
 * Reads orders.order (channel {@code orders-deliveries}, its own consumer group) for deliveries, which make
 * customers verified buyers. A group of its own keeps reviews independent of the stock side of the saga.
 */
@ApplicationScoped
public class DeliveryConsumer implements EventChannels {

    private final EventHandling handling;
    private final VerifiedPurchaseHandler purchases;

    public DeliveryConsumer(EventHandling handling, VerifiedPurchaseHandler purchases) {
        this.handling = handling;
        this.purchases = purchases;
    }

    @Override
    public Map<String, Consumer<IncomingEvent>> handlers() {
        return Map.of("orders-deliveries", purchases::apply);
    }

    @Incoming("orders-deliveries")
    @Blocking
    public void onOrderEvent(ConsumerRecord<String, String> record) {
        handling.handle("orders-deliveries", record, purchases::apply);
    }
}
