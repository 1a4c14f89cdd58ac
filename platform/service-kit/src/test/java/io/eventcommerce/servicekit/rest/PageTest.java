package io.eventcommerce.servicekit.rest;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class PageTest {

    @Test
    void totalPagesRoundUpWithoutOverflow() {
        assertThat(Page.of(List.of(), 0, 20, 0).totalPages()).isZero();
        assertThat(Page.of(List.of(), 0, 20, 1).totalPages()).isEqualTo(1);
        assertThat(Page.of(List.of(), 0, 20, 40).totalPages()).isEqualTo(2);
        assertThat(Page.of(List.of(), 0, 20, 41).totalPages()).isEqualTo(3);
        assertThat(Page.of(List.of(), 0, Page.MAX_SIZE, Long.MAX_VALUE).totalPages()).isEqualTo(Integer.MAX_VALUE);
        assertThat(Page.of(List.of(), 0, 1, (long) Integer.MAX_VALUE + 1).totalPages()).isEqualTo(Integer.MAX_VALUE);
    }

    @Test
    void theDeepestPageStaysWithinAnInt() {
        assertThat((long) Page.MAX_PAGE * Page.MAX_SIZE + Page.MAX_SIZE).isLessThan(Integer.MAX_VALUE);
    }
}
