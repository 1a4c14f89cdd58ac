package io.eventcommerce.catalog.onboarding.domain;

import io.eventcommerce.catalog.product.domain.ProductDetails;
import io.eventcommerce.catalog.product.domain.ProductStatus;

import java.math.BigDecimal;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * A valid row: the product it describes and the stock to set. Optional values are null when their cell is empty or
 * their column is not in the file; {@code columns} says which.
 */
public record ProductRow(String sku, String vendorProductId, String name, UUID categoryId, BigDecimal price,
                         int stockQuantity, String brand, String description, BigDecimal cost, String currency,
                         Set<CsvColumn> columns) {

    /**
     * A new product is ACTIVE: the row passed every rule a product must meet, and a vendor has no other way to put it
     * on sale. No currency: the platform's default.
     */
    public ProductDetails forNewProduct(String defaultCurrency) {
        return new ProductDetails(vendorProductId, name, description, brand, categoryId, price, cost,
                currency == null ? defaultCurrency : currency, ProductStatus.ACTIVE, Map.of());
    }

    /**
     * An existing product takes the row's values for the columns the file has (an empty cell clears brand,
     * description or cost) and keeps its own for the others, its currency when the cell is empty, and its status and
     * attributes always: a re-upload never re-activates a product the catalog took off sale.
     */
    public ProductDetails forUpdateOf(ProductDetails current) {
        return new ProductDetails(vendorProductId, name,
                columns.contains(CsvColumn.DESCRIPTION) ? description : current.description(),
                columns.contains(CsvColumn.BRAND) ? brand : current.brand(),
                categoryId, price,
                columns.contains(CsvColumn.COST) ? cost : current.cost(),
                currency == null ? current.currency() : currency,
                current.status(), current.attributes());
    }
}
