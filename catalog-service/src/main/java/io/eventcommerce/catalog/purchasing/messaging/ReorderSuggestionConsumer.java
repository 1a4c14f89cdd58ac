package io.eventcommerce.catalog.purchasing.messaging;

import io.eventcommerce.catalog.purchasing.service.ReorderDraftHandler;
import io.eventcommerce.servicekit.messaging.EventChannels;
import io.eventcommerce.servicekit.messaging.EventHandling;
import io.eventcommerce.servicekit.messaging.IncomingEvent;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import java.util.Map;
import java.util.function.Consumer;

/** Reads insights.reorder (channel {@code insights-reorder}): reorder suggestions become DRAFT purchase orders. */
@ApplicationScoped
public class ReorderSuggestionConsumer implements EventChannels {

    private final EventHandling handling;
    private final ReorderDraftHandler drafts;

    public ReorderSuggestionConsumer(EventHandling handling, ReorderDraftHandler drafts) {
        this.handling = handling;
        this.drafts = drafts;
    }

    @Override
    public Map<String, Consumer<IncomingEvent>> handlers() {
        return Map.of("insights-reorder", drafts::apply);
    }

    @Incoming("insights-reorder")
    @Blocking
    public void onSuggestion(ConsumerRecord<String, String> record) {
        handling.handle("insights-reorder", record, drafts::apply);
    }
}
