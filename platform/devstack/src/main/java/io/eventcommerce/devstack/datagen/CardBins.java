package io.eventcommerce.devstack.datagen;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Which test card numbers stand for a card issued in which country. The payment simulator derives a card's issuing
 * country from its BIN (the first six digits), so this one table decides it for every generated card: a Visa
 * prefix "4" + the country's ISO 3166-1 numeric code + "00" (DE 276 → 427600). The numbers pass the Luhn check that
 * SimulatedPaymentGateway.tokenize applies; none is one of the simulator's declining test cards.
 */
public final class CardBins {

    /** Country (ISO 3166-1 alpha-2) → 6-digit BIN prefix. */
    static final Map<String, String> PREFIX_BY_COUNTRY = prefixes(
            "US", "840", "GB", "826", "DE", "276", "FR", "250", "CA", "124", "AU", "036", "NL", "528", "ES", "724",
            "IT", "380", "JP", "392", "BR", "076", "IN", "356", "SE", "752", "PL", "616", "MX", "484", "IE", "372",
            "AT", "040", "CH", "756", "DK", "208", "NZ", "554");

    private CardBins() {
    }

    private static Map<String, String> prefixes(String... countryAndNumeric) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < countryAndNumeric.length; i += 2) {
            map.put(countryAndNumeric[i], "4" + countryAndNumeric[i + 1] + "00");
        }
        return Map.copyOf(map);
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
