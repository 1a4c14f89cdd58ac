package io.eventcommerce.orders.order.domain;

import java.time.Duration;

/**
 * Which answers an order waits for before it is charged, and for how long.
 *
 * @param awaitStock    wait for catalog-service's StockReserved / StockRejected
 * @param awaitFraud    wait for compliance-service's FraudAssessed; off for a deployment without a fraud service
 * @param replyTimeout  a PENDING order without all answers after this long is cancelled
 * @param reviewTimeout an order ON_HOLD for review that long without a decision is cancelled
 */
public record SagaPolicy(boolean awaitStock, boolean awaitFraud, Duration replyTimeout, Duration reviewTimeout) {
}
