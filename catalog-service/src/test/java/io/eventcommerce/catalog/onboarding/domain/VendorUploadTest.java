package io.eventcommerce.catalog.onboarding.domain;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class VendorUploadTest {

    private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");

    private static VendorUpload upload() {
        return new VendorUpload(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), "f.csv", "vendor", "host",
                NOW);
    }

    @Test
    void processingEndsCompletedOrFailedAndThenNeverMoves() {
        for (UploadStatus from : UploadStatus.values()) {
            for (UploadStatus to : UploadStatus.values()) {
                assertThat(from.canMoveTo(to)).as(from + " -> " + to)
                        .isEqualTo(from == UploadStatus.PROCESSING && to != UploadStatus.PROCESSING);
            }
        }
        VendorUpload upload = upload();
        upload.complete(NOW);
        assertThat(upload.status()).isEqualTo(UploadStatus.COMPLETED);
        assertThat(upload.finishedAt()).isEqualTo(NOW);
        assertThatThrownBy(() -> upload.fail("late", NOW)).isInstanceOf(IllegalUploadTransitionException.class)
                .hasMessage("An upload that is COMPLETED cannot become FAILED");
        assertThatThrownBy(() -> upload.record(new VendorUpload.BatchOutcome(1, 0, 1, 0), NOW))
                .isInstanceOf(IllegalUploadTransitionException.class);
    }

    @Test
    void countersGrowByBatchAndTotalIsAlwaysValidPlusError() {
        VendorUpload upload = upload();
        upload.record(new VendorUpload.BatchOutcome(480, 20, 470, 5), NOW);
        upload.record(new VendorUpload.BatchOutcome(7, 3, 0, 7), NOW);

        assertThat(upload.totalRows()).isEqualTo(510);
        assertThat(upload.validRows()).isEqualTo(487);
        assertThat(upload.errorRows()).isEqualTo(23);
        assertThat(upload.createdCount()).isEqualTo(470);
        assertThat(upload.updatedCount()).isEqualTo(12);
        assertThatThrownBy(() -> new VendorUpload.BatchOutcome(1, 0, 1, 1))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aFailureKeepsItsReasonAndTheCounts() {
        VendorUpload upload = upload();
        upload.record(new VendorUpload.BatchOutcome(2, 1, 2, 0), NOW);
        upload.fail("x".repeat(600), NOW);

        assertThat(upload.status()).isEqualTo(UploadStatus.FAILED);
        assertThat(upload.failureReason()).hasSize(VendorUpload.MAX_REASON).endsWith("…");
        assertThat(upload.totalRows()).isEqualTo(3);
    }
}
