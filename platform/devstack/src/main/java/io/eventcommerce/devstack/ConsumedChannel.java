package io.eventcommerce.devstack;

import io.eventcommerce.events.Topics;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.TreeSet;

/**
 * One incoming channel of a service, as its application.properties declares it: the topic it reads, its consumer
 * group and its dead-letter topic. Only those three keys are read ({@code mp.messaging.incoming.<channel>.topic},
 * {@code .group.id}, {@code .dead-letter-queue.topic}); the rest of a channel's settings are shared defaults.
 * A key left out takes its default: the topic is the channel's name (SmallRye), the group the application's name
 * (Quarkus), the dead-letter topic {@link Topics#deadLetter}. Profile-specific keys ({@code %test.}) are ignored.
 */
public record ConsumedChannel(String channel, String topic, String group, String deadLetterTopic) {

    private static final String PREFIX = "mp.messaging.incoming.";

    /** The channels of one service's application.properties; {@code applicationName} is its default group. */
    public static List<ConsumedChannel> parse(String applicationProperties, String applicationName) {
        Properties properties = new Properties();
        try {
            properties.load(new StringReader(applicationProperties));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        TreeSet<String> channels = new TreeSet<>();
        for (String key : properties.stringPropertyNames()) {
            if (key.startsWith(PREFIX) && key.indexOf('.', PREFIX.length()) > 0) {
                channels.add(key.substring(PREFIX.length(), key.indexOf('.', PREFIX.length())));
            }
        }
        String group = properties.getProperty("quarkus.application.name", applicationName);
        List<ConsumedChannel> parsed = new ArrayList<>();
        for (String channel : channels) {
            String topic = properties.getProperty(PREFIX + channel + ".topic", channel);
            String groupId = properties.getProperty(PREFIX + channel + ".group.id", group);
            String deadLetter = properties.getProperty(PREFIX + channel + ".dead-letter-queue.topic",
                    Topics.deadLetter(topic, groupId));
            parsed.add(new ConsumedChannel(channel, topic, groupId, deadLetter));
        }
        return List.copyOf(parsed);
    }
}
