package io.eventcommerce.compliance.fraud.model;

import java.util.Arrays;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The fraud model's inputs. Every one is something a compliance officer can check on the order and its customer, so
 * that each doubles as a reason code: an assessment says which of these pushed the score up.
 *
 * <p>{@link #code()} is the stable name: it is the reason code in {@code FraudAssessed.reasons} and the key under
 * which a stored scorecard keeps the feature's weight, so it never changes once released, even if the constant is
 * renamed. The service computes the raw values per order from its own event-fed tables ("before this one" means
 * orders placed strictly earlier by the same customer); {@link FeatureFunctions} holds the computations that need no
 * I/O.
 */
public enum Feature {

    ORDERS_1H("ORDERS_1H", Transform.LOG1P, "Customer's orders in the hour before this one"),
    ORDERS_24H("ORDERS_24H", Transform.LOG1P, "Customer's orders in the 24 hours before this one"),
    ORDERS_7D("ORDERS_7D", Transform.LOG1P, "Customer's orders in the 7 days before this one"),
    AMOUNT_24H("AMOUNT_24H", Transform.LOG1P, "Total of the customer's orders in the 24 hours before this one"),
    AMOUNT_7D("AMOUNT_7D", Transform.LOG1P, "Total of the customer's orders in the 7 days before this one"),
    AMOUNT_ZSCORE("AMOUNT_ZSCORE", Transform.CAPPED_ZSCORE,
            "Order total against the customer's previous totals (robust z-score; 0 with fewer than 3 previous orders)"),
    ACCOUNT_AGE_DAYS("ACCOUNT_AGE_DAYS", Transform.LOG1P, "Age of the customer's account in days"),
    FIRST_ORDER("FIRST_ORDER", Transform.INDICATOR, "The customer's first order"),
    BILLING_SHIPPING_COUNTRY_MISMATCH("BILLING_SHIPPING_COUNTRY_MISMATCH", Transform.INDICATOR,
            "Billing and shipping addresses in different countries"),
    IP_COUNTRY_MISMATCH("IP_COUNTRY_MISMATCH", Transform.INDICATOR,
            "IP address located in another country than the shipping address (unknown counts as no mismatch)"),
    CARD_COUNTRY_MISMATCH("CARD_COUNTRY_MISMATCH", Transform.INDICATOR,
            "Card issued in another country than the billing address"),
    DECLINES_IN_A_ROW("DECLINES_IN_A_ROW", Transform.LOG1P, "Customer's payment declines in a row before this order"),
    CARDS_PER_CUSTOMER_7D("CARDS_PER_CUSTOMER_7D", Transform.LOG1P, "Distinct cards the customer used in 7 days"),
    CUSTOMERS_PER_CARD("CUSTOMERS_PER_CARD", Transform.LOG1P, "Distinct customers who used this order's card"),
    CUSTOMERS_PER_SHIPPING_ADDRESS("CUSTOMERS_PER_SHIPPING_ADDRESS", Transform.LOG1P,
            "Distinct customers shipping to this order's address"),
    HIGH_RISK_CATEGORY_SHARE("HIGH_RISK_CATEGORY_SHARE", Transform.SHARE,
            "Share of the order's amount in high-risk categories"),
    MAX_LINE_QUANTITY("MAX_LINE_QUANTITY", Transform.LOG1P, "Largest quantity on one order line"),
    ORDER_TOTAL("ORDER_TOTAL", Transform.LOG1P, "Order total"),
    NIGHT_TIME("NIGHT_TIME", Transform.INDICATOR,
            "Placed between 00:00 and 05:59 UTC (UTC, not the shipping country's local time, which the service "
                    + "does not know reliably)");

    private static final Map<String, Feature> BY_CODE =
            Arrays.stream(values()).collect(Collectors.toUnmodifiableMap(Feature::code, Function.identity()));

    private final String code;
    private final Transform transform;
    private final String description;

    Feature(String code, Transform transform, String description) {
        this.code = code;
        this.transform = transform;
        this.description = description;
    }

    /** The stable reason code and storage key. */
    public String code() {
        return code;
    }

    public Transform transform() {
        return transform;
    }

    /** For an officer's screen, next to the reason code. */
    public String description() {
        return description;
    }

    /** The transformed raw value ({@link Transform#apply}). */
    public double transformed(double raw) {
        return transform.apply(raw);
    }

    /**
     * @throws IllegalArgumentException for an unknown code (a stored scorecard from a newer release, or a typo)
     */
    public static Feature fromCode(String code) {
        Feature feature = BY_CODE.get(code);
        if (feature == null) {
            throw new IllegalArgumentException("unknown feature code " + code);
        }
        return feature;
    }
}
