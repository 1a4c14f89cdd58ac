package io.eventcommerce.servicekit.messaging;

import io.eventcommerce.events.DomainEvent;
import io.eventcommerce.events.EventType;
import io.eventcommerce.servicekit.inbox.Inbox;
import org.jboss.logging.Logger;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * A handler's dispatch on event type, built once in its constructor: one route per event type it applies, each
 * handed the event's data already bound to its record. {@link #apply} finds the route of an event, binds its data
 * (a {@code MalformedEventException} if it breaks its contract) and, for a route set {@link #recordedIn recorded in
 * the inbox}, records the event there (in the handler's transaction) before the route runs, so a redelivery runs no
 * route at all. An event type without a route is ignored with a debug line: producers may add
 * types, and a consumer that does not know one has nothing to do with it (docs/events.md, "Versioning").
 *
 * <pre>{@code
 * routes = EventRoutes.recordedIn(inbox, CONSUMER)
 *         .on(OrderPlaced.TYPE, this::reserve)
 *         .on(OrderCancelled.TYPE, this::release)
 *         .build();
 * }</pre>
 */
public final class EventRoutes {

    private static final Logger LOG = Logger.getLogger(EventRoutes.class);

    /** What the inbox does for a route set: true on an event's first delivery to {@code consumer}. */
    @FunctionalInterface
    interface Deduplication {
        boolean firstDelivery(String consumer, UUID eventId, String eventType);
    }

    /** A route that also needs the event itself (its id, its offset), not only its data. */
    @FunctionalInterface
    public interface Route<T> {
        void apply(T data, IncomingEvent event);
    }

    private final String consumer;
    private final Deduplication inbox;
    private final Map<String, Route<DomainEvent>> routes;
    private final Map<String, EventType<?>> types;

    private EventRoutes(Builder builder) {
        this.consumer = builder.consumer;
        this.inbox = builder.inbox;
        this.routes = Map.copyOf(builder.routes);
        this.types = Map.copyOf(builder.types);
    }

    /**
     * Routes whose events are recorded in the inbox as {@code consumer} before their route runs, in the caller's
     * transaction ({@link Inbox#firstDelivery} requires one): the handler method calling {@link #apply} is
     * {@code @Transactional}.
     */
    public static Builder recordedIn(Inbox inbox, String consumer) {
        return new Builder(consumer, inbox::firstDelivery);
    }

    /**
     * Routes without an inbox, for effects that are idempotent by themselves (a payment attempt the gateway answers
     * once per key). Say why where you use it.
     */
    public static Builder unrecorded() {
        return new Builder(null, null);
    }

    static Builder recordedIn(Deduplication inbox, String consumer) {
        return new Builder(consumer, inbox);
    }

    /**
     * Applies {@code event} by its route: nothing if its type has none or (with an inbox) it was applied before.
     *
     * @return whether a route ran
     */
    public boolean apply(IncomingEvent event) {
        Route<DomainEvent> route = routes.get(event.type());
        if (route == null) {
            LOG.debugf("%s: ignoring %s, no route for its type", consumer == null ? "consumer" : consumer, event);
            return false;
        }
        // Bound before the inbox is asked: data that breaks its contract is dead-lettered as such, also when an event
        // with its id (a corrected copy) was applied before.
        DomainEvent data = event.data(types.get(event.type()));
        if (inbox != null && !inbox.firstDelivery(consumer, event.eventId(), event.type())) {
            LOG.debugf("%s: already applied %s", consumer, event);
            return false;
        }
        route.apply(data, event);
        return true;
    }

    /** The event type names routed, for a facade's or a test's sake. */
    public Set<String> types() {
        return routes.keySet();
    }

    public static final class Builder {

        private final String consumer;
        private final Deduplication inbox;
        private final Map<String, Route<DomainEvent>> routes = new LinkedHashMap<>();
        private final Map<String, EventType<?>> types = new LinkedHashMap<>();

        private Builder(String consumer, Deduplication inbox) {
            this.consumer = consumer;
            this.inbox = inbox;
        }

        /** {@code type}'s events go to {@code action} with their data. */
        public <T extends DomainEvent> Builder on(EventType<T> type, Consumer<T> action) {
            return on(type, (T data, IncomingEvent event) -> action.accept(data));
        }

        /** {@code type}'s events go to {@code action} with their data and the event (for its id). */
        @SuppressWarnings("unchecked")
        public <T extends DomainEvent> Builder on(EventType<T> type, Route<T> action) {
            if (routes.putIfAbsent(type.name(), (Route<DomainEvent>) action) != null) {
                throw new IllegalStateException("two routes for " + type.name());
            }
            types.put(type.name(), type);
            return this;
        }

        public EventRoutes build() {
            if (routes.isEmpty()) {
                throw new IllegalStateException("no routes");
            }
            return new EventRoutes(this);
        }
    }
}
