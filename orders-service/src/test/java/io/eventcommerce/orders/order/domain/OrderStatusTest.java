package io.eventcommerce.orders.order.domain;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import static io.eventcommerce.orders.order.domain.OrderStatus.*;
import static org.assertj.core.api.Assertions.assertThat;

/** Every pair of statuses: the legal moves are exactly the ones of the diagram, every other one is refused. */
class OrderStatusTest {

    private static final Map<OrderStatus, Set<OrderStatus>> LEGAL = Map.of(
            PENDING, Set.of(ON_HOLD, CONFIRMED, CANCELLED),
            ON_HOLD, Set.of(CONFIRMED, CANCELLED),
            CONFIRMED, Set.of(PAID, CANCELLED),
            PAID, Set.of(SHIPPED, CANCELLED),
            SHIPPED, Set.of(DELIVERED),
            DELIVERED, Set.of(RETURNED),
            RETURNED, Set.of(),
            CANCELLED, Set.of());

    static Stream<Arguments> everyPair() {
        return Arrays.stream(values()).flatMap(from -> Arrays.stream(values()).map(to -> Arguments.of(from, to)));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("everyPair")
    void onlyTheDiagramsMovesAreLegal(OrderStatus from, OrderStatus to) {
        assertThat(from.canMoveTo(to)).isEqualTo(LEGAL.get(from).contains(to));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("statuses")
    void finalStatusesGoNowhere(OrderStatus status) {
        assertThat(status.isFinal()).isEqualTo(LEGAL.get(status).isEmpty());
        assertThat(status.next()).containsExactlyInAnyOrderElementsOf(LEGAL.get(status));
    }

    static Stream<OrderStatus> statuses() {
        return Arrays.stream(values());
    }
}
