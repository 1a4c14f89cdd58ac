package io.eventcommerce.catalog;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** catalog-service's own settings ({@code catalog.*}). */
@ConfigMapping(prefix = "catalog")
public interface CatalogConfig {

    /** ISO 4217 currency of a product created without one. */
    @WithDefault("USD")
    String defaultCurrency();
}
