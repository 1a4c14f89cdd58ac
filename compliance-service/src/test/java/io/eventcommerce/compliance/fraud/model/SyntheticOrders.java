package io.eventcommerce.compliance.fraud.model;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Orders drawn from a known logistic model, so a test can check that training recovers it. The true coefficients
 * act on the transformed, unstandardised values, like {@link LogisticScorecard#weightPerTransformedUnit}.
 */
final class SyntheticOrders {

    static final double TRUE_INTERCEPT = -2.0;
    static final Map<Feature, Double> TRUE_WEIGHTS = new EnumMap<>(Map.of(
            Feature.IP_COUNTRY_MISMATCH, 2.0,
            Feature.CARD_COUNTRY_MISMATCH, 1.5,
            Feature.ORDERS_1H, 1.0,
            Feature.AMOUNT_ZSCORE, 0.5,
            Feature.ACCOUNT_AGE_DAYS, -0.25,
            Feature.ORDER_TOTAL, 0.0,
            Feature.NIGHT_TIME, 0.0));

    static final Instant START = Instant.parse("2026-01-01T00:00:00Z");

    private SyntheticOrders() {
    }

    static List<LabelledExample> generate(int n, long seed) {
        Random random = new Random(seed);
        List<LabelledExample> examples = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            int orders1h = 0;
            while (random.nextDouble() < 0.4) {
                orders1h++;
            }
            FeatureVector vector = FeatureVector.builder()
                    .set(Feature.IP_COUNTRY_MISMATCH, random.nextDouble() < 0.1)
                    .set(Feature.CARD_COUNTRY_MISMATCH, random.nextDouble() < 0.08)
                    .set(Feature.ORDERS_1H, orders1h)
                    .set(Feature.AMOUNT_ZSCORE, random.nextGaussian() * 1.5)
                    .set(Feature.ACCOUNT_AGE_DAYS, random.nextInt(1000))
                    .set(Feature.ORDER_TOTAL, Math.exp(4 + random.nextGaussian()))
                    .set(Feature.NIGHT_TIME, random.nextDouble() < 0.25)
                    .build();
            double logit = TRUE_INTERCEPT;
            for (Map.Entry<Feature, Double> w : TRUE_WEIGHTS.entrySet()) {
                logit += w.getValue() * w.getKey().transformed(vector.get(w.getKey()));
            }
            boolean fraud = random.nextDouble() < 1 / (1 + Math.exp(-logit));
            examples.add(new LabelledExample(vector, fraud, START.plus(Duration.ofMinutes(i))));
        }
        return examples;
    }
}
