package io.eventcommerce.orders.order.domain;

import io.eventcommerce.orders.catalog.domain.CatalogProduct;
import io.eventcommerce.servicekit.problem.Problem.FieldError;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Prices requested lines from the product replica: the price of every line is the catalog's current price as
 * orders-service knows it, never a price a client sent.
 */
public final class OrderPricing {

    private OrderPricing() {
    }

    public record RequestedLine(UUID productId, int quantity) {
    }

    /** The outcome: priced lines with their totals, or the field errors that prevent pricing. */
    public record Result(List<OrderLine> lines, String currency, BigDecimal subtotal, List<FieldError> errors) {

        public boolean valid() {
            return errors.isEmpty();
        }
    }

    public static Result price(List<RequestedLine> requested, Map<UUID, CatalogProduct> replica) {
        List<FieldError> errors = new ArrayList<>();
        List<OrderLine> lines = new ArrayList<>();
        Set<UUID> seen = new HashSet<>();
        String currency = null;
        BigDecimal subtotal = BigDecimal.ZERO.setScale(2);
        for (int i = 0; i < requested.size(); i++) {
            RequestedLine line = requested.get(i);
            String field = "lines[" + i + "].productId";
            if (!seen.add(line.productId())) {
                errors.add(new FieldError(field, "appears twice; combine the quantities in one line"));
                continue;
            }
            CatalogProduct product = replica.get(line.productId());
            if (product == null) {
                errors.add(new FieldError(field, "unknown product"));
                continue;
            }
            if (!product.orderable()) {
                errors.add(new FieldError(field, "not available (" + product.status() + ")"));
                continue;
            }
            if (currency == null) {
                currency = product.currency();
            } else if (!currency.equals(product.currency())) {
                errors.add(new FieldError(field, "priced in " + product.currency() + ", the order in " + currency));
                continue;
            }
            OrderLine priced = new OrderLine(i + 1, product.productId(), product.sku(), product.name(),
                    line.quantity(), product.price(), product.version());
            lines.add(priced);
            subtotal = subtotal.add(priced.lineTotal());
        }
        return new Result(List.copyOf(lines), currency, subtotal, List.copyOf(errors));
    }
}
