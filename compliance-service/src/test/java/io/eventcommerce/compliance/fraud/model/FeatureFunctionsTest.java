package io.eventcommerce.compliance.fraud.model;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class FeatureFunctionsTest {

    private static List<BigDecimal> amounts(String... values) {
        return java.util.Arrays.stream(values).map(BigDecimal::new).toList();
    }

    @Test
    void robustZScoreUsesMedianAndMad() {
        // median 100; deviations 0, 10, 10, 5, 5 -> MAD 5, floored to 10 % of the median = 10
        assertThat(FeatureFunctions.robustZScore(new BigDecimal("130.00"), amounts("100", "110", "90", "105", "95")))
                .isCloseTo(30 / (1.4826 * 10), within(1e-12));
        // median 100; deviations 0, 50, 50, 40, 40 -> MAD 40
        assertThat(FeatureFunctions.robustZScore(new BigDecimal("20"), amounts("100", "150", "50", "140", "60")))
                .isCloseTo(-80 / (1.4826 * 40), within(1e-12));
    }

    @Test
    void aZeroMadIsFloored() {
        assertThat(FeatureFunctions.robustZScore(new BigDecimal("10"), amounts("10", "10", "10"))).isZero();
        assertThat(FeatureFunctions.robustZScore(new BigDecimal("15"), amounts("5", "5", "5")))
                .isCloseTo(10 / 1.4826, within(1e-12));
    }

    @Test
    void fewerThanThreePreviousOrdersSayNothing() {
        assertThat(FeatureFunctions.robustZScore(new BigDecimal("5000"), amounts("10", "12"))).isZero();
        assertThat(FeatureFunctions.robustZScore(new BigDecimal("5000"), List.of())).isZero();
    }

    @Test
    void nightIsUtcHourZeroToFive() {
        assertThat(FeatureFunctions.nightTimeUtc(Instant.parse("2026-03-01T00:00:00Z"))).isTrue();
        assertThat(FeatureFunctions.nightTimeUtc(Instant.parse("2026-03-01T05:59:59Z"))).isTrue();
        assertThat(FeatureFunctions.nightTimeUtc(Instant.parse("2026-03-01T06:00:00Z"))).isFalse();
        assertThat(FeatureFunctions.nightTimeUtc(Instant.parse("2026-03-01T23:59:59Z"))).isFalse();
    }

    @Test
    void anUnknownCountryIsNoMismatch() {
        assertThat(FeatureFunctions.countriesDiffer("DE", "FR")).isTrue();
        assertThat(FeatureFunctions.countriesDiffer("de", " DE ")).isFalse();
        assertThat(FeatureFunctions.countriesDiffer(null, "DE")).isFalse();
        assertThat(FeatureFunctions.countriesDiffer("DE", "")).isFalse();
    }
}
