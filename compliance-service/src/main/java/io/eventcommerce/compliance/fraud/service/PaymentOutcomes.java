package io.eventcommerce.compliance.fraud.service;

import io.eventcommerce.events.orders.PaymentCaptured;
import io.eventcommerce.events.orders.PaymentDeclined;
import io.eventcommerce.events.orders.PaymentRefunded;
import io.eventcommerce.servicekit.inbox.Inbox;
import io.eventcommerce.servicekit.messaging.EventRoutes;
import io.eventcommerce.servicekit.messaging.IncomingEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;

import java.util.UUID;

/**
 * orders.payment into the features and the labels: captures end a customer's streak of declines and mark the order
 * paid, declines lengthen the streak, and a refund for a fraud chargeback labels the order as fraud (the outcome the
 * model learns from; docs/payments.md). Each of them is a {@link CustomerSignal} for the customer's risk score.
 */
@ApplicationScoped
public class PaymentOutcomes {

    public static final String CONSUMER = "payment-outcomes";
    /** PaymentRefunded.reason of a chargeback the card holder filed as fraud. */
    public static final String FRAUD_CHARGEBACK = "FRAUD_CHARGEBACK";

    private final OrderFacts facts;
    private final FraudLabels labels;
    private final EventRoutes routes;
    private final Event<CustomerSignal> signals;

    public PaymentOutcomes(OrderFacts facts, FraudLabels labels, Inbox inbox, Event<CustomerSignal> signals) {
        this.facts = facts;
        this.labels = labels;
        this.signals = signals;
        this.routes = EventRoutes.recordedIn(inbox, CONSUMER)
                .on(PaymentCaptured.TYPE, (PaymentCaptured p, IncomingEvent e) -> {
                    facts.paid(p.orderId(), p.customerId(), p.capturedAt());
                    signal(p.customerId(), e);
                })
                .on(PaymentDeclined.TYPE, (PaymentDeclined p, IncomingEvent e) -> {
                    facts.declined(p.customerId(), p.declinedAt());
                    signal(p.customerId(), e);
                })
                .on(PaymentRefunded.TYPE, this::refunded)
                .build();
    }

    /** The streak of declines (a capture ends it) and chargebacks are factors of the customer's risk. */
    private void signal(UUID customerId, IncomingEvent event) {
        if (customerId != null) {
            signals.fire(new CustomerSignal(customerId, event.type(), event.eventId()));
        }
    }

    @Transactional
    public void apply(IncomingEvent event) {
        routes.apply(event);
    }

    private void refunded(PaymentRefunded refund, IncomingEvent event) {
        if (FRAUD_CHARGEBACK.equals(refund.reason())) {
            labels.label(refund.orderId(), true, FraudLabels.Source.CHARGEBACK, refund.gatewayReference(),
                    refund.refundedAt());
            signal(refund.customerId(), event);
        }
    }
}
