package io.eventcommerce.insights.market;

import io.eventcommerce.insights.market.domain.PeriodKind;
import io.eventcommerce.insights.market.domain.RegionalRows;
import io.eventcommerce.insights.market.domain.RegionalRows.Row;
import io.eventcommerce.insights.market.domain.RegionalRows.Sales;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class RegionalRowsTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 12, 3);

    private static Sales sales(String level, String key, String month, String revenue, int orders, int customers) {
        return new Sales(level, key, "EUR", LocalDate.parse(month + "-01"), new BigDecimal(revenue), orders,
                customers);
    }

    @Test
    void periodsAreCompleteAndStartOnTheirFirstDay() {
        assertThat(PeriodKind.WEEK.lastComplete(TODAY)).isEqualTo(LocalDate.of(2026, 11, 23));
        assertThat(PeriodKind.MONTH.lastComplete(TODAY)).isEqualTo(LocalDate.of(2026, 11, 1));
        assertThat(PeriodKind.YEAR.lastComplete(TODAY)).isEqualTo(LocalDate.of(2025, 1, 1));
        assertThat(PeriodKind.WEEK.yearEarlier(LocalDate.of(2026, 11, 23))).isEqualTo(LocalDate.of(2025, 11, 24));
        assertThat(RegionalRows.firstPeriod(PeriodKind.MONTH, TODAY, 2)).isEqualTo(LocalDate.of(2026, 10, 1));
        assertThat(RegionalRows.readFrom(PeriodKind.MONTH, TODAY, 2)).isEqualTo(LocalDate.of(2025, 10, 1));
        assertThat(RegionalRows.readFrom(PeriodKind.YEAR, TODAY, 3)).isEqualTo(LocalDate.of(2022, 1, 1));
        assertThat(PeriodKind.parse("Week")).contains(PeriodKind.WEEK);
        assertThat(PeriodKind.parse("quarter")).isEmpty();
    }

    @Test
    void growthComparesThePeriodBeforeAndTheYearEarlierAndShareIsOfTheTotal() {
        List<Row> rows = RegionalRows.rows(PeriodKind.MONTH, TODAY, 2, List.of(
                sales("COUNTRY", "DE", "2026-11", "1200.00", 4, 3),
                sales("COUNTRY", "DE", "2026-10", "1000.00", 2, 2),
                sales("COUNTRY", "DE", "2025-11", "800.00", 1, 1),
                sales("COUNTRY", "DE", "2026-12", "999.00", 1, 1),
                sales("TOTAL", "ALL", "2026-11", "4800.00", 9, 7)));

        Row november = rows.stream().filter(r -> r.key().equals("DE") && r.periodStart().getMonthValue() == 11)
                .findFirst().orElseThrow();
        assertThat(november.region()).isEqualTo("EU");
        assertThat(november.country()).isEqualTo("DE");
        assertThat(november.periodEnd()).isEqualTo(LocalDate.of(2026, 12, 1));
        assertThat(november.averageOrderValue()).isEqualByComparingTo("300.00");
        assertThat(november.growth()).isEqualByComparingTo("0.2");
        assertThat(november.growthYearOverYear()).isEqualByComparingTo("0.5");
        assertThat(november.shareOfTotal()).isEqualByComparingTo("0.25");
        Row october = rows.stream().filter(r -> r.key().equals("DE") && r.periodStart().getMonthValue() == 10)
                .findFirst().orElseThrow();
        // Nothing in September or a year earlier: no growth from nothing; no total row: no share.
        assertThat(october.growth()).isNull();
        assertThat(october.growthYearOverYear()).isNull();
        assertThat(october.shareOfTotal()).isNull();
        // December is still running and November 2025 is outside the stored months: neither has a row.
        assertThat(rows).extracting(Row::periodStart).doesNotContain(LocalDate.of(2026, 12, 1),
                LocalDate.of(2025, 11, 1));
    }

    @Test
    void aMarketGetsAZeroRowForAStoredPeriodWithoutSales() {
        List<Row> rows = RegionalRows.rows(PeriodKind.MONTH, TODAY, 2, List.of(
                sales("REGION", "EU", "2026-10", "1000.00", 2, 2)));

        Row november = rows.stream().filter(r -> r.periodStart().getMonthValue() == 11).findFirst().orElseThrow();
        assertThat(november.revenue()).isEqualByComparingTo("0");
        assertThat(november.orders()).isZero();
        assertThat(november.averageOrderValue()).isNull();
        assertThat(november.growth()).isEqualByComparingTo("-1");
        assertThat(november.region()).isEqualTo("EU");
        assertThat(november.country()).isNull();
    }
}
