package io.eventcommerce.catalog.product.domain;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

/**
 * A product query: free text plus filters, and the SQL that answers it. Pure (no database), so the translation of
 * what a user typed into a full-text expression is unit-tested.
 *
 * @param text        words to find in name, brand and description (each word required, matched as a prefix), or
 *                    an SKU prefix; null for none
 * @param categoryIds the category and its descendants; empty for any
 */
public record ProductSearch(String text, Set<UUID> categoryIds, ProductStatus status, UUID vendorId, String brand,
                            BigDecimal minPrice, BigDecimal maxPrice, Order order) {

    public enum Order {
        /** Best match first; without text, by SKU. */
        RELEVANCE,
        SKU,
        NAME,
        PRICE_ASC,
        PRICE_DESC,
        NEWEST
    }

    /** The WHERE clause (with {@code ?} placeholders), the ORDER BY, and the values in placeholder order. */
    public record Sql(String where, List<Object> whereValues, String orderBy, List<Object> orderValues) {
    }

    /**
     * What InnoDB's boolean mode should look for: each word stripped of the mode's operators, required ({@code +})
     * and matched as a prefix ({@code *}). Null if no word is left.
     */
    public static String booleanExpression(String text) {
        if (text == null) {
            return null;
        }
        List<String> terms = new ArrayList<>();
        for (String word : text.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}_]+")) {
            if (!word.isEmpty()) {
                terms.add("+" + word + "*");
            }
        }
        return terms.isEmpty() ? null : String.join(" ", terms);
    }

    public Sql sql() {
        List<String> conditions = new ArrayList<>();
        List<Object> values = new ArrayList<>();
        String expression = booleanExpression(text);
        if (expression != null) {
            conditions.add("(MATCH (p.name, p.brand, p.description) AGAINST (? IN BOOLEAN MODE) OR p.sku LIKE ?)");
            values.add(expression);
            values.add(likePrefix(text.trim()));
        } else if (text != null && !text.isBlank()) {
            conditions.add("p.sku LIKE ?");
            values.add(likePrefix(text.trim()));
        }
        if (!categoryIds.isEmpty()) {
            conditions.add("p.category_id IN (" + String.join(", ", categoryIds.stream().map(c -> "?").toList())
                    + ")");
            categoryIds.forEach(c -> values.add(c.toString()));
        }
        if (status != null) {
            conditions.add("p.status = ?");
            values.add(status.name());
        }
        if (vendorId != null) {
            conditions.add("p.vendor_id = ?");
            values.add(vendorId.toString());
        }
        if (brand != null) {
            conditions.add("p.brand = ?");
            values.add(brand);
        }
        if (minPrice != null) {
            conditions.add("p.price >= ?");
            values.add(minPrice);
        }
        if (maxPrice != null) {
            conditions.add("p.price <= ?");
            values.add(maxPrice);
        }
        String where = conditions.isEmpty() ? "" : "WHERE " + String.join(" AND ", conditions);
        List<Object> orderValues = new ArrayList<>();
        String orderBy = switch (order) {
            case RELEVANCE -> {
                if (expression == null) {
                    yield "p.sku";
                }
                orderValues.add(expression);
                yield "MATCH (p.name, p.brand, p.description) AGAINST (? IN BOOLEAN MODE) DESC, p.sku";
            }
            case SKU -> "p.sku";
            case NAME -> "p.name, p.sku";
            case PRICE_ASC -> "p.price, p.sku";
            case PRICE_DESC -> "p.price DESC, p.sku";
            case NEWEST -> "p.created_at DESC, p.sku";
        };
        return new Sql(where, List.copyOf(values), orderBy, List.copyOf(orderValues));
    }

    /** An SKU prefix for LIKE, with LIKE's wildcards escaped (backslash is the default escape in both flavours). */
    private static String likePrefix(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
    }
}
