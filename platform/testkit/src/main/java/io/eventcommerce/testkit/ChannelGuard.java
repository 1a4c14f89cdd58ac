package io.eventcommerce.testkit;

import io.eventcommerce.events.Topics;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.spi.ConfigSource;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * Fails a service's tests when one of its incoming channels is not configured as every consumer of the platform must
 * be (docs/events.md, "Consuming"): its own topic and consumer group, its dead-letter topic named
 * {@link Topics#deadLetter} of both, the dead-letter failure strategy (SmallRye's default would stop the channel at
 * the first bad record), manual throttled commits, cooperative-sticky assignment and no unprocessed-record age check.
 * It reads the effective configuration as the Kafka connector does: the channel's own attribute, or else the
 * connector's default ({@code mp.messaging.connector.smallrye-kafka.<attribute>}, which service-kit sets).
 *
 * <p>In a {@code @QuarkusTest}: {@code ChannelGuard.assertGuarded(ConfigProvider.getConfig())}.
 */
public final class ChannelGuard {

    static final String INCOMING = "mp.messaging.incoming.";
    static final String CONNECTOR = "smallrye-kafka";
    static final String COOPERATIVE_STICKY = "org.apache.kafka.clients.consumer.CooperativeStickyAssignor";

    /** One thing wrong with one channel. */
    public record Violation(String channel, String problem) {
        @Override
        public String toString() {
            return "channel " + channel + ": " + problem;
        }
    }

    private final Function<String, Optional<String>> lookup;
    private final Iterable<String> names;

    private ChannelGuard(Function<String, Optional<String>> lookup, Iterable<String> names) {
        this.lookup = lookup;
        this.names = names;
    }

    /** The running application's configuration (every source, as the connector sees it). */
    public static ChannelGuard of(Config config) {
        // The names from each source: SmallRye's own name iterable cannot be walked more than once.
        Set<String> names = new TreeSet<>();
        for (ConfigSource source : config.getConfigSources()) {
            names.addAll(source.getPropertyNames());
        }
        return new ChannelGuard(name -> config.getOptionalValue(name, String.class), names);
    }

    /** Properties as one merged map, for tests of the guard itself. */
    public static ChannelGuard of(Map<String, String> properties) {
        return new ChannelGuard(name -> Optional.ofNullable(properties.get(name)), properties.keySet());
    }

    /** Fails with every violation of every incoming channel, or if there is no incoming channel at all. */
    public static void assertGuarded(Config config) {
        of(config).assertGuarded();
    }

    public void assertGuarded() {
        if (channels().isEmpty()) {
            throw new AssertionError("No incoming channel configured (mp.messaging.incoming.<channel>.topic)");
        }
        List<Violation> violations = violations();
        if (!violations.isEmpty()) {
            StringBuilder message = new StringBuilder("Incoming channels not configured as the platform's consumers "
                    + "must be (docs/events.md, \"Consuming\"):");
            violations.forEach(v -> message.append("\n  ").append(v));
            throw new AssertionError(message);
        }
    }

    /** The names of the incoming channels configured. */
    public Set<String> channels() {
        Set<String> channels = new TreeSet<>();
        for (String name : names) {
            if (name.startsWith(INCOMING)) {
                String rest = name.substring(INCOMING.length());
                int dot = rest.indexOf('.');
                if (dot > 0) {
                    channels.add(rest.substring(0, dot));
                }
            }
        }
        return channels;
    }

    public List<Violation> violations() {
        List<Violation> violations = new ArrayList<>();
        for (String channel : channels()) {
            check(channel, violations);
        }
        return violations;
    }

    private void check(String channel, List<Violation> violations) {
        Optional<String> topic = own(channel, "topic");
        Optional<String> group = own(channel, "group.id");
        Optional<String> deadLetters = own(channel, "dead-letter-queue.topic");
        if (topic.isEmpty()) {
            violations.add(new Violation(channel, "states no topic (the connector would read a topic named " + channel
                    + ")"));
        }
        if (group.isEmpty()) {
            violations.add(new Violation(channel, "states no group.id (a default group would be shared or random)"));
        }
        if (topic.isPresent() && group.isPresent()) {
            String expected = Topics.deadLetter(topic.get(), group.get());
            if (!deadLetters.equals(Optional.of(expected))) {
                violations.add(new Violation(channel, "dead-letter-queue.topic must be " + expected + ", is "
                        + deadLetters.orElse("not set")));
            }
        }
        String connector = own(channel, "connector").orElse(CONNECTOR);
        if (!connector.equals(CONNECTOR)) {
            violations.add(new Violation(channel, "connector must be " + CONNECTOR + ", is " + connector));
            return;
        }
        expect(channel, "failure-strategy", "dead-letter-queue", violations);
        expect(channel, "enable.auto.commit", "false", violations);
        expect(channel, "commit-strategy", "throttled", violations);
        expect(channel, "partition.assignment.strategy", COOPERATIVE_STICKY, violations);
        expect(channel, "throttled.unprocessed-record-max-age.ms", "0", violations);
    }

    private void expect(String channel, String attribute, String expected, List<Violation> violations) {
        Optional<String> actual = effective(channel, attribute);
        if (!actual.map(String::trim).equals(Optional.of(expected))) {
            violations.add(new Violation(channel, attribute + " must be " + expected + ", is "
                    + actual.orElse("not set")));
        }
    }

    /** The channel's own attribute, or else the connector's default for it. */
    private Optional<String> effective(String channel, String attribute) {
        return own(channel, attribute).or(() -> lookup.apply("mp.messaging.connector." + CONNECTOR + "." + attribute));
    }

    private Optional<String> own(String channel, String attribute) {
        return lookup.apply(INCOMING + channel + "." + attribute).filter(value -> !value.isBlank());
    }
}
