package io.eventcommerce.insights.trends;

import io.eventcommerce.analytics.trend.TrendDirection;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

class WeeklySeriesTest {

    private static final LocalDate THURSDAY = LocalDate.of(2026, 12, 3);

    @Test
    void weeksAreFullIsoWeeksBeforeTheRunsWeek() {
        LocalDate first = WeeklySeries.firstWeek(THURSDAY, 52);
        assertThat(first.getDayOfWeek()).isEqualTo(java.time.DayOfWeek.MONDAY);
        assertThat(first.plusWeeks(52)).isEqualTo(LocalDate.of(2026, 11, 30));
        WeeklySeries s = new WeeklySeries(first, 52);
        s.add(first.minusDays(1), 100, 100);
        s.add(LocalDate.of(2026, 11, 30), 100, 100); // the run's own week: not yet full
        s.add(LocalDate.of(2026, 11, 23), 2, 20);
        s.add(LocalDate.of(2026, 11, 29), 3, 30);
        s.add(LocalDate.of(2026, 11, 16), 1, 10);
        assertThat(s.units()).containsExactly(1, 5);
        assertThat(s.revenue()).containsExactly(10, 50);
        assertThat(s.startWeek()).isEqualTo(LocalDate.of(2026, 11, 16));
    }

    @Test
    void aSeriesIsTestedFromItsFirstSaleAndOnlyWithEnoughWeeks() {
        LocalDate first = WeeklySeries.firstWeek(THURSDAY, 52);
        WeeklySeries growing = new WeeklySeries(first, 52);
        for (int w = 30; w < 52; w++) {
            growing.add(first.plusWeeks(w), 10 + 3 * (w - 30), 100 + 30 * (w - 30));
        }
        var rows = TrendsJob.rows("PRODUCT", "p", growing, 4, 4);
        assertThat(rows).extracting(TrendsJob.Row::metric).containsExactly("UNITS", "REVENUE");
        assertThat(rows.get(0).weeks()).isEqualTo(22);
        assertThat(rows.get(0).analysis().direction()).isEqualTo(TrendDirection.GROWTH);
        assertThat(rows.get(0).analysis().test().slope()).isGreaterThan(2.5);

        WeeklySeries young = new WeeklySeries(first, 52);
        young.add(first.plusWeeks(50), 5, 50);
        assertThat(TrendsJob.rows("PRODUCT", "p", young, 4, 4)).isEmpty();
        assertThat(TrendsJob.rows("PRODUCT", "p", new WeeklySeries(first, 52), 4, 4)).isEmpty();
    }
}
