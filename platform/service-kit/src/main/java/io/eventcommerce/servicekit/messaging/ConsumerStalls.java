package io.eventcommerce.servicekit.messaging;

import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The channels that are retrying a transient failure right now, each held at one record (it is not committed past
 * until it passes). {@link ConsumerStallCheck} reports the long ones on readiness, so an outage is visible without
 * costing an event.
 */
@ApplicationScoped
public class ConsumerStalls {

    /** One channel held at one record since {@code since}. */
    public record Stall(String channel, String topic, int partition, long offset, String event, Instant since,
                        int attempts, String lastError) {

        public Duration age(Instant now) {
            return Duration.between(since, now);
        }
    }

    private final Map<String, Stall> stalls = new ConcurrentHashMap<>();
    private final Clock clock;

    public ConsumerStalls() {
        this(Clock.systemUTC());
    }

    ConsumerStalls(Clock clock) {
        this.clock = clock;
    }

    /** Records another failed attempt at {@code event}; the stall's start is kept from the first attempt. */
    void retrying(String channel, IncomingEvent event, int attempts, Throwable failure) {
        Instant now = clock.instant();
        stalls.compute(channel, (name, previous) -> new Stall(channel, event.topic(), event.partition(),
                event.offset(), event.toString(),
                previous != null && previous.offset() == event.offset() && previous.topic().equals(event.topic())
                        ? previous.since() : now,
                attempts, FailureClass.describe(failure)));
    }

    void passed(String channel) {
        stalls.remove(channel);
    }

    public Collection<Stall> current() {
        return List.copyOf(stalls.values());
    }

    /** The stalls that have lasted longer than {@code limit}. */
    public List<Stall> longerThan(Duration limit) {
        Instant now = clock.instant();
        return stalls.values().stream().filter(stall -> stall.age(now).compareTo(limit) > 0).toList();
    }
}
