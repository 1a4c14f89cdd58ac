package io.eventcommerce.devstack.datagen;

import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class CardBinsTest {

    /** The Luhn check as SimulatedPaymentGateway.tokenize applies it (servicekit's CardNumbers), written out. */
    static boolean luhnValid(String number) {
        int sum = 0;
        for (int i = number.length() - 1, position = 0; i >= 0; i--, position++) {
            int digit = number.charAt(i) - '0';
            if (position % 2 == 1) {
                digit = digit * 2 > 9 ? digit * 2 - 9 : digit * 2;
            }
            sum += digit;
        }
        return sum % 10 == 0;
    }

    @Test
    void theCheckDigitIsThatOfKnownTestCards() {
        assertThat(CardBins.luhnCheckDigit("424242424242424")).isEqualTo(2);
        assertThat(CardBins.luhnCheckDigit("555555555555444")).isEqualTo(4);
        assertThat(CardBins.luhnCheckDigit("400000000000999")).isEqualTo(5);
        assertThat(luhnValid("4242424242424242")).isTrue();
        assertThat(luhnValid("4242424242424241")).isFalse();
    }

    @Test
    void everyCountryHasItsOwnSixDigitVisaPrefixAndValidNumbersOfIt() {
        assertThat(CardBins.PREFIX_BY_COUNTRY).hasSize(20);
        assertThat(new HashSet<>(CardBins.PREFIX_BY_COUNTRY.values())).hasSize(20);
        assertThat(CardBins.PREFIX_BY_COUNTRY.get("DE")).isEqualTo("417500");
        // Each is a BIN of the payment simulator's table (orders-service; documented in docs/payments.md).
        String payments;
        try {
            payments = java.nio.file.Files.readString(java.nio.file.Path.of(System.getProperty("platform.root",
                    "../..")).resolve("docs/payments.md"));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        CardBins.PREFIX_BY_COUNTRY.values().forEach(bin -> assertThat(payments).as("simulator BIN").contains(bin));
        Set<String> numbers = new HashSet<>();
        CardBins.PREFIX_BY_COUNTRY.forEach((country, prefix) -> {
            assertThat(prefix).matches("4[0-9]{5}");
            for (long serial : new long[]{0, 1, 42, 999_999_999, 1_000_000_007L, -5}) {
                String number = CardBins.number(country, serial);
                assertThat(number).hasSize(16).startsWith(prefix);
                assertThat(luhnValid(number)).as(number).isTrue();
                assertThat(CardBins.country(number)).contains(country);
                numbers.add(number);
            }
        });
        // None is one of the simulator's declining test cards.
        assertThat(numbers).doesNotContain("4000000000000002", "4000000000009995");
        assertThat(CardBins.number("US", 1)).isNotEqualTo(CardBins.number("US", 2));
    }
}
