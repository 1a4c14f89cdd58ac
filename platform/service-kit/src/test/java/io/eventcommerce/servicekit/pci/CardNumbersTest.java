package io.eventcommerce.servicekit.pci;

import org.junit.jupiter.api.Test;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class CardNumbersTest {

    @Test
    void findsTestCardsPlainAndGrouped() {
        assertThat(CardNumbers.find("4242424242424242")).containsExactly("4242424242424242");
        assertThat(CardNumbers.find("pay with 4242 4242 4242 4242 please")).containsExactly("4242424242424242");
        assertThat(CardNumbers.find("5555-5555-5555-4444")).containsExactly("5555555555554444");
        assertThat(CardNumbers.find("amex 378282246310005.")).containsExactly("378282246310005");
    }

    @Test
    void ignoresWhatIsNotACard() {
        assertThat(CardNumbers.find("4242424242424241")).as("Luhn fails").isEmpty();
        assertThat(CardNumbers.find("424242424242")).as("12 digits").isEmpty();
        assertThat(CardNumbers.find("42424242424242424242")).as("20 digits, no prefix taken").isEmpty();
        assertThat(CardNumbers.find("4242-4242-4242-4242-4242")).as("a longer run, not a part of it").isEmpty();
        assertThat(CardNumbers.find("+1 555 0100")).isEmpty();
        assertThat(CardNumbers.find("12345678-1234-4234-8234-424242424242")).as("a UUID").isEmpty();
        assertThat(CardNumbers.find(null)).isEmpty();
    }

    @Test
    void noRandomUuidLooksLikeACard() {
        for (int i = 0; i < 100_000; i++) {
            String id = UUID.randomUUID().toString();
            assertThat(CardNumbers.containsCardNumber(id)).as(id).isFalse();
        }
    }

    @Test
    void masksKeepingTheLastFour() {
        assertThat(CardNumbers.mask("card 4242 4242 4242 4242, order 17"))
                .isEqualTo("card ****4242, order 17");
        assertThat(CardNumbers.mask("no card here 12345")).isEqualTo("no card here 12345");
    }
}
