package io.eventcommerce.insights.customers;

import io.eventcommerce.analytics.clv.PurchaseSummary;
import io.eventcommerce.analytics.rfm.CustomerActivity;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class CustomerHistoryTest {

    private static final LocalDate D = LocalDate.of(2026, 1, 5);

    @Test
    void repeatPurchaseDaysBecomeFrequencyRecencyAndAgeInWeeks() {
        CustomerHistory h = new CustomerHistory("c", List.of(D, D.plusDays(14), D.plusDays(35)),
                List.of(50.0, 20.0, 40.0), 4);
        PurchaseSummary p = h.purchases(D.plusDays(70));
        assertThat(p.frequency()).isEqualTo(2);
        assertThat(p.recency()).isCloseTo(5.0, within(1e-9));
        assertThat(p.age()).isCloseTo(10.0, within(1e-9));
        // The first purchase is not a repeat: its 50 stays out of the mean.
        assertThat(h.averageRepeatValue()).isCloseTo(30.0, within(1e-9));
        CustomerActivity a = h.activity(D.plusDays(70));
        assertThat(a.daysSinceLastOrder()).isEqualTo(35);
        assertThat(a.orders()).isEqualTo(4);
        assertThat(a.revenue()).isCloseTo(110.0, within(1e-9));
    }

    @Test
    void aOneTimeBuyerHasNoRecencyAndNoRepeatValue() {
        CustomerHistory h = new CustomerHistory("c", List.of(D), List.of(80.0), 1);
        PurchaseSummary p = h.purchases(D.plusDays(7));
        assertThat(p.frequency()).isZero();
        assertThat(p.recency()).isZero();
        assertThat(p.age()).isCloseTo(1.0, within(1e-9));
        assertThat(h.averageRepeatValue()).isZero();
    }

    @Test
    void ageIsNeverShorterThanRecencyEvenWhenTheRunDayIsBeforeTheLastSale() {
        CustomerHistory h = new CustomerHistory("c", List.of(D, D.plusDays(7)), List.of(1.0, 2.0), 2);
        PurchaseSummary p = h.purchases(D);
        assertThat(p.age()).isEqualTo(p.recency());
        assertThat(h.daysSinceLast(D)).isZero();
    }

    @Test
    void aHistoryNeedsOneNetPerDay() {
        assertThatThrownBy(() -> new CustomerHistory("c", List.of(D), List.of(), 1))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
