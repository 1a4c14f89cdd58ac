package io.eventcommerce.testkit;

import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ChannelGuardTest {

    /** What service-kit sets for every channel (its META-INF/microprofile-config.properties). */
    private static Map<String, String> defaults() {
        Map<String, String> properties = new HashMap<>();
        String connector = "mp.messaging.connector.smallrye-kafka.";
        properties.put(connector + "failure-strategy", "dead-letter-queue");
        properties.put(connector + "enable.auto.commit", "false");
        properties.put(connector + "commit-strategy", "throttled");
        properties.put(connector + "partition.assignment.strategy",
                "org.apache.kafka.clients.consumer.CooperativeStickyAssignor");
        properties.put(connector + "throttled.unprocessed-record-max-age.ms", "0");
        return properties;
    }

    private static void channel(Map<String, String> properties, String channel, String topic, String group,
                                String deadLetters) {
        properties.put("mp.messaging.incoming." + channel + ".topic", topic);
        properties.put("mp.messaging.incoming." + channel + ".group.id", group);
        properties.put("mp.messaging.incoming." + channel + ".dead-letter-queue.topic", deadLetters);
    }

    @Test
    void aChannelStatingItsTopicGroupAndDeadLetterTopicOnTheDefaultsPasses() {
        Map<String, String> properties = defaults();
        channel(properties, "catalog-product", "catalog.product", "orders-service", "catalog.product.orders-service.dlq");
        properties.put("kafka.bootstrap.servers", "localhost:9092");

        ChannelGuard guard = ChannelGuard.of(properties);

        assertThat(guard.channels()).containsExactly("catalog-product");
        assertThat(guard.violations()).isEmpty();
        guard.assertGuarded();
    }

    @Test
    void everyDeviationOfAMisconfiguredChannelIsReported() {
        Map<String, String> properties = defaults();
        channel(properties, "good", "orders.order", "catalog-service", "orders.order.catalog-service.dlq");
        // Copied from another channel: the dead-letter topic names the wrong group.
        channel(properties, "bad", "orders.order", "catalog-service-reviews", "orders.order.catalog-service.dlq");
        properties.put("mp.messaging.incoming.bad.failure-strategy", "fail");
        properties.put("mp.messaging.incoming.bad.enable.auto.commit", "true");
        properties.put("mp.messaging.incoming.bad.partition.assignment.strategy",
                "org.apache.kafka.clients.consumer.RangeAssignor");

        ChannelGuard guard = ChannelGuard.of(properties);

        assertThat(guard.violations()).extracting(ChannelGuard.Violation::channel).containsOnly("bad");
        assertThat(guard.violations()).extracting(ChannelGuard.Violation::problem).containsExactlyInAnyOrder(
                "dead-letter-queue.topic must be orders.order.catalog-service-reviews.dlq, is "
                        + "orders.order.catalog-service.dlq",
                "failure-strategy must be dead-letter-queue, is fail",
                "enable.auto.commit must be false, is true",
                "partition.assignment.strategy must be org.apache.kafka.clients.consumer.CooperativeStickyAssignor, "
                        + "is org.apache.kafka.clients.consumer.RangeAssignor");
        assertThatThrownBy(guard::assertGuarded).isInstanceOf(AssertionError.class)
                .hasMessageContaining("channel bad: failure-strategy must be dead-letter-queue, is fail")
                .hasMessageNotContaining("channel good");
    }

    /** Without service-kit's defaults SmallRye would stop the channel at the first bad record and commit itself. */
    @Test
    void aChannelWithoutTheSharedDefaultsOrItsOwnNamesFails() {
        Map<String, String> properties = new HashMap<>();
        properties.put("mp.messaging.incoming.lonely.topic", "catalog.product");

        assertThat(ChannelGuard.of(properties).violations()).extracting(ChannelGuard.Violation::problem)
                .containsExactlyInAnyOrder(
                        "states no group.id (a default group would be shared or random)",
                        "failure-strategy must be dead-letter-queue, is not set",
                        "enable.auto.commit must be false, is not set",
                        "commit-strategy must be throttled, is not set",
                        "partition.assignment.strategy must be "
                                + "org.apache.kafka.clients.consumer.CooperativeStickyAssignor, is not set",
                        "throttled.unprocessed-record-max-age.ms must be 0, is not set");
    }

    @Test
    void noIncomingChannelAtAllIsAFailureToo() {
        assertThatThrownBy(() -> ChannelGuard.of(defaults()).assertGuarded()).isInstanceOf(AssertionError.class)
                .hasMessageContaining("No incoming channel");
    }
}
