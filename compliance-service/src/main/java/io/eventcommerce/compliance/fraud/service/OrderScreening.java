package io.eventcommerce.compliance.fraud.service;

import io.eventcommerce.compliance.fraud.domain.FraudDetection;
import io.eventcommerce.compliance.fraud.domain.FraudDetectionRepository;
import io.eventcommerce.events.compliance.FraudAssessed;
import io.eventcommerce.events.orders.OrderPlaced;
import io.eventcommerce.servicekit.inbox.Inbox;
import io.eventcommerce.servicekit.messaging.EventRoutes;
import io.eventcommerce.servicekit.messaging.IncomingEvent;
import io.eventcommerce.servicekit.outbox.Outbox;
import io.eventcommerce.servicekit.time.Timestamps;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;

import java.time.Instant;

/**
 * The saga's fraud step (DESIGN §3, step 3): every OrderPlaced is recorded in the feature history; a live order
 * waiting for its answers is scored, and its FraudAssessed goes out through the outbox in the transaction that
 * stores the assessment. Imported orders (history) feed the features but are never scored into the saga: they
 * reached their final status long ago. A newly recorded order is a {@link CustomerSignal} for the customer's risk
 * score, after its assessment if it has one.
 */
@ApplicationScoped
public class OrderScreening {

    public static final String CONSUMER = "order-screening";

    private final OrderFacts facts;
    private final FraudScoring scoring;
    private final FraudDetectionRepository detections;
    private final Outbox outbox;
    private final MeterRegistry meters;
    private final EventRoutes routes;
    private final Event<CustomerSignal> signals;

    public OrderScreening(OrderFacts facts, FraudScoring scoring, FraudDetectionRepository detections, Outbox outbox,
                         MeterRegistry meters, Inbox inbox, Event<CustomerSignal> signals) {
        this.facts = facts;
        this.scoring = scoring;
        this.detections = detections;
        this.outbox = outbox;
        this.meters = meters;
        this.signals = signals;
        this.routes = EventRoutes.recordedIn(inbox, CONSUMER).on(OrderPlaced.TYPE, this::placed).build();
    }

    @Transactional
    public void apply(IncomingEvent event) {
        routes.apply(event);
    }

    private void placed(OrderPlaced order, IncomingEvent event) {
        Instant now = Timestamps.now();
        OrderFacts.Recorded recorded = facts.record(order, now);
        if (order.imported() || !"PENDING".equals(order.status()) || detections.findByIdOptional(order.orderId())
                .isPresent()) {
            if (!recorded.seenBefore()) {
                signals.fire(new CustomerSignal(order.customerId(), OrderPlaced.TYPE.name(), event.eventId()));
            }
            return;
        }
        FraudScoring.Verdicts verdicts = scoring.assess(recorded.features());
        FraudDetection.Assessment active = verdicts.active();
        detections.persist(FraudDetection.of(order.orderId(), order.customerId(), order.placedAt(), order.total(),
                order.currency(), active, verdicts.shadow(), now));
        outbox.publish(new FraudAssessed(order.orderId(), order.customerId(), active.score(), active.decision(),
                active.reasons(), null, now, active.modelVersion()));
        meters.counter("eventcommerce.fraud.decisions", "decision", active.decision(), "reviewed", "false")
                .increment();
        signals.fire(new CustomerSignal(order.customerId(), OrderPlaced.TYPE.name(), event.eventId()));
    }
}
