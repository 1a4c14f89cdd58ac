package io.eventcommerce.insights;

import io.eventcommerce.testkit.DeadLetterPath;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The dead-letter path of every channel ({@link DeadLetterPath}): a record that is not JSON and an event whose data
 * breaks its contract each land in the channel's dead-letter topic with its reason, and the channel goes on.
 */
@QuarkusTest
class DeadLetterPathIT {

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "orders-order,      orders.order,      insights-service, OrderPlaced",
            "orders-payment,    orders.payment,    insights-service, PaymentRefunded",
            "orders-customer,   orders.customer,   insights-service, CustomerRegistered",
            "catalog-product,   catalog.product,   insights-service, ProductCreated",
            "catalog-inventory, catalog.inventory, insights-service, StockLevelChanged",
            "privacy-requests,  compliance.privacy-request, insights-service, DataSubjectAccessRequested",
            "catalog-purchase-order, catalog.purchase-order, insights-service, PurchaseOrderChanged",
            "orders-totals,     orders.totals,     insights-service, DailyOrderTotals"})
    void aPoisonRecordLandsInTheChannelsDeadLetterTopicWithItsReasonAndTheChannelGoesOn(
            String channel, String topic, String group, String type) {
        DeadLetterPath.assertPoisonRecordsDeadLettered(channel, topic, group, type);
    }
}
