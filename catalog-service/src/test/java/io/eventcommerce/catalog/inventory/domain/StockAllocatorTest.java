package io.eventcommerce.catalog.inventory.domain;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class StockAllocatorTest {

    private static final UUID KETTLE = UUID.fromString("00000000-0000-0000-0000-00000000000a");
    private static final UUID MUG = UUID.fromString("00000000-0000-0000-0000-00000000000b");
    private static final UUID NORTH = UUID.fromString("00000000-0000-0000-0000-000000000001");
    private static final UUID SOUTH = UUID.fromString("00000000-0000-0000-0000-000000000002");

    private static StockAllocator.Source source(UUID warehouse, UUID product, int available, int priority) {
        return new StockAllocator.Source(new StockKey(warehouse, product), available, priority);
    }

    @Test
    void aLineGoesWholeToTheBestWarehouseThatCanServeIt() {
        var result = StockAllocator.allocate(List.of(new StockAllocator.Line(1, KETTLE, 3)),
                List.of(source(NORTH, KETTLE, 2, 1), source(SOUTH, KETTLE, 5, 2)));
        assertThat(result.allocations()).containsExactly(
                new StockAllocator.Allocation(1, new StockKey(SOUTH, KETTLE), 3));
    }

    @Test
    void priorityWinsAmongWarehousesThatCanServeTheWholeLine() {
        var result = StockAllocator.allocate(List.of(new StockAllocator.Line(1, KETTLE, 2)),
                List.of(source(NORTH, KETTLE, 2, 1), source(SOUTH, KETTLE, 9, 2)));
        assertThat(result.allocations()).extracting(a -> a.key().warehouseId()).containsExactly(NORTH);
    }

    @Test
    void aLineNoSingleWarehouseCanServeIsSplit() {
        var result = StockAllocator.allocate(List.of(new StockAllocator.Line(1, KETTLE, 6)),
                List.of(source(NORTH, KETTLE, 2, 1), source(SOUTH, KETTLE, 5, 2)));
        assertThat(result.complete()).isTrue();
        assertThat(result.allocations()).containsExactly(
                new StockAllocator.Allocation(1, new StockKey(SOUTH, KETTLE), 5),
                new StockAllocator.Allocation(1, new StockKey(NORTH, KETTLE), 1));
    }

    @Test
    void allOrNothing() {
        var result = StockAllocator.allocate(List.of(new StockAllocator.Line(1, KETTLE, 1),
                        new StockAllocator.Line(2, MUG, 4), new StockAllocator.Line(3, UUID.randomUUID(), 1)),
                List.of(source(NORTH, KETTLE, 2, 1), source(NORTH, MUG, 3, 1)));
        assertThat(result.complete()).isFalse();
        assertThat(result.allocations()).isEmpty();
        assertThat(result.shortages()).extracting(StockAllocator.Shortage::lineNo, StockAllocator.Shortage::available,
                        StockAllocator.Shortage::reason)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(2, 3, "OUT_OF_STOCK"),
                        org.assertj.core.groups.Tuple.tuple(3, 0, "NOT_STOCKED"));
    }

    @Test
    void twoLinesOfOneProductNeverCountAUnitTwice() {
        var result = StockAllocator.allocate(List.of(new StockAllocator.Line(1, KETTLE, 1),
                new StockAllocator.Line(2, KETTLE, 1)), List.of(source(NORTH, KETTLE, 1, 1)));
        assertThat(result.complete()).isFalse();
        assertThat(result.shortages()).singleElement().satisfies(s -> {
            assertThat(s.lineNo()).isEqualTo(2);
            assertThat(s.available()).isZero();
        });
    }

    @Test
    void negativeAvailabilityCountsAsNone() {
        var result = StockAllocator.allocate(List.of(new StockAllocator.Line(1, KETTLE, 1)),
                List.of(source(NORTH, KETTLE, -3, 1)));
        assertThat(result.shortages()).singleElement().extracting(StockAllocator.Shortage::available).isEqualTo(0);
    }
}
