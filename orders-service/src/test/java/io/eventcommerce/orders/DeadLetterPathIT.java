package io.eventcommerce.orders;

import io.eventcommerce.testkit.DeadLetterPath;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The dead-letter path of every channel ({@link DeadLetterPath}): a record that is not JSON and an event whose data
 * breaks its contract each land in the channel's dead-letter topic with its reason, and the channel goes on.
 * DeadLetterReplayIT takes one channel further, through the replay.
 */
@QuarkusTest
class DeadLetterPathIT {

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "catalog-product,     catalog.product,     orders-service,          ProductCreated",
            "catalog-promotion,   catalog.promotion,   orders-service,          PromotionUpdated",
            "catalog-reservation, catalog.reservation, orders-service,          StockReserved",
            "compliance-fraud,    compliance.fraud,    orders-service,          FraudAssessed",
            "order-payments,      orders.order,        orders-service-payments, OrderConfirmed",
            "privacy-requests,    compliance.privacy-request, orders-service, DataSubjectErasureRequested"})
    void aPoisonRecordLandsInTheChannelsDeadLetterTopicWithItsReasonAndTheChannelGoesOn(
            String channel, String topic, String group, String type) {
        DeadLetterPath.assertPoisonRecordsDeadLettered(channel, topic, group, type);
    }
}
