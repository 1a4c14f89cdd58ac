package io.eventcommerce.catalog;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.util.Optional;

/** catalog-service's own settings ({@code catalog.*}). */
@ConfigMapping(prefix = "catalog")
public interface CatalogConfig {

    /** ISO 4217 currency of a product created without one. */
    @WithDefault("USD")
    String defaultCurrency();

    /** Vendor CSV onboarding ({@code catalog.onboarding.*}). */
    Onboarding onboarding();

    Reservations reservations();

    interface Reservations {

        /**
         * How often stock still reserved for an order known to be cancelled is released (ReservationReconciliation;
         * read by its schedule expression).
         */
        @WithDefault("1m")
        String reconcileEvery();
    }

    interface Onboarding {

        /**
         * Data rows per transaction. Larger batches commit less often; smaller ones hold row locks for less time and
         * lose less work to a concurrent duplicate SKU (the batch is then retried row by row).
         */
        @WithDefault("500")
        int batchSize();

        /**
         * The longest row accepted, in characters; a longer row is a {@code MALFORMED_ROW}. Bounds the memory one row
         * can take, and keeps a stored original row within the TEXT column (4 bytes a character at worst): at most
         * 16,000.
         */
        @WithDefault("16000")
        int maxRowChars();

        /**
         * How long a worker may process an upload without renewing its lease (it renews with every batch). An
         * upload whose lease expired (its instance died) is taken over and resumed by any instance. Must be longer
         * than the slowest batch takes.
         */
        @WithDefault("2M")
        Duration lease();

        /** How often every instance looks for queued uploads and expired leases (besides the nudge after a POST). */
        @WithDefault("10s")
        Duration pollEvery();

        /** Whether this instance processes uploads; off only in tests that play a crashed instance themselves. */
        @WithDefault("true")
        boolean workerEnabled();

        /**
         * Size of the chunks the received file is stored in. Each chunk is one statement parameter: keep it well
         * below the database's {@code max_allowed_packet} (MariaDB 11.4: 16 MiB, MySQL 8.4: 64 MiB by default).
         */
        @WithDefault("1048576")
        int chunkBytes();

        /**
         * The largest file accepted, in bytes (200 MiB). A larger body is refused with 413 before anything is
         * stored: at once when its Content-Length says so, else when the streamed body passes the limit (the
         * transaction storing it rolls back). {@code quarkus.http.limits.max-body-size} must stay above it, or the
         * HTTP layer refuses first, without problem details.
         */
        @WithDefault("209715200")
        long maxFileBytes();

        /** The most data rows a file may have; a file with more is refused with 422 and nothing is stored. */
        @WithDefault("1000000")
        int maxRows();

        /**
         * The name this instance records on the uploads it processes; on start-up it takes over at once the
         * uploads it left PROCESSING (their leases are its own). Defaults to the host name, which a restarted
         * Kubernetes pod or VM keeps.
         */
        Optional<String> instanceName();

        /**
         * How long the stored file of a finished upload (completed, failed or cancelled) is kept; then its chunks
         * are deleted (UploadFileRetention, every {@link #filePurgeEvery()}). The
         * upload, its counts and its refused rows stay.
         */
        @WithDefault("P7D")
        Duration fileRetention();

        /** How often the stored files past their retention are deleted (read by UploadFileRetention's schedule). */
        @WithDefault("1h")
        String filePurgeEvery();
    }
}
