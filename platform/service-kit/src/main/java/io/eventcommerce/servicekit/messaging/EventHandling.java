package io.eventcommerce.servicekit.messaging;

import io.eventcommerce.events.MalformedEventException;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.function.Consumer;

/**
 * How a consumer facade hands a Kafka record to its transactional handler: parse it, then apply it with bounded
 * retries and back-off ({@code platform.consumer.max-retries}, default 3). If it still fails, or cannot be parsed at
 * all, the exception leaves the {@code @Incoming} method, the message is nacked and the channel's
 * {@code dead-letter-queue} failure strategy sends it to the dead-letter topic with the reason; the consumer goes on.
 * Retrying only pays for failures that can pass (a lock timeout, a dropped connection), so a malformed event is not
 * retried.
 */
@ApplicationScoped
public class EventHandling {

    private static final Logger LOG = Logger.getLogger(EventHandling.class);

    private final int maxRetries;
    private final Duration backoff;

    public EventHandling(@ConfigProperty(name = "platform.consumer.max-retries", defaultValue = "3") int maxRetries,
                         @ConfigProperty(name = "platform.consumer.retry-backoff", defaultValue = "PT0.2S") Duration backoff) {
        this.maxRetries = maxRetries;
        this.backoff = backoff;
    }

    public void handle(ConsumerRecord<String, String> record, Consumer<IncomingEvent> handler) {
        IncomingEvent event;
        try {
            event = IncomingEvent.from(record);
        } catch (MalformedEventException e) {
            LOG.warnf("Dead-lettering malformed record %s-%d@%d: %s", record.topic(), record.partition(),
                    record.offset(), e.getMessage());
            throw e;
        }
        if (maxRetries == 0) {
            handler.accept(event);
            return;
        }
        Uni.createFrom().item(event)
                .invoke(handler)
                .onFailure(failure -> !(failure instanceof MalformedEventException))
                .invoke(failure -> LOG.warnf("Handling %s failed, will retry: %s", event, failure.toString()))
                .onFailure(failure -> !(failure instanceof MalformedEventException))
                .retry().withBackOff(backoff, backoff.multipliedBy(10)).atMost(maxRetries)
                .onFailure().invoke(failure -> LOG.errorf("Dead-lettering %s: %s", event, failure.toString()))
                .await().indefinitely();
    }
}
