package io.eventcommerce.copilot.ask;

import java.util.Locale;

/** What a question breaks figures down by (also what a filter names: a category, a country, …). */
public enum Dimension {
    PRODUCT, CATEGORY, BRAND, COUNTRY, REGION, CHANNEL, SEGMENT, STATUS, CUSTOMER,
    DAY, WEEK, MONTH, QUARTER, YEAR;

    public boolean isTime() {
        return ordinal() >= DAY.ordinal();
    }

    /** The result column. */
    public String column() {
        return name().toLowerCase(Locale.ROOT);
    }
}
