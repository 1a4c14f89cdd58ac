package io.eventcommerce.copilot.replica;

import io.eventcommerce.copilot.replica.domain.Allocation;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class AllocationTest {

    @Test
    void sharesFollowTheWeightsAndAddUpToTheAmountToTheCent() {
        // 5.00 over 20 and 25: 2.2222 and 2.7777; the cent left goes to the larger remainder.
        assertThat(split("5.00", "20.00", "25.00")).containsExactly(money("2.22"), money("2.78"));
        // 10.00 over 17.78 and 22.22: 4.445 and 5.555, equal remainders: the first line takes the cent.
        assertThat(split("10.00", "17.78", "22.22")).containsExactly(money("4.45"), money("5.55"));
        assertThat(split("1.00", "1", "1", "1")).containsExactly(money("0.34"), money("0.33"), money("0.33"));
    }

    @Test
    void noAmountGivesZerosAndNoWeightGivesItAllToTheFirstLine() {
        assertThat(split("0", "3.00", "7.00")).containsExactly(money("0.00"), money("0.00"));
        assertThat(split("4.00", "0", "0")).containsExactly(money("4.00"), money("0.00"));
        assertThat(Allocation.split(BigDecimal.ONE, List.of())).isEmpty();
    }

    @Test
    void aNegativeAmountIsSplitTheSameWay() {
        assertThat(split("-5.00", "20.00", "25.00")).containsExactly(money("-2.22"), money("-2.78"));
    }

    private static List<BigDecimal> split(String amount, String... weights) {
        List<BigDecimal> shares = Allocation.split(new BigDecimal(amount),
                Arrays.stream(weights).map(BigDecimal::new).toList());
        assertThat(shares.stream().reduce(BigDecimal.ZERO, BigDecimal::add))
                .isEqualByComparingTo(new BigDecimal(amount));
        return shares;
    }

    private static BigDecimal money(String value) {
        return new BigDecimal(value);
    }
}
