package io.eventcommerce.orders.order.messaging;

import io.eventcommerce.orders.order.service.SagaHandler;
import io.eventcommerce.servicekit.messaging.EventHandling;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * The saga's inputs (channels in application.properties): catalog-service's stock answers, compliance-service's
 * fraud answers, and this service's own OrderConfirmed, which triggers the payment.
 */
@ApplicationScoped
public class SagaConsumers {

    private final EventHandling handling;
    private final SagaHandler saga;

    public SagaConsumers(EventHandling handling, SagaHandler saga) {
        this.handling = handling;
        this.saga = saga;
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
