package io.eventcommerce.insights.competition;

import io.eventcommerce.analytics.geo.Regions;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The rules every observation passes, whether it came as JSON or as a CSV row, so both refuse the same things:
 * required values, ISO country and currency codes, a positive price of at most 2 decimals, an ISO instant not in
 * the future, and (CSV) no cell a spreadsheet would run as a formula. Pure: the sku is resolved elsewhere.
 */
public final class ObservationRules {

    static final int MAX_COMPETITOR = 100;
    static final int MAX_SKU = 64;
    private static final Pattern COUNTRY = Pattern.compile("[A-Z]{2}");
    private static final Pattern CURRENCY = Pattern.compile("[A-Z]{3}");
    private static final BigDecimal MAX_PRICE = new BigDecimal("99999999999999999.99");

    /** A refused value: the column or field, and why. */
    public record Issue(String column, String reason) {
    }

    /** The observation if every value is good, else the issues (at least one). */
    public record Checked(Observation observation, List<Issue> issues) {
        public boolean ok() {
            return issues.isEmpty();
        }
    }

    private ObservationRules() {
    }

    /** Whether a spreadsheet would take the cell for a formula (OWASP "CSV Injection"), as vendor onboarding. */
    static boolean formula(String cell) {
        if (cell == null || cell.isEmpty()) {
            return false;
        }
        char c = cell.charAt(0);
        return c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r';
    }

    /** Whether {@code code} is an ISO 4217 currency the JDK knows. */
    static boolean knownCurrency(String code) {
        if (code == null || !CURRENCY.matcher(code).matches()) {
            return false;
        }
        try {
            Currency.getInstance(code);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /**
     * Checks the raw values of a CSV row (trimmed by the parser). {@code region} may be empty: it is then the
     * region of the country ({@link Regions}); a given one must be a known region. Codes are read upper-case.
     */
    public static Checked check(String competitor, String country, String region, String sku, String price,
                                String currency, String observedAt, Instant now) {
        List<Issue> issues = new ArrayList<>();
        String[][] cells = {{"competitor", competitor}, {"country", country}, {"region", region}, {"sku", sku},
                {"price", price}, {"currency", currency}, {"observed_at", observedAt}};
        for (String[] cell : cells) {
            if (formula(cell[1])) {
                issues.add(new Issue(cell[0], "starts with " + cell[1].charAt(0) + ", which a spreadsheet would run "
                        + "as a formula"));
            }
        }
        if (!issues.isEmpty()) {
            return new Checked(null, issues);
        }
        String name = required(issues, "competitor", competitor);
        if (name != null && name.length() > MAX_COMPETITOR) {
            issues.add(new Issue("competitor", "longer than " + MAX_COMPETITOR + " characters"));
        }
        String countryCode = upper(required(issues, "country", country));
        if (countryCode != null && !COUNTRY.matcher(countryCode).matches()) {
            issues.add(new Issue("country", "not an ISO 3166 alpha-2 country code"));
        }
        String regionCode = upper(region == null ? "" : region.trim());
        if (regionCode.isEmpty() && countryCode != null) {
            regionCode = Regions.of(countryCode);
        } else if (!regionCode.isEmpty() && !Regions.ALL.contains(regionCode)) {
            issues.add(new Issue("region", "not one of " + String.join(", ", new java.util.TreeSet<>(Regions.ALL))));
        }
        String skuValue = required(issues, "sku", sku);
        if (skuValue != null && skuValue.length() > MAX_SKU) {
            issues.add(new Issue("sku", "longer than " + MAX_SKU + " characters"));
        }
        BigDecimal amount = price(issues, required(issues, "price", price));
        String currencyCode = upper(required(issues, "currency", currency));
        if (currencyCode != null && !knownCurrency(currencyCode)) {
            issues.add(new Issue("currency", "not an ISO 4217 currency code"));
        }
        Instant at = instant(issues, required(issues, "observed_at", observedAt), now);
        if (!issues.isEmpty()) {
            return new Checked(null, issues);
        }
        return new Checked(new Observation(name, countryCode, regionCode, skuValue, amount, currencyCode, at),
                List.of());
    }

    private static String required(List<Issue> issues, String column, String value) {
        if (value == null || value.isBlank()) {
            issues.add(new Issue(column, "is required"));
            return null;
        }
        return value.trim();
    }

    private static String upper(String value) {
        return value == null ? null : value.toUpperCase(Locale.ROOT);
    }

    private static BigDecimal price(List<Issue> issues, String value) {
        if (value == null) {
            return null;
        }
        BigDecimal amount;
        try {
            amount = new BigDecimal(value);
        } catch (NumberFormatException e) {
            issues.add(new Issue("price", "not a decimal number"));
            return null;
        }
        if (amount.signum() <= 0) {
            issues.add(new Issue("price", "must be positive"));
        } else if (amount.stripTrailingZeros().scale() > 2) {
            issues.add(new Issue("price", "has more than 2 decimals"));
        } else if (amount.compareTo(MAX_PRICE) > 0) {
            issues.add(new Issue("price", "too large"));
        }
        return amount.setScale(Math.max(2, amount.stripTrailingZeros().scale()), java.math.RoundingMode.UNNECESSARY);
    }

    private static Instant instant(List<Issue> issues, String value, Instant now) {
        if (value == null) {
            return null;
        }
        Instant at;
        try {
            at = Instant.parse(value);
        } catch (DateTimeParseException e) {
            issues.add(new Issue("observed_at", "not an ISO-8601 instant such as 2024-11-21T02:51:00Z"));
            return null;
        }
        if (at.isAfter(now)) {
            issues.add(new Issue("observed_at", "is in the future"));
        }
        return at;
    }
}
