package io.eventcommerce.catalog.inventory.domain;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Decides where an order's lines are served from, all or nothing. Each line goes to the best single warehouse that
 * can serve it whole (lowest priority number, then most available); a line no single warehouse can serve is split,
 * taking from the warehouses with most available first. Lines of the same product draw on the same running
 * availability, so two lines never count the same unit twice.
 */
public final class StockAllocator {

    private StockAllocator() {
    }

    public record Line(int lineNo, UUID productId, int quantity) {
    }

    /** A candidate source: the stock level and its warehouse's ranking. */
    public record Source(StockKey key, int available, int priority) {
    }

    public record Allocation(int lineNo, StockKey key, int quantity) {
    }

    public record Shortage(int lineNo, UUID productId, int requested, int available, String reason) {
        public static final String OUT_OF_STOCK = "OUT_OF_STOCK";
        public static final String NOT_STOCKED = "NOT_STOCKED";
    }

    public record Result(List<Allocation> allocations, List<Shortage> shortages) {
        public boolean complete() {
            return shortages.isEmpty();
        }
    }

    /** @param sources the stock of the order's products in active warehouses */
    public static Result allocate(List<Line> lines, List<Source> sources) {
        Map<StockKey, Integer> left = new HashMap<>();
        Map<UUID, List<Source>> byProduct = new HashMap<>();
        for (Source source : sources) {
            left.put(source.key(), Math.max(0, source.available()));
            byProduct.computeIfAbsent(source.key().productId(), p -> new ArrayList<>()).add(source);
        }
        List<Allocation> allocations = new ArrayList<>();
        List<Shortage> shortages = new ArrayList<>();
        for (Line line : lines.stream().sorted(Comparator.comparingInt(Line::lineNo)).toList()) {
            List<Source> candidates = byProduct.getOrDefault(line.productId(), List.of());
            if (candidates.isEmpty()) {
                shortages.add(new Shortage(line.lineNo(), line.productId(), line.quantity(), 0, Shortage.NOT_STOCKED));
                continue;
            }
            int total = candidates.stream().mapToInt(s -> left.get(s.key())).sum();
            if (total < line.quantity()) {
                shortages.add(new Shortage(line.lineNo(), line.productId(), line.quantity(), total,
                        Shortage.OUT_OF_STOCK));
                continue;
            }
            Source whole = candidates.stream()
                    .filter(s -> left.get(s.key()) >= line.quantity())
                    .min(Comparator.comparingInt(Source::priority)
                            .thenComparing(s -> -left.get(s.key()))
                            .thenComparing(s -> s.key().warehouseId()))
                    .orElse(null);
            if (whole != null) {
                take(left, allocations, line.lineNo(), whole.key(), line.quantity());
                continue;
            }
            int needed = line.quantity();
            for (Source source : candidates.stream()
                    .sorted(Comparator.comparing((Source s) -> -left.get(s.key()))
                            .thenComparingInt(Source::priority)
                            .thenComparing(s -> s.key().warehouseId()))
                    .toList()) {
                int take = Math.min(needed, left.get(source.key()));
                if (take > 0) {
                    take(left, allocations, line.lineNo(), source.key(), take);
                    needed -= take;
                }
                if (needed == 0) {
                    break;
                }
            }
        }
        return shortages.isEmpty() ? new Result(allocations, List.of()) : new Result(List.of(), shortages);
    }

    private static void take(Map<StockKey, Integer> left, List<Allocation> allocations, int lineNo, StockKey key,
                             int quantity) {
        left.merge(key, -quantity, Integer::sum);
        allocations.add(new Allocation(lineNo, key, quantity));
    }
}
