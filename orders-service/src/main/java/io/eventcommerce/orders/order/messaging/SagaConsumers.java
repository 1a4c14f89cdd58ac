package io.eventcommerce.orders.order.messaging;

import io.eventcommerce.orders.order.service.SagaHandler;
import io.eventcommerce.servicekit.messaging.EventChannels;
import io.eventcommerce.servicekit.messaging.EventHandling;
import io.eventcommerce.servicekit.messaging.IncomingEvent;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import java.util.Map;
import java.util.function.Consumer;

/**
 * The saga's inputs (channels in application.properties): catalog-service's stock answers, compliance-service's
 * fraud answers, and this service's own OrderConfirmed, which triggers the payment.
 */
@ApplicationScoped
public class SagaConsumers implements EventChannels {

    private final EventHandling handling;
    private final SagaHandler saga;

    public SagaConsumers(EventHandling handling, SagaHandler saga) {
        this.handling = handling;
        this.saga = saga;
    }

    @Override
    public Map<String, Consumer<IncomingEvent>> handlers() {
        return Map.of("catalog-reservation", saga::onReply, "compliance-fraud", saga::onReply,
                "order-payments", saga::onConfirmed);
    }

    @Incoming("catalog-reservation")
    @Blocking
    public void onStockAnswer(ConsumerRecord<String, String> record) {
        handling.handle("catalog-reservation", record, saga::onReply);
    }

    @Incoming("compliance-fraud")
    @Blocking
    public void onFraudAnswer(ConsumerRecord<String, String> record) {
        handling.handle("compliance-fraud", record, saga::onReply);
    }

    @Incoming("order-payments")
    @Blocking
    public void onOrderEvent(ConsumerRecord<String, String> record) {
        handling.handle("order-payments", record, saga::onConfirmed);
    }
}
