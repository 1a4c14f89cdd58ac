package io.eventcommerce.servicekit.privacy;

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
 * compliance.privacy-request (channel {@code privacy-requests}) in every service: the consumer facade of
 * {@link DataSubjectRequests}, here once so that a service answering data-subject requests writes only its
 * {@link PersonalData}. The channel's topic, group and dead-letter topic are the service's (its application.properties,
 * like every channel). A service that holds no personal data leaves the package out of its beans
 * ({@code quarkus.arc.exclude-types=io.eventcommerce.servicekit.privacy.*}).
 */
@ApplicationScoped
public class PrivacyRequestConsumer implements EventChannels {

    private final EventHandling handling;
    private final DataSubjectRequests requests;

    public PrivacyRequestConsumer(EventHandling handling, DataSubjectRequests requests) {
        this.handling = handling;
        this.requests = requests;
    }

    @Override
    public Map<String, Consumer<IncomingEvent>> handlers() {
        return Map.of(DataSubjectRequests.CONSUMER, requests::apply);
    }

    @Incoming(DataSubjectRequests.CONSUMER)
    @Blocking
    public void onRequest(ConsumerRecord<String, String> record) {
        handling.handle(DataSubjectRequests.CONSUMER, record, requests::apply);
    }
}
