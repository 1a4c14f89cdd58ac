package io.eventcommerce.compliance.fraud.service;

import java.util.UUID;

/**
 * Something that bears on a customer's risk happened in fraud scoring: an order assessed or recorded, a payment
 * declined or captured, a chargeback, an officer's decision, an imported label. Fired as a synchronous CDI event in
 * the transaction of the change, so whoever observes it (the risk scores) commits with it, and under the same inbox
 * record: a redelivered event fires nothing.
 *
 * @param cause        the event type (or {@code LabelImport}) that caused it
 * @param causeEventId the id of that event; null for a change no event carries (a label import through the API)
 */
public record CustomerSignal(UUID customerId, String cause, UUID causeEventId) {
}
