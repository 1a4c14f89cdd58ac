package io.eventcommerce.insights.customer.messaging;

import io.eventcommerce.insights.customer.service.CustomerProfiles;
import io.eventcommerce.servicekit.messaging.EventChannels;
import io.eventcommerce.servicekit.messaging.EventHandling;
import io.eventcommerce.servicekit.messaging.IncomingEvent;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import java.util.Map;
import java.util.function.Consumer;

/** orders.customer (channel {@code orders-customer}) into the customer summaries; see application.properties. */
@ApplicationScoped
public class CustomerConsumers implements EventChannels {

    private final EventHandling handling;
    private final CustomerProfiles profiles;

    public CustomerConsumers(EventHandling handling, CustomerProfiles profiles) {
        this.handling = handling;
        this.profiles = profiles;
    }

    @Override
    public Map<String, Consumer<IncomingEvent>> handlers() {
        return Map.of("orders-customer", profiles::apply);
    }

    @Incoming("orders-customer")
    @Blocking
    public void onCustomerEvent(ConsumerRecord<String, String> record) {
        handling.handle("orders-customer", record, profiles::apply);
    }
}
