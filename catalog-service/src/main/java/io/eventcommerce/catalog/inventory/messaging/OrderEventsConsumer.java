package io.eventcommerce.catalog.inventory.messaging;

import io.eventcommerce.catalog.inventory.service.ReservationHandler;
import io.eventcommerce.servicekit.messaging.EventChannels;
import io.eventcommerce.servicekit.messaging.EventHandling;
import io.eventcommerce.servicekit.messaging.IncomingEvent;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import java.util.Map;
import java.util.function.Consumer;

/** Reads orders.order (channel {@code orders-order}) for the stock side of the order saga. */
@ApplicationScoped
public class OrderEventsConsumer implements EventChannels {

    private final EventHandling handling;
    private final ReservationHandler reservations;

    public OrderEventsConsumer(EventHandling handling, ReservationHandler reservations) {
        this.handling = handling;
        this.reservations = reservations;
    }

    @Override
    public Map<String, Consumer<IncomingEvent>> handlers() {
        return Map.of("orders-order", reservations::apply);
    }

    @Incoming("orders-order")
    @Blocking
    public void onOrderEvent(ConsumerRecord<String, String> record) {
        handling.handle("orders-order", record, reservations::apply);
    }
}
