package io.eventcommerce.copilot.ask;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.eventcommerce.copilot.ask.ParseResult.Parsed;

class AnswerComposerTest {

    private final SemanticParser parser = new SemanticParser(Fixtures.VOCABULARY, Fixtures.CLOCK);
    private final AnswerComposer composer = new AnswerComposer();

    private Query query(String question) {
        return ((Parsed) parser.parse(question)).query();
    }

    private static Map<String, Object> row(Object... pairs) {
        Map<String, Object> row = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            row.put((String) pairs[i], pairs[i + 1]);
        }
        return row;
    }

    @Test
    void aTotalWithItsChangeAgainstThePeriodBefore() {
        Answer a = composer.compose(query("Revenue in Germany last month compared to the month before"),
                List.of(row("currency", "EUR", "revenue", new BigDecimal("12345.00"), "revenue_previous",
                        new BigDecimal("11420.00"))));
        assertThat(a.sentence()).isEqualTo("Revenue in Germany last month was 12,345.00 EUR, 8.1 % more than "
                + "the month before (11,420.00 EUR).");
        assertThat(a.chart()).isEqualTo(ChartHint.NONE);
        assertThat(a.columns()).containsExactly("currency", "revenue", "revenue_previous");
        assertThat(a.rows()).hasSize(1);
    }

    @Test
    void aFallIsLess() {
        Answer a = composer.compose(query("Orders this year vs last year"),
                List.of(row("orders", 90L, "orders_previous", 100L)));
        assertThat(a.sentence())
                .isEqualTo("Orders this year were 90, 10.0 % less than the same period last year (100).");
    }

    @Test
    void amountsInTwoCurrenciesAreNeverAdded() {
        Answer a = composer.compose(query("Revenue last month"), List.of(
                row("currency", "EUR", "revenue", new BigDecimal("10.5")),
                row("currency", "USD", "revenue", new BigDecimal("1234567.891"))));
        assertThat(a.sentence()).isEqualTo("Revenue last month was 10.50 EUR and 1,234,567.89 USD.");
    }

    @Test
    void topGroupsAreNamedAsBars() {
        Answer a = composer.compose(query("Top 5 products by revenue last month"), List.of(
                row("product", "Smart Kettle 123", "currency", "USD", "revenue", new BigDecimal("500")),
                row("product", "Ultra Headphones 456", "currency", "USD", "revenue", new BigDecimal("400")),
                row("product", "Rugged Backpack 789", "currency", "USD", "revenue", new BigDecimal("300")),
                row("product", null, "currency", "USD", "revenue", new BigDecimal("200"))));
        assertThat(a.sentence()).isEqualTo("Top 5 products by revenue last month: Smart Kettle 123 (500.00 USD), "
                + "Ultra Headphones 456 (400.00 USD), Rugged Backpack 789 (300.00 USD) and 1 more.");
        assertThat(a.chart()).isEqualTo(ChartHint.BAR);
    }

    @Test
    void sharesArePies() {
        Answer a = composer.compose(query("Share of orders by channel"), List.of(
                row("channel", "WEB", "orders", 75L, "share_pct", new BigDecimal("75.0")),
                row("channel", "MOBILE", "orders", 25L, "share_pct", new BigDecimal("25.0"))));
        assertThat(a.sentence()).isEqualTo("Orders by channel in total: WEB (75, 75.0 % of the total), "
                + "MOBILE (25, 25.0 % of the total).");
        assertThat(a.chart()).isEqualTo(ChartHint.PIE);
    }

    @Test
    void aTrendIsALine() {
        Answer a = composer.compose(query("Monthly orders this year"), List.of(
                row("month", LocalDate.parse("2025-01-01"), "orders", 10L),
                row("month", LocalDate.parse("2025-02-01"), "orders", 30L),
                row("month", LocalDate.parse("2025-03-01"), "orders", 20L)));
        assertThat(a.sentence()).isEqualTo("Orders by month this year: 3 rows, highest 30 (2025-02-01), lowest 10 "
                + "(2025-01-01).");
        assertThat(a.chart()).isEqualTo(ChartHint.LINE);
    }

    @Test
    void twoBreakdownsAreATable() {
        assertThat(AnswerComposer.chart(query("Revenue by category and channel"))).isEqualTo(ChartHint.TABLE);
    }

    @Test
    void noRowsIsNoData() {
        Answer a = composer.compose(query("Revenue in Japan in Q3 2025"), List.of());
        assertThat(a.sentence()).isEqualTo("No data for revenue in Japan in Q3 2025.");
        assertThat(a.chart()).isEqualTo(ChartHint.NONE);
        Answer nulls = composer.compose(query("Revenue yesterday"), List.of(row("currency", null, "revenue", null)));
        assertThat(nulls.sentence()).isEqualTo("No data for revenue yesterday.");
    }

    @Test
    void aMarginWithoutCostsSaysSo() {
        Answer none = composer.compose(query("Margin last month"), List.of(row("currency", "USD", "margin", null,
                "cost_coverage_pct", null)));
        assertThat(none.sentence()).isEqualTo("No data for margin last month.");
        Answer noCost = composer.compose(query("Margin last month"), List.of(row("currency", "USD", "margin", null,
                "cost_coverage_pct", BigDecimal.ZERO)));
        assertThat(noCost.sentence()).isEqualTo("The replica has no cost for these sales, so the margin cannot be "
                + "given.");
        Answer partial = composer.compose(query("Margin last month"), List.of(row("currency", "USD", "margin",
                new BigDecimal("100"), "cost_coverage_pct", new BigDecimal("80.0"))));
        assertThat(partial.sentence()).isEqualTo("Margin last month was 100.00 USD. The margin covers only the "
                + "sales whose cost is known (80.0 % of revenue).");
        Answer zero = composer.compose(query("Margin by brand"), List.of(row("brand", "Acme", "currency", "USD",
                "margin", null, "cost_coverage_pct", BigDecimal.ZERO)));
        assertThat(zero.sentence()).endsWith("The replica has no cost for these sales, so the margin cannot be "
                + "given.");
    }

    @Test
    void percentagesAndRatings() {
        assertThat(composer.compose(query("Return rate last year"), List.of(row("return_rate",
                new BigDecimal("4.25")))).sentence()).isEqualTo("Return rate last year was 4.3 %.");
        Answer rating = composer.compose(query("Average rating by brand last month"), List.of(row("brand", "Acme",
                "rating", new BigDecimal("4.20"), "reviews", 12L)));
        assertThat(rating.sentence()).isEqualTo("Average rating by brand: Acme (4.20 of 5). Ratings are the current "
                + "averages; the replica keeps no rating history, so last month could not be applied.");
    }
}
