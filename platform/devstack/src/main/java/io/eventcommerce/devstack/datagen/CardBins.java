package io.eventcommerce.devstack.datagen;

import java.util.Map;
import java.util.Optional;

/**
 * Which test card numbers stand for a card issued in which country. The payment simulator derives a card's issuing
 * country from its BIN (the first six digits), so this one table decides it for every generated card: the
 * simulator's Visa test BIN of the country. The numbers pass the Luhn check that
 * SimulatedPaymentGateway.tokenize applies; none is one of the simulator's declining test cards.
 */
public final class CardBins {

    /**
     * Country (ISO 3166-1 alpha-2) → 6-digit BIN prefix: the Visa test BINs of the payment simulator's table
     * (orders-service SimulatedPaymentGateway.ISSUER_BY_BIN, docs/payments.md), which must hold every one of them.
     */
    static final Map<String, String> PREFIX_BY_COUNTRY = Map.ofEntries(
            Map.entry("US", "411111"), Map.entry("GB", "465901"), Map.entry("DE", "417500"),
            Map.entry("FR", "497010"), Map.entry("NL", "462263"), Map.entry("ES", "454881"),
            Map.entry("IT", "453997"), Map.entry("PL", "437744"), Map.entry("BR", "406655"),
            Map.entry("CA", "412400"), Map.entry("AU", "403600"), Map.entry("JP", "439200"),
            Map.entry("IN", "435600"), Map.entry("SE", "475200"), Map.entry("MX", "448400"),
            Map.entry("IE", "437200"), Map.entry("AT", "404000"), Map.entry("CH", "475600"),
            Map.entry("DK", "420800"), Map.entry("NZ", "455400"));

    private CardBins() {
    }

    /** A 16-digit number of the country's prefix: 9 digits from {@code serial}, then the Luhn check digit. */
    static String number(String country, long serial) {
        String prefix = PREFIX_BY_COUNTRY.get(country);
        if (prefix == null) {
            throw new IllegalArgumentException("no BIN prefix for country " + country);
        }
        String body = prefix + String.format("%09d", Math.floorMod(serial, 1_000_000_000L));
        return body + luhnCheckDigit(body);
    }

    /** The country whose prefix the number starts with, if any. */
    static Optional<String> country(String number) {
        return PREFIX_BY_COUNTRY.entrySet().stream().filter(e -> number.startsWith(e.getValue()))
                .map(Map.Entry::getKey).findFirst();
    }

    /** The digit that makes {@code body} + digit pass the Luhn check. */
    static int luhnCheckDigit(String body) {
        int sum = 0;
        for (int i = body.length() - 1, position = 0; i >= 0; i--, position++) {
            int digit = body.charAt(i) - '0';
            if (position % 2 == 0) {
                digit *= 2;
                if (digit > 9) {
                    digit -= 9;
                }
            }
            sum += digit;
        }
        return (10 - sum % 10) % 10;
    }
}
