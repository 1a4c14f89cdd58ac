package io.eventcommerce.compliance.fraud.service;

import io.eventcommerce.events.orders.PaymentCaptured;
import io.eventcommerce.events.orders.PaymentDeclined;
import io.eventcommerce.events.orders.PaymentRefunded;
import io.eventcommerce.servicekit.inbox.Inbox;
import io.eventcommerce.servicekit.messaging.EventRoutes;
import io.eventcommerce.servicekit.messaging.IncomingEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/**
 * orders.payment into the features and the labels: captures end a customer's streak of declines and mark the order
 * paid, declines lengthen the streak, and a refund for a fraud chargeback labels the order as fraud (the outcome the
 * model learns from; docs/payments.md).
 */
@ApplicationScoped
public class PaymentOutcomes {

    public static final String CONSUMER = "payment-outcomes";
    /** PaymentRefunded.reason of a chargeback the card holder filed as fraud. */
    public static final String FRAUD_CHARGEBACK = "FRAUD_CHARGEBACK";

    private final OrderFacts facts;
    private final FraudLabels labels;
    private final EventRoutes routes;

    public PaymentOutcomes(OrderFacts facts, FraudLabels labels, Inbox inbox) {
        this.facts = facts;
        this.labels = labels;
        this.routes = EventRoutes.recordedIn(inbox, CONSUMER)
                .on(PaymentCaptured.TYPE, (PaymentCaptured p) -> facts.paid(p.orderId(), p.customerId(),
                        p.capturedAt()))
                .on(PaymentDeclined.TYPE, (PaymentDeclined p) -> facts.declined(p.customerId(), p.declinedAt()))
                .on(PaymentRefunded.TYPE, this::refunded)
                .build();
    }

    @Transactional
    public void apply(IncomingEvent event) {
        routes.apply(event);
    }

    private void refunded(PaymentRefunded refund) {
        if (FRAUD_CHARGEBACK.equals(refund.reason())) {
            labels.label(refund.orderId(), true, FraudLabels.Source.CHARGEBACK, refund.gatewayReference(),
                    refund.refundedAt());
        }
    }
}
