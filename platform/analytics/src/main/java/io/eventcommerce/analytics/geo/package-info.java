/**
 * Where a sale happened, for reporting: the market region of a country, one table for every service that reports by
 * region.
 */
package io.eventcommerce.analytics.geo;
