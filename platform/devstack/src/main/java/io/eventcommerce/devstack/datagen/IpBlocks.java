package io.eventcommerce.devstack.datagen;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The synthetic client IPv4 blocks of the generated history, one /16 per country inside 100.64.0.0/10 (RFC 6598
 * shared address space, never routed on the internet, so no generated order carries anybody's real address).
 * compliance-service geolocates a client IP with the same table (docs/data-generator.md, "Client IPs"); it cannot
 * depend on devstack, so the table is kept small and documented there, and this class is its reference.
 */
public final class IpBlocks {

    /** Country (ISO 3166-1 alpha-2) → its /16: 100.(64 + position).0.0/16, in this order. */
    private static final String[] COUNTRIES = {"US", "GB", "DE", "FR", "CA", "AU", "NL", "ES", "IT", "JP", "BR",
        "IN", "SE", "PL", "MX", "IE", "AT", "CH", "DK", "NZ"};
    private static final int FIRST_OCTET = 100;
    private static final int SECOND_OCTET_BASE = 64;
    private static final Map<String, Integer> SECOND_OCTET = new LinkedHashMap<>();

    static {
        for (int i = 0; i < COUNTRIES.length; i++) {
            SECOND_OCTET.put(COUNTRIES[i], SECOND_OCTET_BASE + i);
        }
    }

    private IpBlocks() {
    }

    /** Country → CIDR block, in the table's order. */
    public static Map<String, String> table() {
        Map<String, String> table = new LinkedHashMap<>();
        SECOND_OCTET.forEach((country, octet) -> table.put(country, FIRST_OCTET + "." + octet + ".0.0/16"));
        return table;
    }

    /**
     * The {@code n}-th address of the country's block (any long; taken modulo the block's 254 × 256 host addresses,
     * the last octet kept within 1–254).
     */
    public static String address(String country, long n) {
        Integer second = SECOND_OCTET.get(country);
        if (second == null) {
            throw new IllegalArgumentException("no IP block for country " + country);
        }
        long host = Math.floorMod(n, 256L * 254);
        return FIRST_OCTET + "." + second + "." + host / 254 + "." + (1 + host % 254);
    }

    /** The country whose block holds the address, if any. */
    public static Optional<String> country(String ipv4) {
        String[] octets = ipv4.split("\\.");
        if (octets.length != 4 || !octets[0].equals(String.valueOf(FIRST_OCTET))) {
            return Optional.empty();
        }
        int second;
        try {
            second = Integer.parseInt(octets[1]);
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
        int index = second - SECOND_OCTET_BASE;
        return index >= 0 && index < COUNTRIES.length ? Optional.of(COUNTRIES[index]) : Optional.empty();
    }
}
