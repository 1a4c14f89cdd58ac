package io.eventcommerce.servicekit.pci;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Property-based: every way of writing a card is found with its digits exact; near misses never are. */
class CardNumbersPropertiesTest {

    /**
     * Fixed, so that a build never fails at random on a seed nobody can reproduce; change it (or remove it locally) to
     * explore further. A random seed found one ambiguity (a one-digit last group glued to a date), now excluded below.
     */
    private static final String SEED = "20261202";

    private static final String[] PREFIXES = {"", "card ", "pay with: ", "exp 12/31 ", "(", "2026-12-02 ", "note\n"};
    private static final String[] SUFFIXES = {"", ".", " please", " 12/31", ")", " 2026-12-02", ",", "\n"};
    private static final java.util.regex.Pattern SHORT_LAST_GROUP = java.util.regex.Pattern.compile("[^0-9][0-9]{1,2}$");
    private static final java.util.regex.Pattern DATE_LIKE = java.util.regex.Pattern.compile("[0-9]");

    @Property(tries = 2000, seed = SEED)
    void aWrittenCardIsFoundWithItsDigits(@ForAll("cards") String pan, @ForAll("seeds") long seed) {
        Random random = new Random(seed);
        String written = format(pan, random);
        String suffix = SUFFIXES[random.nextInt(SUFFIXES.length)];
        if (SHORT_LAST_GROUP.matcher(written).find() && DATE_LIKE.matcher(suffix).find()) {
            // A last group of one or two digits glued to a date or an expiry is given to the date by design
            // (CardNumbers, "a boundary group ... looks like a date"): ambiguous to a reader too, so not generated.
            suffix = ".";
        }
        String text = PREFIXES[random.nextInt(PREFIXES.length)] + written + suffix;
        assertThat(CardNumbers.find(text)).as(text).containsExactly(pan);
        assertThat(CardNumbers.mask(text)).as(text).doesNotContain(pan.substring(0, 6))
                .contains("****" + pan.substring(pan.length() - 4));
    }

    @Property(tries = 1000, seed = SEED)
    void aLuhnFailureIsNoCard(@ForAll("cards") String pan, @ForAll("seeds") long seed) {
        int last = pan.charAt(pan.length() - 1) - '0';
        String off = pan.substring(0, pan.length() - 1) + (char) ('0' + (last + 1) % 10);
        String text = format(off, new Random(seed));
        assertThat(CardNumbers.find(text)).as(text).isEmpty();
    }

    @Property(tries = 1000, seed = SEED)
    void aNumberNoNetworkIssuesIsNoCard(@ForAll("notIssued") String digits, @ForAll("seeds") long seed) {
        String text = format(digits, new Random(seed));
        assertThat(CardNumbers.find(text)).as(text).isEmpty();
    }

    @Property(tries = 1000, seed = SEED)
    void tooShortOrTooLongIsNoCard(@ForAll("wrongLengths") String digits, @ForAll("seeds") long seed) {
        String text = format(digits, new Random(seed));
        assertThat(CardNumbers.find(text)).as(text).isEmpty();
    }

    @Property(tries = 1000, seed = SEED)
    void aCardInsideALongerRunIsNoCard(@ForAll("cards") String pan, @ForAll("seeds") long seed) {
        Random random = new Random(seed);
        String before = digits(random, random.nextInt(3));
        String after = digits(random, 20 - pan.length() - before.length() + random.nextInt(3));
        String run = before + pan + after;
        assertThat(CardNumbers.find(run)).as(run).isEmpty();
        String grouped = format(run, random);
        assertThat(CardNumbers.find(grouped)).as(grouped).isEmpty();
    }

    @Property(tries = 1000, seed = SEED)
    void idsDatesAndPhoneNumbersAreNoCards(@ForAll("notCards") String text) {
        assertThat(CardNumbers.find(text)).as(text).isEmpty();
    }

    @Provide
    Arbitrary<Long> seeds() {
        return Arbitraries.longs();
    }

    /**
     * Valid PANs of the big networks, as they issue them (prefix and length, written out here independently of
     * CardNetworks), the Luhn check digit last.
     */
    @Provide
    Arbitrary<String> cards() {
        return Arbitraries.longs().map(seed -> {
            Random random = new Random(seed);
            String[] issued = ISSUED[random.nextInt(ISSUED.length)];
            String prefix = issued[random.nextInt(issued.length - 1) + 1];
            String[] lengths = issued[0].split(",");
            int length = Integer.parseInt(lengths[random.nextInt(lengths.length)]);
            return withCheckDigit(prefix + digits(random, length - prefix.length() - 1));
        });
    }

    /** Luhn-valid numbers of 13 to 19 digits under a prefix or of a length no network issues. */
    @Provide
    Arbitrary<String> notIssued() {
        return Arbitraries.longs().map(seed -> {
            Random random = new Random(seed);
            return switch (random.nextInt(4)) {
                case 0 -> withCheckDigit("4" + digits(random, 12 + random.nextInt(2))); // Visa is 13, 16 or 19, not 14, 15
                case 1 -> withCheckDigit("24" + digits(random, 11)); // Mastercard 2-series: 16 only, here 14
                case 2 -> withCheckDigit("7" + digits(random, 11 + random.nextInt(7))); // no network under 7
                default -> withCheckDigit("0" + digits(random, 12 + random.nextInt(6)));
            };
        });
    }

    @Provide
    Arbitrary<String> wrongLengths() {
        return Combinators.combine(Arbitraries.of(12, 20, 21), Arbitraries.longs())
                .as((length, seed) -> withCheckDigit(length, seed));
    }

    @Provide
    Arbitrary<String> notCards() {
        Arbitrary<String> uuids = Arbitraries.longs().map(seed -> {
            Random random = new Random(seed);
            String hex = random.nextBoolean() ? digits(random, 32) : UUID.randomUUID().toString().replace("-", "");
            return hex.substring(0, 8) + "-" + hex.substring(8, 12) + "-" + hex.substring(12, 16) + "-"
                    + hex.substring(16, 20) + "-" + hex.substring(20);
        });
        Arbitrary<String> dates = Combinators.combine(Arbitraries.integers().between(2000, 2099),
                        Arbitraries.integers().between(1, 12), Arbitraries.integers().between(1, 28),
                        Arbitraries.integers().between(0, 86_399_999))
                .as((y, m, d, ms) -> {
                    String date = String.format("%04d-%02d-%02d", y, m, d);
                    String time = String.format("%02d:%02d:%02d.%03d", ms / 3_600_000, ms / 60_000 % 60,
                            ms / 1000 % 60, ms % 1000);
                    String compact = (date + time).replaceAll("[^0-9]", "");
                    return switch (ms % 4) {
                        case 0 -> date + "T" + time + "Z";
                        case 1 -> date + " " + time;
                        case 2 -> compact;
                        default -> compact.substring(0, 14);
                    };
                });
        Arbitrary<String> phones = Arbitraries.longs().map(seed -> {
            Random random = new Random(seed);
            String country = digits(random, 1 + random.nextInt(3)).replaceFirst("^0", "1");
            String national = digits(random, 15 - country.length() - random.nextInt(5));
            char separator = " -./".charAt(random.nextInt(4));
            StringBuilder phone = new StringBuilder("+").append(country).append(' ');
            for (int i = 0, size; i < national.length(); i += size) {
                size = 3 + random.nextInt(2);
                phone.append(i == 0 ? "" : String.valueOf(separator))
                        .append(national, i, Math.min(national.length(), i + size));
            }
            return phone.toString();
        });
        Arbitrary<String> epochMillis = Arbitraries.longs().between(1_000_000_000_000L, 1_999_999_999_999L)
                .map(String::valueOf);
        return Arbitraries.oneOf(uuids, dates, phones, epochMillis);
    }

    /** Per network: the lengths it issues, then prefixes it issues them under. */
    private static final String[][] ISSUED = {
            {"13,16,19", "4"},
            {"16", "51", "52", "53", "54", "55", "2221", "2500", "2720"},
            {"15", "34", "37"},
            {"14,16,19", "300", "305", "36", "38"},
            {"16,17,18,19", "3528", "3589", "6011", "62", "644", "649", "65", "2200", "2204"},
            {"13,14,15,16,17,18,19", "50", "56", "6759", "69"}}; // Maestro also issues 12 digits, out of scope

    private static String withCheckDigit(int length, long seed) {
        Random random = new Random(seed);
        return withCheckDigit((char) ('3' + random.nextInt(4)) + digits(random, length - 2));
    }

    private static String withCheckDigit(String body) {
        for (char check = '0'; check <= '9'; check++) {
            if (CardNumbers.luhn(body + check)) {
                return body + check;
            }
        }
        throw new AssertionError("no check digit for " + body);
    }

    private static String digits(Random random, int count) {
        StringBuilder digits = new StringBuilder();
        for (int i = 0; i < count; i++) {
            digits.append((char) ('0' + random.nextInt(10)));
        }
        return digits.toString();
    }

    /**
     * {@code digits} as a person might write them: in one run, or in groups of three to six with a shorter last
     * group allowed, separated by one kind of separator (space, hyphen, dot, slash), repeated or spaced at random.
     */
    static String format(String digits, Random random) {
        if (random.nextInt(4) == 0) {
            return digits;
        }
        List<String> groups = new ArrayList<>();
        int at = 0;
        boolean fours = random.nextBoolean();
        while (at < digits.length()) {
            int size = fours ? 4 : 3 + random.nextInt(4);
            groups.add(digits.substring(at, Math.min(digits.length(), at + size)));
            at += size;
        }
        char kind = " -./".charAt(random.nextInt(4));
        StringBuilder written = new StringBuilder(groups.get(0));
        for (int i = 1; i < groups.size(); i++) {
            String separator = switch (random.nextInt(4)) {
                case 0 -> kind + "" + kind;
                case 1 -> kind == ' ' ? "   " : " " + kind + " ";
                default -> String.valueOf(kind);
            };
            written.append(separator).append(groups.get(i));
        }
        return written.toString();
    }
}
