package io.eventcommerce.catalog.onboarding.domain;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class VendorUploadTest {

    private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");

    /** A received upload, claimed by a worker (as the repository's conditional update does it). */
    private static VendorUpload upload() {
        VendorUpload upload = new VendorUpload(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), "f.csv",
                "vendor", "host", NOW);
        try {
            var status = VendorUpload.class.getDeclaredField("status");
            status.setAccessible(true);
            status.set(upload, UploadStatus.PROCESSING);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
        return upload;
    }

    @Test
    void queuedThenProcessingThenFinalAndThenNeverMoves() {
        assertThat(UploadStatus.QUEUED.canMoveTo(UploadStatus.PROCESSING)).isTrue();
        assertThat(UploadStatus.QUEUED.canMoveTo(UploadStatus.CANCELLED)).isTrue();
        assertThat(UploadStatus.QUEUED.canMoveTo(UploadStatus.COMPLETED)).isFalse();
        assertThat(UploadStatus.PROCESSING.canMoveTo(UploadStatus.PROCESSING)).as("a lease taken over").isTrue();
        for (UploadStatus to : UploadStatus.values()) {
            assertThat(UploadStatus.PROCESSING.canMoveTo(to)).isEqualTo(to != UploadStatus.QUEUED);
            for (UploadStatus end : List.of(UploadStatus.COMPLETED, UploadStatus.FAILED, UploadStatus.CANCELLED)) {
                assertThat(end.canMoveTo(to)).as(end + " -> " + to).isFalse();
                assertThat(end.isFinal()).isTrue();
            }
        }
        VendorUpload queued = new VendorUpload(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), "f.csv",
                "vendor", "host", NOW);
        assertThat(queued.status()).isEqualTo(UploadStatus.QUEUED);
        queued.cancel(NOW);
        assertThatThrownBy(() -> queued.cancel(NOW)).isInstanceOf(IllegalUploadTransitionException.class);
        VendorUpload upload = upload();
        upload.complete(NOW);
        assertThat(upload.status()).isEqualTo(UploadStatus.COMPLETED);
        assertThat(upload.finishedAt()).isEqualTo(NOW);
        assertThatThrownBy(() -> upload.fail("late", NOW)).isInstanceOf(IllegalUploadTransitionException.class)
                .hasMessage("An upload that is COMPLETED cannot become FAILED");
        assertThatThrownBy(() -> upload.record(new VendorUpload.BatchOutcome(1, 0, 1, 0), NOW, NOW))
                .isInstanceOf(IllegalUploadTransitionException.class);
    }

    @Test
    void countersGrowByBatchAndRowsDoneIsAlwaysValidPlusError() {
        VendorUpload upload = upload();
        upload.received(600, 12_000);
        upload.record(new VendorUpload.BatchOutcome(480, 20, 470, 5), NOW, NOW);
        upload.record(new VendorUpload.BatchOutcome(7, 3, 0, 7), NOW, NOW);

        assertThat(upload.totalRows()).isEqualTo(600);
        assertThat(upload.rowsDone()).isEqualTo(510);
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
        upload.record(new VendorUpload.BatchOutcome(2, 1, 2, 0), NOW, NOW);
        upload.fail("x".repeat(600), NOW);

        assertThat(upload.status()).isEqualTo(UploadStatus.FAILED);
        assertThat(upload.failureReason()).hasSize(VendorUpload.MAX_REASON).endsWith("…");
        assertThat(upload.rowsDone()).isEqualTo(3);
    }
}
