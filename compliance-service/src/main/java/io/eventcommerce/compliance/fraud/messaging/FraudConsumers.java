package io.eventcommerce.compliance.fraud.messaging;

import io.eventcommerce.compliance.fraud.service.OrderScreening;
import io.eventcommerce.compliance.fraud.service.PaymentOutcomes;
import io.eventcommerce.compliance.fraud.service.ProductCategories;
import io.eventcommerce.servicekit.messaging.EventChannels;
import io.eventcommerce.servicekit.messaging.EventHandling;
import io.eventcommerce.servicekit.messaging.IncomingEvent;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import java.util.Map;
import java.util.function.Consumer;

/**
 * What fraud scoring reads (see application.properties): orders.order (channel {@code orders-order}: OrderPlaced is
 * recorded and, live, scored), orders.payment ({@code orders-payment}: streaks of declines, paid orders, chargeback
 * labels) and catalog.product ({@code catalog-product}: each product's category).
 */
@ApplicationScoped
public class FraudConsumers implements EventChannels {

    private final EventHandling handling;
    private final OrderScreening assessor;
    private final PaymentOutcomes payments;
    private final ProductCategories products;

    public FraudConsumers(EventHandling handling, OrderScreening assessor, PaymentOutcomes payments,
                          ProductCategories products) {
        this.handling = handling;
        this.assessor = assessor;
        this.payments = payments;
        this.products = products;
    }

    @Override
    public Map<String, Consumer<IncomingEvent>> handlers() {
        return Map.of("orders-order", assessor::apply, "orders-payment", payments::apply,
                "catalog-product", products::apply);
    }

    @Incoming("orders-order")
    @Blocking
    public void onOrderEvent(ConsumerRecord<String, String> record) {
        handling.handle("orders-order", record, assessor::apply);
    }

    @Incoming("orders-payment")
    @Blocking
    public void onPaymentEvent(ConsumerRecord<String, String> record) {
        handling.handle("orders-payment", record, payments::apply);
    }

    @Incoming("catalog-product")
    @Blocking
    public void onProductEvent(ConsumerRecord<String, String> record) {
        handling.handle("catalog-product", record, products::apply);
    }
}
