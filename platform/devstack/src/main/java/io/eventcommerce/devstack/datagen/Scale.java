package io.eventcommerce.devstack.datagen;

/**
 * How much data the generator makes. SEED is the volume of the seed documents (000: customers, categories, products,
 * orders with ~2.5 items, a payment per order, ~70 % shipped, ~25,000 reviews, 100 promotions; 002: 3 warehouses
 * stocking 70–90 % of the products each). SMALL is the same shape, small enough for every local start.
 */
public enum Scale {
    SMALL(3, 7, 200, 300, 2_000, 2, 10),
    SEED(10, 40, 5_000, 10_000, 50_000, 3, 100);

    final int rootCategories;
    final int subCategories;
    final int products;
    final int customers;
    final int orders;
    final int warehouses;
    final int promotions;

    Scale(int rootCategories, int subCategories, int products, int customers, int orders, int warehouses,
          int promotions) {
        this.rootCategories = rootCategories;
        this.subCategories = subCategories;
        this.products = products;
        this.customers = customers;
        this.orders = orders;
        this.warehouses = warehouses;
        this.promotions = promotions;
    }
}
