package io.eventcommerce.analytics.geo;

import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The market regions countries are reported under (Global Market Pulse, trends, competitor analysis): North America,
 * Latin America, Europe, Middle East and Africa, Asia-Pacific; every service reports under the same ones. A country
 * not listed (or unknown) is {@link #OTHER}: a figure is never dropped for want of a region.
 */
public final class Regions {

    public static final String NORTH_AMERICA = "NA";
    public static final String LATIN_AMERICA = "LATAM";
    public static final String EUROPE = "EU";
    public static final String MIDDLE_EAST_AFRICA = "MEA";
    public static final String ASIA_PACIFIC = "APAC";
    public static final String OTHER = "OTHER";
    public static final Set<String> ALL = Set.of(NORTH_AMERICA, LATIN_AMERICA, EUROPE, MIDDLE_EAST_AFRICA,
            ASIA_PACIFIC, OTHER);

    private static final Map<String, String> BY_COUNTRY = Map.ofEntries(
            Map.entry("US", NORTH_AMERICA), Map.entry("CA", NORTH_AMERICA),
            Map.entry("MX", LATIN_AMERICA), Map.entry("BR", LATIN_AMERICA), Map.entry("AR", LATIN_AMERICA),
            Map.entry("CL", LATIN_AMERICA), Map.entry("CO", LATIN_AMERICA), Map.entry("PE", LATIN_AMERICA),
            Map.entry("GB", EUROPE), Map.entry("IE", EUROPE), Map.entry("DE", EUROPE), Map.entry("FR", EUROPE),
            Map.entry("NL", EUROPE), Map.entry("BE", EUROPE), Map.entry("LU", EUROPE), Map.entry("AT", EUROPE),
            Map.entry("CH", EUROPE), Map.entry("IT", EUROPE), Map.entry("ES", EUROPE), Map.entry("PT", EUROPE),
            Map.entry("SE", EUROPE), Map.entry("NO", EUROPE), Map.entry("DK", EUROPE), Map.entry("FI", EUROPE),
            Map.entry("PL", EUROPE), Map.entry("CZ", EUROPE), Map.entry("HU", EUROPE), Map.entry("RO", EUROPE),
            Map.entry("GR", EUROPE), Map.entry("SK", EUROPE), Map.entry("SI", EUROPE), Map.entry("HR", EUROPE),
            Map.entry("BG", EUROPE), Map.entry("EE", EUROPE), Map.entry("LV", EUROPE), Map.entry("LT", EUROPE),
            Map.entry("AE", MIDDLE_EAST_AFRICA), Map.entry("SA", MIDDLE_EAST_AFRICA), Map.entry("IL", MIDDLE_EAST_AFRICA),
            Map.entry("TR", MIDDLE_EAST_AFRICA), Map.entry("EG", MIDDLE_EAST_AFRICA), Map.entry("ZA", MIDDLE_EAST_AFRICA),
            Map.entry("NG", MIDDLE_EAST_AFRICA), Map.entry("KE", MIDDLE_EAST_AFRICA), Map.entry("MA", MIDDLE_EAST_AFRICA),
            Map.entry("JP", ASIA_PACIFIC), Map.entry("CN", ASIA_PACIFIC), Map.entry("KR", ASIA_PACIFIC),
            Map.entry("IN", ASIA_PACIFIC), Map.entry("SG", ASIA_PACIFIC), Map.entry("AU", ASIA_PACIFIC),
            Map.entry("NZ", ASIA_PACIFIC), Map.entry("HK", ASIA_PACIFIC), Map.entry("TW", ASIA_PACIFIC),
            Map.entry("ID", ASIA_PACIFIC), Map.entry("TH", ASIA_PACIFIC), Map.entry("MY", ASIA_PACIFIC),
            Map.entry("PH", ASIA_PACIFIC), Map.entry("VN", ASIA_PACIFIC));

    private Regions() {
    }

    /** The region of an ISO 3166 alpha-2 country code (any case); {@link #OTHER} for one not listed. */
    public static String of(String country) {
        return country == null ? OTHER : BY_COUNTRY.getOrDefault(country.toUpperCase(Locale.ROOT), OTHER);
    }

    /** Every listed country of a region (none for {@link #OTHER}). */
    public static Set<String> countries(String region) {
        return Set.copyOf(BY_COUNTRY.entrySet().stream().filter(e -> e.getValue().equals(region))
                .map(Map.Entry::getKey).toList());
    }
}
