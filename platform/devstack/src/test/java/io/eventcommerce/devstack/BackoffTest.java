package io.eventcommerce.devstack;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class BackoffTest {

    private static final Duration SHORT = Duration.ofSeconds(2);

    @Test
    void doublesFromOneSecondUpToThirtyWhileTheServiceKeepsDyingSoon() {
        Backoff backoff = Backoff.DEFAULT.copy();
        long[] seconds = new long[8];
        for (int i = 0; i < seconds.length; i++) {
            seconds[i] = backoff.next(SHORT).toSeconds();
        }
        assertThat(seconds).containsExactly(1, 2, 4, 8, 16, 30, 30, 30);
    }

    @Test
    void startsAgainAtOneSecondOnceTheServiceHadStayedReadyForAMinute() {
        Backoff backoff = Backoff.DEFAULT.copy();
        backoff.next(SHORT);
        backoff.next(SHORT);
        assertThat(backoff.next(SHORT)).isEqualTo(Duration.ofSeconds(4));
        assertThat(backoff.next(Duration.ofMinutes(1))).isEqualTo(Duration.ofSeconds(1));
        assertThat(backoff.attempts()).isEqualTo(1);
        assertThat(backoff.next(Duration.ZERO)).isEqualTo(Duration.ofSeconds(2));
    }

    @Test
    void givesUpAfterTenRestartsInARowThatDidNotLast() {
        Backoff backoff = Backoff.DEFAULT.copy();
        for (int i = 0; i < 10; i++) {
            backoff.next(Duration.ZERO);
            assertThat(backoff.exhausted()).isFalse();
        }
        backoff.next(Duration.ZERO);
        assertThat(backoff.exhausted()).isTrue();
        backoff.next(Duration.ofMinutes(5));
        assertThat(backoff.exhausted()).isFalse();
    }

    @Test
    void eachCopyCountsOnItsOwn() {
        Backoff first = Backoff.DEFAULT.copy();
        first.next(SHORT);
        first.next(SHORT);
        assertThat(Backoff.DEFAULT.copy().next(SHORT)).isEqualTo(Duration.ofSeconds(1));
    }
}
