package io.eventcommerce.compliance.privacy.domain;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class DataSubjectRequestTest {

    private static final Instant REQUESTED = Instant.parse("2026-11-01T10:00:00Z");

    private static DataSubjectRequest request() {
        return new DataSubjectRequest(UUID.randomUUID(), UUID.randomUUID(), DataSubjectRequest.Type.ERASURE, "r",
                "officer", REQUESTED, REQUESTED.plus(Duration.ofDays(30)));
    }

    @Test
    void aPendingRequestIsOverdueOnlyPastItsDeadline() {
        DataSubjectRequest r = request();
        assertThat(r.overdue(REQUESTED.plus(Duration.ofDays(30)))).isFalse();
        assertThat(r.overdue(REQUESTED.plus(Duration.ofDays(31)))).isTrue();
    }

    @Test
    void aRequestCompletedInTimeStaysOnTimeAndOneCompletedLateStaysOverdue() {
        DataSubjectRequest onTime = request();
        onTime.finish(true, REQUESTED.plusSeconds(5));
        assertThat(onTime.status()).isEqualTo(DataSubjectRequest.Status.COMPLETED);
        assertThat(onTime.overdue(REQUESTED.plus(Duration.ofDays(400)))).isFalse();

        DataSubjectRequest late = request();
        late.finish(true, REQUESTED.plus(Duration.ofDays(31)));
        assertThat(late.overdue(REQUESTED.plus(Duration.ofDays(31)))).isTrue();
    }

    @Test
    void anUncleanAnswerFailsTheRequestAndItFinishesOnce() {
        DataSubjectRequest r = request();
        r.finish(false, REQUESTED.plusSeconds(1));
        r.finish(true, REQUESTED.plusSeconds(2));
        assertThat(r.status()).isEqualTo(DataSubjectRequest.Status.FAILED);
        assertThat(r.completedAt()).isEqualTo(REQUESTED.plusSeconds(1));
    }

    @Test
    void aServicesPartTakesItsFirstAnswerOnlyAndFailsOnPlaintextLeft() {
        ServiceProgress part = new ServiceProgress(UUID.randomUUID(), "orders-service");
        assertThat(part.erased("[]", 40, 2, UUID.randomUUID(), REQUESTED)).isTrue();
        assertThat(part.status()).isEqualTo(ServiceProgress.Status.FAILED);
        assertThat(part.erased("[]", 40, 0, UUID.randomUUID(), REQUESTED.plusSeconds(1))).isFalse();
        assertThat(part.plaintextMatches()).isEqualTo(2);
    }
}
