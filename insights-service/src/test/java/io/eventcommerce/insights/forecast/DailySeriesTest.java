package io.eventcommerce.insights.forecast;

import io.eventcommerce.insights.forecast.domain.DailySeries;
import io.eventcommerce.insights.forecast.domain.DailySeries.Row;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class DailySeriesTest {

    private static final LocalDate D = LocalDate.of(2026, 3, 1);

    @Test
    void sparseRowsBecomeOneDenseSeriesPerKeyFromItsFirstSaleToTheLastDay() {
        List<DailySeries> series = DailySeries.assemble(List.of(
                new Row("a", D, 2), new Row("a", D.plusDays(3), 5),
                new Row("b", D.plusDays(4), 1), new Row("b", D.plusDays(9), 7)), D.plusDays(5));

        assertThat(series).hasSize(2);
        assertThat(series.get(0).key()).isEqualTo("a");
        assertThat(series.get(0).first()).isEqualTo(D);
        assertThat(series.get(0).units()).containsExactly(2, 0, 0, 5, 0, 0);
        assertThat(series.get(0).next()).isEqualTo(D.plusDays(6));
        // b's row after the last day is left out.
        assertThat(series.get(1).units()).containsExactly(1, 0);
    }

    @Test
    void aKeyWithOnlyRowsAfterTheLastDayGivesNoSeriesAndNoRowsGiveNone() {
        assertThat(DailySeries.assemble(List.of(new Row("a", D.plusDays(1), 3)), D)).isEmpty();
        assertThat(DailySeries.assemble(List.of(), D)).isEmpty();
    }

    @Test
    void rowsOfOneDayAddUp() {
        assertThat(DailySeries.assemble(List.of(new Row("t", D, 1), new Row("t", D, 2)), D).get(0).units())
                .containsExactly(3);
    }
}
