package io.eventcommerce.insights.reconciliation;

import io.eventcommerce.events.orders.CurrencyTotals;
import io.eventcommerce.insights.reconciliation.domain.Figures;
import io.eventcommerce.insights.reconciliation.domain.Figures.DailySales;
import io.eventcommerce.insights.reconciliation.domain.Reconciliation;
import io.eventcommerce.insights.reconciliation.domain.Reconciliation.Check;
import io.eventcommerce.insights.reconciliation.domain.Reconciliation.Previous;
import io.eventcommerce.insights.reconciliation.domain.Reconciliation.Status;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ReconciliationTest {

    private static final Instant T1 = Instant.parse("2026-12-01T01:05:00Z");
    private static final Instant T2 = Instant.parse("2026-12-01T02:05:00Z");
    private static final Instant T3 = Instant.parse("2026-12-01T03:05:00Z");

    private static CurrencyTotals eur(String salesNet) {
        return new CurrencyTotals("EUR", 3, 2, 5, d("50.00"), d("5.00"), d("45.00"), 1, 2, d("20.00"),
                d("0.00"), d(salesNet), 1, d("25.00"));
    }

    private static BigDecimal d(String value) {
        return new BigDecimal(value);
    }

    private static Map<String, Previous> carried(List<Check> checks) {
        Map<String, Previous> previous = new HashMap<>();
        checks.forEach(c -> previous.put(c.figure(), new Previous(c.status(), c.firstSeen(), c.consecutiveRuns(),
                c.alertedAt())));
        return previous;
    }

    private static Check figure(List<Check> checks, String name) {
        return checks.stream().filter(c -> c.figure().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void theSourcesDailySalesAreItsPaidOrdersOfEveryCurrency() {
        CurrencyTotals usd = new CurrencyTotals("USD", 1, 1, 2, d("10.00"), d("1.00"), d("9.00"), 1, 2, d("10.00"),
                d("1.00"), d("9.00"), 0, d("0.00"));

        Map<String, BigDecimal> figures = Figures.ofSource(List.of(eur("20.00"), usd));

        assertThat(figures).containsEntry("daily_sales.orders", d("3")).containsEntry("daily_sales.units", d("7"))
                .containsEntry("daily_sales.gross", d("60.00")).containsEntry("daily_sales.net", d("54.00"))
                .containsEntry("sales.net[EUR]", d("20.00")).containsEntry("refunds.amount[EUR]", d("25.00"))
                .containsEntry("placed.orders[USD]", d("1")).hasSize(2 * 13 + 5);
    }

    @Test
    void equalFiguresMatchAtAnyScale() {
        Map<String, BigDecimal> source = Figures.ofSource(List.of(eur("20.00")));
        Map<String, BigDecimal> readModel = Figures.ofReadModels(List.of(eur("20.0")),
                new DailySales(2, 5, d("50"), d("5.0"), d("45.00")));

        List<Check> checks = Reconciliation.compare(source, readModel, Map.of(), T1);

        assertThat(checks).hasSize(18).allSatisfy(c -> {
            assertThat(c.status()).isEqualTo(Status.MATCH);
            assertThat(c.consecutiveRuns()).isEqualTo(1);
            assertThat(c.alert()).isFalse();
        });
    }

    @Test
    void aDifferenceAlertsOnItsSecondRunOnceAndAgainOnlyAfterItMatched() {
        Map<String, BigDecimal> source = Map.of("sales.net[EUR]", d("20.00"));
        Map<String, BigDecimal> off = Map.of("sales.net[EUR]", d("19.00"));

        Check first = figure(Reconciliation.compare(source, off, Map.of(), T1), "sales.net[EUR]");
        assertThat(first.status()).isEqualTo(Status.DIFFERENCE);
        assertThat(first.difference()).isEqualByComparingTo("-1.00");
        assertThat(first.alert()).isFalse();

        List<Check> run2 = Reconciliation.compare(source, off, carried(List.of(first)), T2);
        Check second = figure(run2, "sales.net[EUR]");
        assertThat(second.alert()).isTrue();
        assertThat(second.consecutiveRuns()).isEqualTo(2);
        assertThat(second.firstSeen()).isEqualTo(T1);
        assertThat(second.alertedAt()).isEqualTo(T2);

        List<Check> run3 = Reconciliation.compare(source, off, carried(run2), T3);
        Check third = figure(run3, "sales.net[EUR]");
        assertThat(third.alert()).isFalse();
        assertThat(third.alertedAt()).isEqualTo(T2);
        assertThat(third.consecutiveRuns()).isEqualTo(3);

        List<Check> matched = Reconciliation.compare(source, source, carried(run3), T3.plusSeconds(3600));
        assertThat(figure(matched, "sales.net[EUR]").status()).isEqualTo(Status.MATCH);
        assertThat(figure(matched, "sales.net[EUR]").alertedAt()).isNull();
        List<Check> again = Reconciliation.compare(source, off, carried(matched), T3.plusSeconds(7200));
        assertThat(figure(again, "sales.net[EUR]").alert()).isFalse();
        assertThat(figure(again, "sales.net[EUR]").consecutiveRuns()).isEqualTo(1);
    }

    @Test
    void aFigureOnlyOneSideHasCountsAsZeroOnTheOther() {
        List<Check> checks = Reconciliation.compare(Map.of(), Map.of("refunds.count[XXX]", d("1")), Map.of(), T1);

        assertThat(checks).singleElement().satisfies(c -> {
            assertThat(c.source()).isEqualByComparingTo("0");
            assertThat(c.status()).isEqualTo(Status.DIFFERENCE);
        });
    }
}
