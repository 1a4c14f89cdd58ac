package io.eventcommerce.copilot.ask;

/**
 * What a question asks to measure, and how the replica measures it. Sales figures count a "counted sale" (paid,
 * not cancelled or returned: insights' definition) unless the question is about order statuses, where every order
 * of the status counts; refunds and the return rate look at every paid line, since a refund undoes a sale.
 */
public enum Metric {
    REVENUE("revenue", true, false),
    ORDERS("orders", false, false),
    UNITS("units sold", false, false),
    AVERAGE_ORDER_VALUE("average order value", true, false),
    CUSTOMERS("customers", false, false),
    NEW_CUSTOMERS("new customers", false, false),
    REFUNDS("refunds", true, false),
    RETURN_RATE("return rate", false, true),
    DISCOUNT("discounts", true, false),
    MARGIN("margin", true, false),
    RATING("average rating", false, false);

    private final String label;
    private final boolean money;
    private final boolean percent;

    Metric(String label, boolean money, boolean percent) {
        this.label = label;
        this.money = money;
        this.percent = percent;
    }

    public String label() {
        return label;
    }

    /** In the order's currency: the SQL groups by currency so amounts in different currencies never add up. */
    public boolean money() {
        return money;
    }

    public boolean percent() {
        return percent;
    }

    /** The result column. */
    public String column() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    /** Whether a share of the total means something (the metric adds up over groups). */
    public boolean additive() {
        return this != AVERAGE_ORDER_VALUE && this != RETURN_RATE && this != RATING;
    }
}
