package io.eventcommerce.events.orders;

import java.math.BigDecimal;

/**
 * One currency's figures of a {@link DailyOrderTotals} day. Orders count by the UTC day they were placed; money is
 * the order's subtotal (gross), discount and total (net), as in OrderPlaced.
 *
 * @param placedOrders   orders placed that day, whatever became of them
 * @param paidOrders     of them, those ever paid (OrderPaid), even if returned or cancelled later
 * @param paidUnits      units of the paid orders
 * @param salesOrders    of them, those paid and not returned or cancelled since: the counted sales
 * @param salesUnits     units of the counted sales
 * @param refunds        payments refunded that day (by the refund's time, whichever day their order was placed)
 * @param refundedAmount the amount of those refunds
 */
public record CurrencyTotals(String currency, long placedOrders,
                             long paidOrders, long paidUnits, BigDecimal paidGross, BigDecimal paidDiscount,
                             BigDecimal paidNet,
                             long salesOrders, long salesUnits, BigDecimal salesGross, BigDecimal salesDiscount,
                             BigDecimal salesNet,
                             long refunds, BigDecimal refundedAmount) {
}
