package io.eventcommerce.insights.competition;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class ObservationRulesTest {

    private static final Instant NOW = Instant.parse("2026-12-01T12:00:00Z");

    private static ObservationRules.Checked check(String competitor, String country, String region, String sku,
                                                  String price, String currency, String at) {
        return ObservationRules.check(competitor, country, region, sku, price, currency, at, NOW);
    }

    @Test
    void aGoodRowIsReadWithUpperCaseCodesAndTheCountrysRegion() {
        ObservationRules.Checked c = check("ShopRival", "us", "", "GEN-42-00007", "31.6", "usd",
                "2024-11-21T02:51:00Z");
        assertThat(c.issues()).isEmpty();
        assertThat(c.observation()).isEqualTo(new Observation("ShopRival", "US", "NA", "GEN-42-00007",
                new BigDecimal("31.60"), "USD", Instant.parse("2024-11-21T02:51:00Z")));
    }

    @Test
    void eachBadValueIsNamedByItsColumn() {
        ObservationRules.Checked c = check("", "USA", "MARS", "", "0", "XXY", "2027-01-01T00:00:00Z");
        assertThat(c.ok()).isFalse();
        assertThat(c.issues()).extracting(ObservationRules.Issue::column)
                .containsExactly("competitor", "country", "region", "sku", "price", "currency", "observed_at");
        assertThat(check("A", "DE", "EU", "S", "1.234", "EUR", "yesterday").issues())
                .extracting(ObservationRules.Issue::column).containsExactly("price", "observed_at");
        assertThat(check("A", "DE", "EU", "S", "abc", "EUR", "2024-01-01T00:00:00Z").issues())
                .extracting(ObservationRules.Issue::reason).containsExactly("not a decimal number");
    }

    @Test
    void formulaCellsAreRefusedBeforeAnythingElse() {
        ObservationRules.Checked c = check("=HYPERLINK(\"x\")", "US", "NA", "@SUM(A1)", "-5", "USD",
                "2024-01-01T00:00:00Z");
        assertThat(c.issues()).extracting(ObservationRules.Issue::column)
                .containsExactly("competitor", "sku", "price");
        assertThat(c.issues().get(0).reason()).contains("formula");
        assertThat(ObservationRules.formula("+1")).isTrue();
        assertThat(ObservationRules.formula("1+")).isFalse();
    }

    @Test
    void onlyKnownIsoCurrenciesPass() {
        assertThat(ObservationRules.knownCurrency("USD")).isTrue();
        assertThat(ObservationRules.knownCurrency("ABC")).isFalse();
        assertThat(ObservationRules.knownCurrency("usd")).isFalse();
    }
}
