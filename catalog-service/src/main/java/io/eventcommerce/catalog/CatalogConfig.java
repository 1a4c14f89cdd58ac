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
         * An upload still PROCESSING without progress for this long is failed as interrupted (its instance died and
         * did not come back). Must be longer than the slowest batch takes.
         */
        @WithDefault("10M")
        Duration staleAfter();

        /**
         * The name this instance records on the uploads it processes; on start-up it fails those it left
         * PROCESSING. Defaults to the host name, which a restarted Kubernetes pod or VM keeps.
         */
        Optional<String> instanceName();
    }
}
