/**
 * Customer lifetime value from repeat-purchase histories: the BG/NBD model of how often and how long a customer
 * buys (Fader, Hardie &amp; Lee, "Counting Your Customers the Easy Way", Marketing Science 24(2), 2005), the
 * Gamma-Gamma model of how much they spend (Fader &amp; Hardie, "The Gamma-Gamma Model of Monetary Value", 2013),
 * both fitted by maximum likelihood, and their discounted combination per customer.
 *
 * <p>Time is in whatever unit the summaries use (CDNOW: weeks); the caller keeps it consistent.
 */
package io.eventcommerce.analytics.clv;
