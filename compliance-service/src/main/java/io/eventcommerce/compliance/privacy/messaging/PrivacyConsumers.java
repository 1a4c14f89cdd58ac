package io.eventcommerce.compliance.privacy.messaging;

import io.eventcommerce.compliance.privacy.service.PrivacyAnswers;
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
 * Data-subject answers: compliance.privacy-response ({@code privacy-responses}: every service's answers); see
 * application.properties. compliance-service's own answer to compliance.privacy-request (channel
 * {@code privacy-requests}) is service-kit's {@code PrivacyRequestConsumer} with CompliancePersonalData, as in every
 * service.
 */
@ApplicationScoped
public class PrivacyConsumers implements EventChannels {

    private final EventHandling handling;
    private final PrivacyAnswers answers;

    public PrivacyConsumers(EventHandling handling, PrivacyAnswers answers) {
        this.handling = handling;
        this.answers = answers;
    }

    @Override
    public Map<String, Consumer<IncomingEvent>> handlers() {
        return Map.of("privacy-responses", answers::apply);
    }

    @Incoming("privacy-responses")
    @Blocking
    public void onResponse(ConsumerRecord<String, String> record) {
        handling.handle("privacy-responses", record, answers::apply);
    }
}
