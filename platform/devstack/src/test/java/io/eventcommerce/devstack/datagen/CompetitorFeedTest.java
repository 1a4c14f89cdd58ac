package io.eventcommerce.devstack.datagen;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import static io.eventcommerce.devstack.datagen.Samples.SEED;
import static io.eventcommerce.devstack.datagen.Samples.SMALL;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** The competitor price feed: its format, how it sits around our prices, its size, its determinism. */
class CompetitorFeedTest {

    @Test
    void everyRowHasTheDocumentedColumnsAndKnownSkusInTheHistory() {
        List<String> rows = rows(SMALL);
        assertThat(rows.get(0)).isEqualTo("competitor,country,region,sku,price,currency,observed_at");
        Set<String> skus = SMALL.products.stream().map(Synthesis.Product::sku).collect(Collectors.toSet());
        Instant start = SMALL.end.minus(Synthesis.HISTORY);
        for (String row : rows.subList(1, rows.size())) {
            String[] f = row.split(",", -1);
            assertThat(f).hasSize(7);
            assertThat(f[0]).isIn(CompetitorFeed.COMPETITORS.stream().map(CompetitorFeed.Competitor::name).toList());
            assertThat(f[1]).matches("[A-Z]{2}");
            assertThat(f[2]).isIn("NA", "EU", "APAC");
            assertThat(skus).contains(f[3]);
            assertThat(f[4]).matches("[0-9]+\\.[0-9]{2}");
            assertThat(new BigDecimal(f[4])).isPositive();
            assertThat(f[5]).isEqualTo("USD");
            assertThat(Instant.parse(f[6])).isAfterOrEqualTo(start).isBefore(SMALL.end);
        }
        assertThat(rows.stream().skip(1).map(r -> r.split(",")[0]).distinct().count())
                .isEqualTo(CompetitorFeed.COMPETITORS.size());
    }

    @Test
    void theSameSeedMakesTheSameFeedAndAnotherSeedAnother() {
        assertThat(rows(Synthesis.of(Scale.SMALL, 42, Samples.NOW))).isEqualTo(rows(SMALL));
        assertThat(rows(Synthesis.of(Scale.SMALL, 43, Samples.NOW))).isNotEqualTo(rows(SMALL));
    }

    @Test
    void pricesSitAroundOursWithEachCompetitorsBiasAndSomeUndercut() {
        Map<String, Synthesis.Product> bySku = SEED.products.stream()
                .collect(Collectors.toMap(Synthesis.Product::sku, Function.identity()));
        Map<String, List<Double>> logRatios = new HashMap<>();
        Set<String> tracked = new HashSet<>();
        long[] size = {0};
        long[] rows = {-1};
        long[] undercut = {0};
        CompetitorFeed.rows(SEED, row -> {
            size[0] += row.length() + 1;
            rows[0]++;
            if (rows[0] == 0) {
                return;
            }
            String[] f = row.split(",");
            double ratio = Double.parseDouble(f[4]) / bySku.get(f[3]).price().doubleValue();
            logRatios.computeIfAbsent(f[0], k -> new ArrayList<>()).add(Math.log(ratio));
            undercut[0] += ratio < 1 ? 1 : 0;
            tracked.add(f[3]);
        });
        assertThat(size[0]).as("bytes at seed scale").isLessThan(50_000_000L);
        assertThat(tracked.size() / (double) SEED.products.size()).isCloseTo(CompetitorFeed.TRACKED_SHARE,
                within(0.03));
        for (CompetitorFeed.Competitor c : CompetitorFeed.COMPETITORS) {
            double mean = logRatios.get(c.name()).stream().mapToDouble(Double::doubleValue).average().orElseThrow();
            // The bias, less a little for the competitor's own sales.
            assertThat(mean).as(c.name()).isCloseTo(c.bias() - c.saleChance() * 1.5 * 0.16, within(0.02));
        }
        assertThat(undercut[0] / (double) rows[0]).as("share of observations under our list price")
                .isBetween(0.3, 0.7);
    }

    private static List<String> rows(Synthesis s) {
        List<String> rows = new ArrayList<>();
        CompetitorFeed.rows(s, rows::add);
        return rows;
    }
}
