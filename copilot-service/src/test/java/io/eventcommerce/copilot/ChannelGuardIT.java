package io.eventcommerce.copilot;

import io.eventcommerce.servicekit.messaging.EventChannels;
import io.eventcommerce.testkit.ChannelGuard;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every incoming channel of the running service, as its effective configuration (application.properties over
 * service-kit's defaults) has it, is configured as the platform's consumers must be, and is one a consumer facade
 * handles (so its dead letters can be replayed).
 */
@QuarkusTest
class ChannelGuardIT {

    @Inject
    Instance<EventChannels> facades;

    @Test
    void everyIncomingChannelHasItsDeadLetterTopicManualCommitsAndCooperativeAssignment() {
        ChannelGuard guard = ChannelGuard.of(ConfigProvider.getConfig());

        guard.assertGuarded();

        Set<String> handled = new TreeSet<>();
        facades.forEach(facade -> handled.addAll(facade.handlers().keySet()));
        assertThat(guard.channels()).isEqualTo(handled)
                .containsExactlyInAnyOrder("orders-order", "orders-payment", "orders-customer", "catalog-product",
                        "catalog-category", "privacy-requests");
    }
}
