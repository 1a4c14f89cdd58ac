package io.eventcommerce.servicekit.pci;

import java.util.List;
import java.util.Optional;

/**
 * The issuer identification number ranges and card lengths of the card networks (ISO/IEC 7812 as the networks
 * publish them): a number of the right length under a network's prefix is a possible card, any other is not.
 * Checking this besides the Luhn digit keeps one in ten SKUs, barcodes and reference numbers of 13 to 19 digits from
 * being taken for cards: 14 digits starting with 24 are no card of any network, 16 are a Mastercard.
 */
final class CardNetworks {

    /** Prefixes {@code from..to} of {@code digits} leading digits issue cards of the lengths in {@code lengths}. */
    private record Range(String network, int digits, int from, int to, int... lengths) {
        boolean issues(String pan) {
            if (pan.length() < digits) {
                return false;
            }
            int prefix = Integer.parseInt(pan.substring(0, digits));
            if (prefix < from || prefix > to) {
                return false;
            }
            for (int length : lengths) {
                if (length == pan.length()) {
                    return true;
                }
            }
            return false;
        }
    }

    private static final int[] SIXTEEN_TO_NINETEEN = {16, 17, 18, 19};

    private static final List<Range> RANGES = List.of(
            new Range("Visa", 1, 4, 4, 13, 16, 19),
            new Range("Mastercard", 2, 51, 55, 16),
            new Range("Mastercard", 4, 2221, 2720, 16),
            new Range("Mir", 4, 2200, 2204, SIXTEEN_TO_NINETEEN),
            new Range("American Express", 2, 34, 34, 15),
            new Range("American Express", 2, 37, 37, 15),
            new Range("Diners Club", 3, 300, 305, 14, 15, 16, 17, 18, 19),
            new Range("Diners Club", 2, 36, 36, 14, 15, 16, 17, 18, 19),
            new Range("Diners Club", 2, 38, 39, 14, 15, 16, 17, 18, 19),
            new Range("JCB", 4, 3528, 3589, SIXTEEN_TO_NINETEEN),
            // Maestro (50, 56-69) spans Discover (6011, 644-649, 65), UnionPay (62), RuPay (60, 65) and Verve:
            // Discover and UnionPay come first so that network() names them; which numbers are cards stays the same.
            new Range("Discover", 4, 6011, 6011, SIXTEEN_TO_NINETEEN),
            new Range("Discover", 3, 644, 649, SIXTEEN_TO_NINETEEN),
            new Range("Discover", 2, 65, 65, SIXTEEN_TO_NINETEEN),
            new Range("UnionPay", 2, 62, 62, SIXTEEN_TO_NINETEEN),
            new Range("Maestro", 2, 50, 50, 12, 13, 14, 15, 16, 17, 18, 19),
            new Range("Maestro", 2, 56, 69, 12, 13, 14, 15, 16, 17, 18, 19),
            new Range("RuPay", 2, 81, 82, 16),
            new Range("UATP", 1, 1, 1, 15),
            new Range("Troy", 4, 9792, 9792, 16));

    private CardNetworks() {
    }

    /** Whether some network issues cards of this length with this prefix; {@code pan} is digits only. */
    static boolean issues(String pan) {
        return network(pan).isPresent();
    }

    /** The first network whose range issues {@code pan} (digits only). */
    static Optional<String> network(String pan) {
        for (Range range : RANGES) {
            if (range.issues(pan)) {
                return Optional.of(range.network());
            }
        }
        return Optional.empty();
    }
}
