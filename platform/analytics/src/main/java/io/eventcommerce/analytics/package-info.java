/**
 * Statistical models over plain arrays: forecasting ({@code forecast}), trend tests ({@code trend}), customer
 * lifetime value ({@code clv}) and price elasticity ({@code elasticity}). Pure functions of their input, so they
 * run the same in a service, a benchmark and a unit test.
 */
package io.eventcommerce.analytics;
