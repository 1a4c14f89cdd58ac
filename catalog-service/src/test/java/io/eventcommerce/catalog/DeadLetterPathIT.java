package io.eventcommerce.catalog;

import io.eventcommerce.testkit.DeadLetterPath;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The dead-letter path of every channel ({@link DeadLetterPath}): a record that is not JSON and an event whose data
 * breaks its contract each land in the channel's dead-letter topic with its reason, and the channel goes on.
 * Both channels read orders.order, each in its own group: the record that is not JSON lands in both dead-letter
 * topics, the refused event only in the one of the channel that applies its type.
 */
@QuarkusTest
class DeadLetterPathIT {

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "orders-order,      orders.order, catalog-service,         OrderPlaced",
            "orders-deliveries, orders.order, catalog-service-reviews, OrderDelivered",
            "privacy-requests,  compliance.privacy-request, catalog-service, DataSubjectErasureRequested"})
    void aPoisonRecordLandsInTheChannelsDeadLetterTopicWithItsReasonAndTheChannelGoesOn(
            String channel, String topic, String group, String type) {
        DeadLetterPath.assertPoisonRecordsDeadLettered(channel, topic, group, type);
    }
}
