/**
 * Statistical models over plain arrays: forecasting ({@code forecast}), trend tests ({@code trend}), customer
 * lifetime value ({@code clv}), price elasticity ({@code elasticity}) and RFM segments ({@code rfm}). Pure functions of their input, so they
 * run the same in a service, a benchmark and a unit test.
 */
package io.eventcommerce.analytics;
