package io.eventcommerce.catalog.privacy.messaging;

import io.eventcommerce.catalog.privacy.service.PrivacyRequestHandler;
import io.eventcommerce.servicekit.messaging.EventChannels;
import io.eventcommerce.servicekit.messaging.EventHandling;
import io.eventcommerce.servicekit.messaging.IncomingEvent;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import java.util.Map;
import java.util.function.Consumer;

/** compliance.privacy-request (channel {@code privacy-requests}): data-subject requests; see application.properties. */
@ApplicationScoped
public class PrivacyConsumers implements EventChannels {

    private final EventHandling handling;
    private final PrivacyRequestHandler requests;

    public PrivacyConsumers(EventHandling handling, PrivacyRequestHandler requests) {
        this.handling = handling;
        this.requests = requests;
    }

    @Override
    public Map<String, Consumer<IncomingEvent>> handlers() {
        return Map.of("privacy-requests", requests::apply);
    }

    @Incoming("privacy-requests")
    @Blocking
    public void onRequest(ConsumerRecord<String, String> record) {
        handling.handle("privacy-requests", record, requests::apply);
    }
}
