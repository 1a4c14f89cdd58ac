package io.eventcommerce.insights.reports.domain;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class AbcClassifierTest {

    private static List<String> classes(String... values) {
        return AbcClassifier.classify(List.of(values), BigDecimal::new).stream()
                .map(c -> c.item() + ":" + c.abcClass()).toList();
    }

    @Test
    void theItemsUpToEightyPercentOfTheValueAreAThenBUpToNinetyFiveThenC() {
        // 75 % before the third: A too (it crosses 80 %); 85 % and 90 % before the next two: B; 95 % before the
        // last: C.
        assertThat(classes("5", "25", "50", "10", "5", "5")).containsExactly("50:A", "25:A", "10:A", "5:B", "5:B",
                "5:C");
    }

    @Test
    void oneItemHoldingEverythingIsAAndItemsWithoutValueAreC() {
        assertThat(classes("0", "100", "0")).containsExactly("100:A", "0:C", "0:C");
        assertThat(classes("0")).containsExactly("0:C");
        assertThat(AbcClassifier.classify(List.<String>of(), BigDecimal::new)).isEmpty();
    }

    @Test
    void theCumulativeShareEndsAtOne() {
        var classified = AbcClassifier.classify(List.of("3", "1", "2"), BigDecimal::new);
        assertThat(classified.get(2).cumulativeShare()).isEqualByComparingTo("1");
        assertThat(classified.get(0).cumulativeShare()).isEqualByComparingTo("0.5");
    }
}
