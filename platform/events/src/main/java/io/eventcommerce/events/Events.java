package io.eventcommerce.events;

import io.eventcommerce.events.catalog.ProductCreated;
import io.eventcommerce.events.catalog.ProductUpdated;
import io.eventcommerce.events.orders.OrderPlaced;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The registry of every published contract; documentation and schema checks are generated from it. */
public final class Events {

    public static final List<EventType<?>> ALL = List.of(
            ProductCreated.TYPE,
            ProductUpdated.TYPE,
            OrderPlaced.TYPE);

    private static final Map<String, EventType<?>> BY_NAME = ALL.stream()
            .collect(Collectors.toUnmodifiableMap(EventType::name, Function.identity()));

    private Events() {
    }

    public static Optional<EventType<?>> byName(String name) {
        return Optional.ofNullable(BY_NAME.get(name));
    }
}
