package io.eventcommerce.events.orders;

import java.math.BigDecimal;
import java.util.UUID;

/**
 * One priced line of an order.
 *
 * @param unitPrice      the price orders-service took from its product replica when the order was placed
 * @param productVersion the version of the product snapshot that price came from
 */
public record OrderLine(int lineNo, UUID productId, String sku, String name, int quantity, BigDecimal unitPrice,
                        BigDecimal lineTotal, long productVersion) {
}
