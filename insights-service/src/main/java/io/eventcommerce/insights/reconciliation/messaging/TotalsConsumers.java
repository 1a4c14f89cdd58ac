package io.eventcommerce.insights.reconciliation.messaging;

import io.eventcommerce.insights.reconciliation.service.SourceTotals;
import io.eventcommerce.servicekit.messaging.EventChannels;
import io.eventcommerce.servicekit.messaging.EventHandling;
import io.eventcommerce.servicekit.messaging.IncomingEvent;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import java.util.Map;
import java.util.function.Consumer;

/** orders.totals (orders-service's daily checkpoints) into the source totals; see application.properties. */
@ApplicationScoped
public class TotalsConsumers implements EventChannels {

    private final EventHandling handling;
    private final SourceTotals totals;

    public TotalsConsumers(EventHandling handling, SourceTotals totals) {
        this.handling = handling;
        this.totals = totals;
    }

    @Override
    public Map<String, Consumer<IncomingEvent>> handlers() {
        return Map.of("orders-totals", totals::apply);
    }

    @Incoming("orders-totals")
    @Blocking
    public void onTotals(ConsumerRecord<String, String> record) {
        handling.handle("orders-totals", record, totals::apply);
    }
}
