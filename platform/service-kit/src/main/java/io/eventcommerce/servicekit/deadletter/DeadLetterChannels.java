package io.eventcommerce.servicekit.deadletter;

import io.eventcommerce.servicekit.messaging.EventChannels;
import io.eventcommerce.servicekit.messaging.IncomingEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import org.eclipse.microprofile.config.Config;

import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * This service's dead-letter topics, each with the channel it belongs to and that channel's handler, from the
 * {@link EventChannels} facades and {@code mp.messaging.incoming.<channel>.dead-letter-queue.topic}.
 */
@ApplicationScoped
public class DeadLetterChannels {

    /**
     * One dead-letter topic: where its records came from and how to apply them again. {@code replayGroup} is the
     * consumer group whose committed offset says how far the topic has been replayed; it never subscribes.
     */
    public record DeadLetterTopic(String topic, String channel, String replayGroup, Consumer<IncomingEvent> handler) {
    }

    private final Map<String, DeadLetterTopic> topics = new TreeMap<>();

    public DeadLetterChannels(Instance<EventChannels> facades, Config config) {
        for (EventChannels facade : facades) {
            facade.handlers().forEach((channel, handler) -> {
                String prefix = "mp.messaging.incoming." + channel + ".";
                config.getOptionalValue(prefix + "dead-letter-queue.topic", String.class).ifPresent(topic -> {
                    String group = config.getOptionalValue(prefix + "group.id", String.class)
                            .orElseGet(() -> config.getValue("quarkus.application.name", String.class));
                    topics.put(topic, new DeadLetterTopic(topic, channel, group + "-dlq-replay", handler));
                });
            });
        }
    }

    public Collection<DeadLetterTopic> all() {
        return topics.values();
    }

    public Optional<DeadLetterTopic> get(String topic) {
        return Optional.ofNullable(topics.get(topic));
    }
}
