package io.eventcommerce.copilot.ask;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.stream.Collectors;

import io.eventcommerce.copilot.guard.Dialect;
import io.eventcommerce.copilot.guard.ReplicaTables;
import io.eventcommerce.copilot.guard.SqlGuard;

/** A fixed catalogue like the generated one and a clock fixed on Friday 14 November 2025 (UTC). */
final class Fixtures {

    static final Clock CLOCK = Clock.fixed(Instant.parse("2025-11-14T10:15:00Z"), ZoneOffset.UTC);

    static final Vocabulary VOCABULARY = new Vocabulary() {
        @Override
        public Collection<String> categories() {
            return List.of("Electronics", "Electronics Premium", "Home & Kitchen", "Clothing", "Books",
                    "Sports & Outdoors");
        }

        @Override
        public Collection<String> brands() {
            return List.of("Acme", "Northwind", "Globex", "Initech", "Umbrella", "Cyberdyne");
        }

        @Override
        public Collection<String> products() {
            return List.of("Smart Kettle 123", "Ultra Headphones 456", "Rugged Backpack 789");
        }

        @Override
        public Collection<String> countries() {
            return List.of("US", "GB", "DE", "FR", "CA", "AU", "NL", "ES", "IT", "JP", "IN", "MX");
        }
    };

    static final SqlGuard GUARD = new SqlGuard(ReplicaTables.CONTRACT, "copilot", Dialect.MYSQL,
            Duration.ofSeconds(5), 1000);

    private Fixtures() {
    }

    /** metrics | dimensions | filters | range | comparison | top | flags: compact, so a table of cases reads well. */
    static String describe(Query q) {
        String metrics = q.metrics().stream().map(Enum::name).collect(Collectors.joining(","));
        String dims = q.dimensions().stream().map(Enum::name).collect(Collectors.joining(","));
        String filters = q.filters().stream().map(f -> f.field() + "=" + String.join("+", f.values()))
                .collect(Collectors.joining(","));
        String range = q.range() == null ? "all" : q.range().from() + ".." + q.range().to();
        String cmp = q.compareTo() == null ? "-" : q.compareTo().from() + ".." + q.compareTo().to();
        String top = q.top() == null ? "-" : (q.bottom() ? "bottom" : "top") + q.top();
        return metrics + " | " + dims + " | " + filters + " | " + range + " | " + cmp + " | " + top
                + (q.share() ? " | share" : "");
    }
}
