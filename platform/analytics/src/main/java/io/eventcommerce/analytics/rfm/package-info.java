/**
 * RFM segmentation (recency, frequency, monetary; Hughes, <i>Strategic Database Marketing</i>, 1994): each
 * customer scored 1&ndash;5 per dimension by quintile against the other customers, and named by a fixed table so
 * marketing can act on "at risk" rather than on "R2 F4 M4".
 */
package io.eventcommerce.analytics.rfm;
