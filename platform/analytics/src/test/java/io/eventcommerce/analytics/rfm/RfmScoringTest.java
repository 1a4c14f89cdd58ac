package io.eventcommerce.analytics.rfm;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

class RfmScoringTest {

    /**
     * Ten customers, values chosen by hand: with n = 10 and distinct values, ranks 1-2 score 1, 3-4 score 2, ...,
     * 9-10 score 5.
     */
    private static final List<CustomerActivity> TEN = List.of(
            new CustomerActivity("c01", 2, 40, 5000),
            new CustomerActivity("c02", 5, 30, 3000),
            new CustomerActivity("c03", 200, 25, 2500),
            new CustomerActivity("c04", 300, 20, 4000),
            new CustomerActivity("c05", 10, 1, 20),
            new CustomerActivity("c06", 8, 2, 40),
            new CustomerActivity("c07", 60, 5, 300),
            new CustomerActivity("c08", 90, 6, 600),
            new CustomerActivity("c09", 120, 8, 800),
            new CustomerActivity("c10", 150, 3, 100));

    @Test
    void handExample() {
        // Ranks (1 = lowest; recency ranks by negated days so the most recent is 10):
        //   days    2:10  5:9  8:8  10:7  60:6  90:5  120:4  150:3  200:2  300:1
        //   orders  40:10 30:9 25:8 20:7  8:6   6:5   5:4    3:3    2:2    1:1
        //   revenue 5000:10 4000:9 3000:8 2500:7 800:6 600:5 300:4 100:3 40:2 20:1
        Scores scores = byId(RfmScoring.score(TEN));
        assertThat(scores.get("c01").code()).isEqualTo("555");
        assertThat(scores.get("c02").code()).isEqualTo("554");
        assertThat(scores.get("c03").code()).isEqualTo("144");
        assertThat(scores.get("c04").code()).isEqualTo("145");
        assertThat(scores.get("c05").code()).isEqualTo("411");
        assertThat(scores.get("c06").code()).isEqualTo("411");
        assertThat(scores.get("c07").code()).isEqualTo("322");
        assertThat(scores.get("c08").code()).isEqualTo("333");
        assertThat(scores.get("c09").code()).isEqualTo("233");
        assertThat(scores.get("c10").code()).isEqualTo("222");

        assertThat(scores.get("c01").segment()).isEqualTo(RfmSegment.CHAMPIONS);
        assertThat(scores.get("c02").segment()).isEqualTo(RfmSegment.CHAMPIONS);        // R5, FM ceil(4.5)
        assertThat(scores.get("c03").segment()).isEqualTo(RfmSegment.AT_RISK);          // R1, FM 4
        assertThat(scores.get("c04").segment()).isEqualTo(RfmSegment.CANT_LOSE_THEM);   // R1, FM ceil(4.5)
        assertThat(scores.get("c05").segment()).isEqualTo(RfmSegment.PROMISING);        // R4, FM 1
        assertThat(scores.get("c07").segment()).isEqualTo(RfmSegment.ABOUT_TO_SLEEP);   // R3, FM 2
        assertThat(scores.get("c08").segment()).isEqualTo(RfmSegment.NEED_ATTENTION);   // R3, FM 3
        assertThat(scores.get("c09").segment()).isEqualTo(RfmSegment.AT_RISK);          // R2, FM 3
        assertThat(scores.get("c10").segment()).isEqualTo(RfmSegment.HIBERNATING);      // R2, FM 2
    }

    @Test
    void tiedValuesShareOneScoreWhateverTheOrder() {
        // Six of ten customers have one order: average rank 3.5 -> floor(5 * 3 / 10) + 1 = 2 for all of them.
        List<CustomerActivity> customers = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            customers.add(new CustomerActivity("c" + i, i, i < 6 ? 1 : i, 10 * i + 10));
        }
        Scores scores = byId(RfmScoring.score(customers));
        for (int i = 0; i < 6; i++) {
            assertThat(scores.get("c" + i).frequency()).isEqualTo(2);
        }
        assertThat(scores.get("c9").frequency()).isEqualTo(5);

        List<CustomerActivity> shuffled = new ArrayList<>(customers);
        Collections.shuffle(shuffled, new Random(1));
        assertThat(byId(RfmScoring.score(shuffled))).isEqualTo(scores);
    }

    @Test
    void distinctValuesFillFiveEqualGroups() {
        Random random = new Random(2);
        List<CustomerActivity> customers = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            customers.add(new CustomerActivity("c" + i, random.nextDouble() * 365, i, random.nextDouble() * 1000));
        }
        var counts = RfmScoring.score(customers).stream()
                .collect(Collectors.groupingBy(RfmScore::recency, Collectors.counting()));
        assertThat(counts).containsOnlyKeys(1, 2, 3, 4, 5).allSatisfy((score, count) -> assertThat(count)
                .isEqualTo(200));
    }

    @Test
    void theMostRecentScoreHighestOnRecency() {
        var scores = byId(RfmScoring.score(TEN));
        assertThat(scores.get("c01").recency()).isEqualTo(5);
        assertThat(scores.get("c04").recency()).isEqualTo(1);
    }

    @Test
    void aLoneCustomerIsInTheMiddle() {
        RfmScore only = RfmScoring.score(List.of(new CustomerActivity("x", 3, 1, 10))).get(0);
        assertThat(only.code()).isEqualTo("333");
        assertThat(RfmScoring.score(List.of())).isEmpty();
    }

    @Test
    void theSegmentTableNamesEveryCellAndUsesEverySegment() {
        assertThat(RfmSegment.of(5, 5, 4)).isEqualTo(RfmSegment.CHAMPIONS);
        assertThat(RfmSegment.of(5, 1, 1)).isEqualTo(RfmSegment.NEW_CUSTOMERS);
        assertThat(RfmSegment.of(4, 4, 3)).isEqualTo(RfmSegment.LOYAL_CUSTOMERS);
        assertThat(RfmSegment.of(5, 2, 3)).isEqualTo(RfmSegment.POTENTIAL_LOYALISTS);
        assertThat(RfmSegment.of(1, 5, 5)).isEqualTo(RfmSegment.CANT_LOSE_THEM);
        assertThat(RfmSegment.of(1, 1, 1)).isEqualTo(RfmSegment.LOST);
        assertThat(RfmSegment.of(1, 1, 2)).isEqualTo(RfmSegment.HIBERNATING);   // FM = ceil(1.5) = 2
        var used = new java.util.HashSet<RfmSegment>();
        for (int r = 1; r <= 5; r++) {
            for (int f = 1; f <= 5; f++) {
                for (int m = 1; m <= 5; m++) {
                    used.add(RfmSegment.of(r, f, m));
                }
            }
        }
        assertThat(used).containsExactlyInAnyOrder(RfmSegment.values());
    }

    private static Scores byId(List<RfmScore> scores) {
        return new Scores(scores.stream().collect(Collectors.toMap(RfmScore::customerId, Function.identity())));
    }

    private record Scores(java.util.Map<String, RfmScore> byId) {
        RfmScore get(String id) {
            return byId.get(id);
        }
    }
}
