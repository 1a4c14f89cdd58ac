package io.eventcommerce.devstack.datagen;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Random;
import java.util.function.Consumer;

/**
 * A competitor price feed over the history, as a price-monitoring service would deliver it: weekly observations of
 * a share of our products by a few competitors, each around our list price with a bias of its own (some undercut
 * us), a persistent offset per product, a slow drift, sales of their own and noise. Pure and seeded (a stream of its
 * own, so the rest of the data set does not change), written to {@code competitor-prices.csv}.
 */
final class CompetitorFeed {

    static final String HEADER = "competitor,country,region,sku,price,currency,observed_at";
    /** The share of our products the competitors watch. */
    static final double TRACKED_SHARE = 0.25;
    /** A week's observation is missed (the crawler failed, the page was down) this often. */
    static final double MISSED = 0.1;

    /**
     * A competitor: where it sells, how far from our list price it prices on average (log), the spread of its
     * products around that, the noise of an observation, the share of our watched products it sells, how often a
     * week starts a sale of its own.
     */
    record Competitor(String name, String country, String region, double bias, double spread, double noise,
                      double coverage, double saleChance) {
    }

    static final List<Competitor> COMPETITORS = List.of(
            new Competitor("ShopRival", "US", "NA", -0.03, 0.05, 0.02, 0.8, 0.04),
            new Competitor("EuroMarkt", "DE", "EU", 0.04, 0.06, 0.03, 0.6, 0.03),
            new Competitor("BargainBritain", "GB", "EU", -0.08, 0.05, 0.04, 0.7, 0.06),
            new Competitor("PacificGoods", "AU", "APAC", 0.07, 0.08, 0.03, 0.5, 0.02));

    private CompetitorFeed() {
    }

    /** The feed's rows, header first, in the order of product, competitor, time; the same for the same seed. */
    static void rows(Synthesis s, Consumer<String> sink) {
        Random random = Synthesis.stream(s.seed, 4);
        Instant start = s.end.minus(Synthesis.HISTORY);
        int weeks = (int) (Synthesis.HISTORY.toDays() / 7);
        sink.accept(HEADER);
        for (int p = 0; p < s.products.size(); p++) {
            if (random.nextDouble() >= TRACKED_SHARE) {
                continue;
            }
            Synthesis.Product product = s.products.get(p);
            double reference = product.price().doubleValue();
            for (int c = 0; c < COMPETITORS.size(); c++) {
                Competitor competitor = COMPETITORS.get(c);
                if (random.nextDouble() >= competitor.coverage()) {
                    continue;
                }
                double offset = competitor.bias() + competitor.spread() * random.nextGaussian();
                double drift = 0;
                int saleWeeks = 0;
                // Each competitor is crawled on a weekday and at an hour of its own.
                int weekday = c * 2 % 7;
                int hour = 2 + 5 * c;
                for (int w = 0; w < weeks; w++) {
                    drift = 0.85 * drift + 0.015 * random.nextGaussian();
                    if (saleWeeks > 0) {
                        saleWeeks--;
                    } else if (random.nextDouble() < competitor.saleChance()) {
                        saleWeeks = 1 + random.nextInt(2);
                    }
                    double noise = competitor.noise() * random.nextGaussian();
                    int minute = random.nextInt(60);
                    if (random.nextDouble() < MISSED) {
                        continue;
                    }
                    double log = offset + drift + noise + (saleWeeks > 0 ? Math.log(0.85) : 0);
                    BigDecimal price = BigDecimal.valueOf(Math.max(0.01, reference * Math.exp(log)))
                            .setScale(2, RoundingMode.HALF_UP);
                    Instant at = start.plus(Duration.ofDays(7L * w + weekday)).plus(Duration.ofHours(hour))
                            .plus(Duration.ofMinutes(minute));
                    sink.accept(String.join(",", competitor.name(), competitor.country(), competitor.region(),
                            product.sku(), price.toPlainString(), "USD", at.toString()));
                }
            }
        }
    }
}
