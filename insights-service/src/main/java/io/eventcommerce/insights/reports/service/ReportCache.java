package io.eventcommerce.insights.reports.service;

/**
 * The short-lived caches of the dashboard reads (aggregates over whole read models: daily sales, statuses, cohorts,
 * products, categories, inventory, segments, forecasts). A dashboard is read by many people at once and each answer
 * costs 10–35 ms of one core at the seed scale; without the cache, 100 reads per second saturate a 2-core node
 * (p99 of seconds, see SeedScaleBenchmark). An answer is reused for at most {@code expire-after-write} (500 ms by
 * default, {@code quarkus.cache.caffeine.expire-after-write}), so a dashboard shows a commit at most that
 * long after its read model has it. Lookups of one entity (a customer, a product's forecast) are cheap and not
 * cached. Off in the test profile: the ITs read right after a write. One cache per method ({@code @CacheResult(
 * cacheName = "reports-<area>-<method>")}): a cache's key is the method's arguments only.
 */
public final class ReportCache {

    private ReportCache() {
    }
}
