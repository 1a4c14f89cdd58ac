package io.eventcommerce.copilot.guard;

import java.util.Map;
import java.util.Set;

/**
 * The replica contract (briefs: copilot-replica) as the guard's allow-list: the tables and columns questions may
 * read. The lead may derive the same map from the live schema instead; this one is what the parser's SQL is
 * written against and what the tests hold it to.
 */
public final class ReplicaTables {

    public static final Map<String, Set<String>> CONTRACT = Map.of(
            "dim_date", Set.of("day", "year", "quarter", "month", "iso_year", "iso_week", "weekday", "week_start",
                    "month_start", "quarter_start"),
            "dim_category", Set.of("category_id", "name", "parent_id", "root_id", "root_name", "path", "depth",
                    "version"),
            "dim_product", Set.of("product_id", "sku", "name", "brand", "category_id", "price", "cost", "currency",
                    "status", "rating_average", "review_count", "version"),
            "dim_customer", Set.of("customer_id", "country", "region", "segment", "registered_at",
                    "first_order_day", "version", "updated_at"),
            "fact_order", Set.of("order_id", "customer_id", "placed_at", "day", "status", "channel", "currency",
                    "country", "region", "segment", "promotion_code", "subtotal", "discount", "total", "paid_at",
                    "undone_at", "refunded", "new_customer"),
            "fact_order_line", Set.of("order_id", "line_no", "product_id", "category_id", "brand", "customer_id",
                    "day", "status", "channel", "currency", "country", "region", "segment", "quantity",
                    "unit_price", "gross", "discount", "net", "cost", "returned_quantity", "refunded", "paid_at",
                    "undone_at"));

    private ReplicaTables() {
    }
}
