package io.eventcommerce.insights.reorder;

import org.junit.jupiter.api.Test;

import java.util.Collections;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class ReorderPolicyTest {

    private static final ReorderPolicy POLICY = new ReorderPolicy(0.95, 7);

    /** Every day mean 10 and σ 2 (upper80 = 10 + 2 · 1.2816). */
    private static List<ReorderPolicy.Day> flat(int days) {
        return Collections.nCopies(days, new ReorderPolicy.Day(10, 10 + 2 * ReorderPolicy.Z80));
    }

    @Test
    void belowTheReorderPointItFillsUpToTheDemandOverLeadTimeAndReviewPlusSafetyStock() {
        ReorderPolicy.Result r = POLICY.evaluate(flat(28), 9, 1, 50, 20);

        assertThat(r.demandOverLeadTime()).isCloseTo(90, within(1e-9));
        assertThat(r.sigmaLeadTime()).as("sqrt(9 · 2²)").isCloseTo(6, within(1e-9));
        assertThat(r.safetyStock()).isCloseTo(1.6448536 * 6, within(1e-6));
        assertThat(r.reorderPoint()).isCloseTo(90 + 1.6448536 * 6, within(1e-6));
        assertThat(r.demandOverCover()).isCloseTo(160, within(1e-9));
        assertThat(r.quantity()).as("ceil(160 + 9.87 - 70)").isEqualTo(100);
    }

    @Test
    void atOrAboveTheReorderPointNothingIsSuggested() {
        assertThat(POLICY.evaluate(flat(28), 9, 1, 80, 20).quantity()).isZero();
    }

    @Test
    void daysPastTheHorizonTakeTheMeanOfItsLastSevenDays() {
        List<ReorderPolicy.Day> days = new java.util.ArrayList<>(flat(7));
        days.addAll(Collections.nCopies(7, new ReorderPolicy.Day(20, 20 + 2 * ReorderPolicy.Z80)));

        ReorderPolicy.Result r = POLICY.evaluate(days, 20, 1, 0, 0);

        assertThat(r.demandOverLeadTime()).as("7 · 10 + 7 · 20 + 6 · 20").isCloseTo(330, within(1e-9));
        assertThat(r.demandOverCover()).isCloseTo(330 + 7 * 20, within(1e-9));
        assertThat(r.sigmaLeadTime()).isCloseTo(Math.sqrt(20 * 4), within(1e-9));
    }

    @Test
    void theWarehouseShareScalesDemandAndSigma() {
        ReorderPolicy.Result whole = POLICY.evaluate(flat(28), 9, 1, 0, 0);
        ReorderPolicy.Result quarter = POLICY.evaluate(flat(28), 9, 0.25, 0, 0);

        assertThat(quarter.demandOverLeadTime()).isCloseTo(whole.demandOverLeadTime() / 4, within(1e-9));
        assertThat(quarter.safetyStock()).isCloseTo(whole.safetyStock() / 4, within(1e-9));
    }

    @Test
    void nonsenseIsRefused() {
        assertThatThrownBy(() -> new ReorderPolicy(1, 7)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> POLICY.evaluate(List.of(), 9, 1, 0, 0))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
