package io.eventcommerce.insights.sales.domain;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class StatusRankTest {

    @Test
    void anOrderMovesForwardAlongItsLifecycle() {
        assertThat(StatusRank.movesForward("PENDING", "ON_HOLD")).isTrue();
        assertThat(StatusRank.movesForward("PENDING", "CONFIRMED")).isTrue();
        assertThat(StatusRank.movesForward("PAID", "SHIPPED")).isTrue();
        assertThat(StatusRank.movesForward("DELIVERED", "RETURNED")).isTrue();
        assertThat(StatusRank.movesForward("PAID", "CANCELLED")).isTrue();
    }

    @Test
    void anImportedOrderPlacedInItsFinalStatusIsNotMovedBackByTheStepsThatFollow() {
        assertThat(StatusRank.movesForward("DELIVERED", "PAID")).isFalse();
        assertThat(StatusRank.movesForward("DELIVERED", "SHIPPED")).isFalse();
        assertThat(StatusRank.movesForward("DELIVERED", "DELIVERED")).isFalse();
        assertThat(StatusRank.movesForward("CANCELLED", "PAID")).isFalse();
    }

    @Test
    void finalStatusesAndUnknownOnesMoveNothing() {
        assertThat(StatusRank.movesForward("RETURNED", "CANCELLED")).isFalse();
        assertThat(StatusRank.movesForward("CANCELLED", "RETURNED")).isFalse();
        assertThat(StatusRank.movesForward("PENDING", "LOST")).isFalse();
        assertThat(StatusRank.movesForward("LOST", "PAID")).isFalse();
    }
}
