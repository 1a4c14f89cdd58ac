package io.eventcommerce.insights.supply;

import io.eventcommerce.servicekit.messaging.EventChannels;
import io.eventcommerce.servicekit.messaging.EventHandling;
import io.eventcommerce.servicekit.messaging.IncomingEvent;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import java.util.Map;
import java.util.function.Consumer;

/** catalog.purchase-order into the purchase order replica; see application.properties. */
@ApplicationScoped
public class SupplyConsumers implements EventChannels {

    private final EventHandling handling;
    private final PurchaseOrderReplica orders;

    public SupplyConsumers(EventHandling handling, PurchaseOrderReplica orders) {
        this.handling = handling;
        this.orders = orders;
    }

    @Override
    public Map<String, Consumer<IncomingEvent>> handlers() {
        return Map.of("catalog-purchase-order", orders::apply);
    }

    @Incoming("catalog-purchase-order")
    @Blocking
    public void onPurchaseOrderEvent(ConsumerRecord<String, String> record) {
        handling.handle("catalog-purchase-order", record, orders::apply);
    }
}
