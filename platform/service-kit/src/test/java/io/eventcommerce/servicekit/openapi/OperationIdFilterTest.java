package io.eventcommerce.servicekit.openapi;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class OperationIdFilterTest {

    @Test
    void namesAnOperationAfterItsResourceAndMethod() {
        assertThat(OperationIdFilter.readable("ProductResource_list")).isEqualTo("productList");
        assertThat(OperationIdFilter.readable("PurchaseOrderResource_cancel")).isEqualTo("purchaseOrderCancel");
        assertThat(OperationIdFilter.readable("DeadLetterResource_replayAll")).isEqualTo("deadLetterReplayAll");
    }

    @Test
    void aClassNotCalledResourceKeepsItsWholeName() {
        assertThat(OperationIdFilter.readable("Orders_get")).isEqualTo("ordersGet");
    }

    @Test
    void keepsAnIdGivenExplicitly() {
        assertThat(OperationIdFilter.readable("placeOrder")).isEqualTo("placeOrder");
        assertThat(OperationIdFilter.readable("place_order")).isEqualTo("place_order");
    }
}
