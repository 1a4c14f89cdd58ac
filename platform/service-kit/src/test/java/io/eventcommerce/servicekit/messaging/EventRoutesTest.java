package io.eventcommerce.servicekit.messaging;

import com.fasterxml.jackson.databind.JsonNode;
import io.eventcommerce.events.DomainEvent;
import io.eventcommerce.events.EventCodec;
import io.eventcommerce.events.EventEnvelope;
import io.eventcommerce.events.MalformedEventException;
import io.eventcommerce.events.catalog.ProductCreated;
import io.eventcommerce.events.catalog.ProductSnapshot;
import io.eventcommerce.events.catalog.ProductUpdated;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EventRoutesTest {

    private final Set<String> recorded = new HashSet<>();
    private final List<String> inboxCalls = new ArrayList<>();
    private final List<String> ran = new ArrayList<>();

    private final EventRoutes.Deduplication inbox = (consumer, eventId, type) -> {
        inboxCalls.add(consumer + ":" + type);
        return recorded.add(consumer + ":" + eventId);
    };

    private static ProductSnapshot product() {
        return new ProductSnapshot(UUID.randomUUID(), "SKU", "Kettle", null, null, UUID.randomUUID(),
                new BigDecimal("1.00"), null, "USD", "ACTIVE", Map.of(), 3, null);
    }

    private static IncomingEvent event(DomainEvent data) {
        EventEnvelope<JsonNode> envelope = EventCodec.parse(EventCodec.toJson(EventEnvelope.wrap(data,
                "catalog-service", Instant.now())));
        return new IncomingEvent("catalog.product", 0, 7, "key", envelope);
    }

    private EventRoutes routes() {
        return EventRoutes.recordedIn(inbox, "product-replica")
                .on(ProductCreated.TYPE, created -> ran.add("created " + created.product().version()))
                .on(ProductUpdated.TYPE, (updated, event) -> ran.add("updated " + event.offset()))
                .build();
    }

    @Test
    void anEventRunsTheRouteOfItsTypeOnceWithItsDataAfterTheInboxRecordedIt() {
        EventRoutes routes = routes();
        IncomingEvent created = event(new ProductCreated(product()));

        assertThat(routes.apply(created)).isTrue();
        assertThat(routes.apply(event(new ProductUpdated(product(), List.of("price"))))).isTrue();

        assertThat(ran).containsExactly("created 3", "updated 7");
        assertThat(inboxCalls).containsExactly("product-replica:ProductCreated", "product-replica:ProductUpdated");
    }

    @Test
    void aRedeliveryRunsNoRoute() {
        EventRoutes routes = routes();
        IncomingEvent created = event(new ProductCreated(product()));

        routes.apply(created);
        assertThat(routes.apply(created)).isFalse();

        assertThat(ran).containsExactly("created 3");
    }

    /** A copy with broken data is refused as such, even when an event with its id was applied (a corrected one). */
    @Test
    void dataThatBreaksItsContractIsRefusedBeforeTheInboxIsAsked() {
        EventRoutes routes = routes();
        IncomingEvent fixed = event(new ProductCreated(product()));
        routes.apply(fixed);
        String broken = EventCodec.toJson(fixed.envelope()).replace("\"price\":\"1.00\"", "\"price\":\"one\"");
        IncomingEvent poison = new IncomingEvent("catalog.product", 0, 8, "key", EventCodec.parse(broken));

        assertThatThrownBy(() -> routes.apply(poison)).isInstanceOf(MalformedEventException.class)
                .hasMessageContaining("ProductCreated data does not match its contract");
        assertThat(inboxCalls).hasSize(1);
    }

    /** A type without a route is ignored, and never recorded: a later version of the consumer may route it. */
    @Test
    void anUnknownTypeIsIgnoredWithoutTouchingTheInbox() {
        EventRoutes updatesOnly = EventRoutes.recordedIn(inbox, "product-replica")
                .on(ProductUpdated.TYPE, updated -> ran.add("updated")).build();

        assertThat(updatesOnly.apply(event(new ProductCreated(product())))).isFalse();

        assertThat(ran).isEmpty();
        assertThat(inboxCalls).isEmpty();
    }

    @Test
    void unrecordedRoutesRunOnEveryDelivery() {
        EventRoutes routes = EventRoutes.unrecorded()
                .on(ProductCreated.TYPE, created -> ran.add("created")).build();
        IncomingEvent created = event(new ProductCreated(product()));

        routes.apply(created);
        routes.apply(created);

        assertThat(ran).containsExactly("created", "created");
        assertThat(routes.types()).containsExactly("ProductCreated");
    }

    @Test
    void aTypeRoutedTwiceIsAMistakeAtStartUp() {
        assertThatThrownBy(() -> EventRoutes.unrecorded()
                .on(ProductCreated.TYPE, created -> ran.add("one"))
                .on(ProductCreated.TYPE, created -> ran.add("two")))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("ProductCreated");
    }
}
