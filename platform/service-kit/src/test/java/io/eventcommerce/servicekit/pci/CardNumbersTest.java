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
    void findsEveryCommonFormatting() {
        for (String written : new String[] {"4242.4242.4242.4242", "4242/4242/4242/4242", "4242  4242  4242  4242",
                "4242--4242--4242--4242", "4242 - 4242 - 4242 - 4242", "4242 4242  4242 4242",
                "card: 4242 4242 4242 4242 12/31", "exp 12/31 4242-4242-4242-4242", "2026-12-02 4242 4242 4242 4242",
                "4242424242424242 2026-12-02"}) {
            assertThat(CardNumbers.find(written)).as(written).containsExactly("4242424242424242");
        }
        assertThat(CardNumbers.find("3782 822463 10005")).as("4-6-5").containsExactly("378282246310005");
        assertThat(CardNumbers.find("6759 6498 2643 8450 9")).as("4-4-4-4-1, 17 digits")
                .containsExactly("67596498264384509");
        assertThat(CardNumbers.find("6759-6498-2643-8450-009")).as("4-4-4-4-3, 19 digits")
                .containsExactly("6759649826438450009");
        assertThat(CardNumbers.find("4222 2222 2222 2")).as("13-digit Visa, 4-4-4-1").containsExactly("4222222222222");
        assertThat(CardNumbers.mask("paid 4242.4242.4242.4242 ok")).isEqualTo("paid ****4242 ok");
    }

    @Test
    void aTextOfMillionsOfDigitGroupsIsScannedWithoutOverflowingTheStack() {
        // "1 1 1 …" is one blob of 500,000 groups: the regular expression this replaced recursed once per group and
        // overflowed a 1 MiB stack at about 2,000, so a hostile request body could turn a 422 into a 500.
        String degenerate = "1 ".repeat(500_000) + "card 4111-1111-1111-1111 " + "2-".repeat(500_000) + "3";
        assertThat(CardNumbers.find(degenerate)).containsExactly("4111111111111111");
        assertThat(CardNumbers.containsCardNumber("9 ".repeat(1_000_000))).isFalse();
    }

    @Test
    void digitsInsideAHexTokenOfAnyLengthAreAHashNotACard() {
        // A SHA-256 hex cut to a 20-character column, as the audit connector masks postal codes: seen on a local run.
        assertThat(CardNumbers.find("{\"ship_postal_code\":\"4242424242424242c0e1\"}")).isEmpty();
        assertThat(CardNumbers.find("ab4242424242424242")).isEmpty();
        assertThat(CardNumbers.find("id 4242424242424242f")).isEmpty();
        // Other letters make no hex token: still a card.
        assertThat(CardNumbers.find("card4242424242424242")).containsExactly("4242424242424242");
        assertThat(CardNumbers.find("4242424242424242exp")).containsExactly("4242424242424242");
    }

    @Test
    void namesTheNetworkOfACard() {
        assertThat(CardNumbers.network("4111111111111111")).contains("Visa");
        assertThat(CardNumbers.network("5555555555554444")).contains("Mastercard");
        assertThat(CardNumbers.network("378282246310005")).contains("American Express");
        assertThat(CardNumbers.network("6011111111111117")).contains("Discover");
        assertThat(CardNumbers.network("6200000000000005")).contains("UnionPay");
        assertThat(CardNumbers.network("6759649826438453")).contains("Maestro");
        assertThat(CardNumbers.network("2400000000000")).isEmpty();
    }

    @Test
    void ignoresRealDataThatIsNotACard() {
        for (String data : new String[] {"2026-12-02", "2026-12-02T10:15:30.123Z", "20261202101530",
                "20261202101530123", "1764661789000", "+49 1512 3456 7890", "+1 800-555-0100-123", "0049 151 2345 6789",
                "(555) 010-0100", "12.00 15.50 20.00 30.00 49.99", "1 000 000 000 000 000", "192.168.100.200 10.0.0.1",
                "9400 1000 0000 0000 0000 00", "d41d8cd98f00b204e9800998ecf8427e4242424242424242",
                "sha 4242424242424242aa9e1f3c8b0d7e6f5a4c3b2a1f0e9d8c"}) {
            assertThat(CardNumbers.find(data)).as(data).isEmpty();
        }
    }

    @Test
    void ignoresLuhnValidNumbersNoNetworkIssues() {
        // All pass the Luhn check; the upload benchmark's SKUs hit the first kind one time in ten.
        for (String data : new String[] {"P2489111558-1237", "SKU 7000000000003", "42424242424242", "555555555555558",
                "0000000000000000"}) {
            assertThat(CardNumbers.luhn(data.replaceAll("[^0-9]", ""))).as(data).isTrue();
            assertThat(CardNumbers.find(data)).as(data).isEmpty();
        }
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

    @Test
    void theDecimalsOfANumberAreNoCard() {
        // 4111111111111111 passes the Luhn check under Visa's prefix; after "0." it is a computed double.
        assertThat(CardNumbers.find("{\"AMOUNT_ZSCORE\":0.4111111111111111,\"score\":12.4111111111111111}")).isEmpty();
        assertThat(CardNumbers.find("ratio 1.4111111111111111")).isEmpty();
        // 5293333333333334 is a Luhn-valid Mastercard number: here it is a day count and its decimals.
        assertThat(CardNumbers.find("{\"ACCOUNT_AGE_DAYS\":529.3333333333334,\"value\":628.4868055555555}")).isEmpty();
        assertThat(CardNumbers.find("amex 3782.822463.10005")).containsExactly("378282246310005");
        assertThat(CardNumbers.find("card 4111111111111111.")).containsExactly("4111111111111111");
        assertThat(CardNumbers.find("card .4111111111111111")).containsExactly("4111111111111111");
        assertThat(CardNumbers.find("4111.1111.1111.1111")).containsExactly("4111111111111111");
    }
}
