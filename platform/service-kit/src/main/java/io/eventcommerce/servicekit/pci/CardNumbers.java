package io.eventcommerce.servicekit.pci;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds payment card numbers (PANs) in text: 13 to 19 digits that pass the Luhn check and that a card network
 * issues (its prefix and length, {@link CardNetworks}), written the ways people write them: in one run, or in groups
 * (4-4-4-4, 4-6-5, 4-4-4-4-3, …) separated by spaces, hyphens, dots or slashes, a separator possibly repeated
 * ({@code 4242  4242}, {@code 4242 - 4242}). Used to refuse card numbers where none belongs and by the scans that
 * prove none is stored, logged or published.
 *
 * <p>Whatever is matched must be a card and nothing else, or ids and amounts would be refused. So: digits in
 * groups of one separator kind form one number and are taken whole ({@code 4242-4242-4242-4242-4242} is 20 digits,
 * not a card plus four); a boundary group glued to a neighbour by another separator kind belongs to that
 * neighbour ({@code 4242 4242 4242 4242 12/31} is a card and an expiry date); groups but the last have at least three
 * digits, which keeps amounts, dates and times ({@code 12.00 15.50 …}, {@code 2026-12-02}) out; a run of 13 to 19
 * digits is a number of its own whatever joins it. Not cards: up to 15 digits after {@code +} (a phone number),
 * anything inside a UUID or a hex token (ids, hashes), and every number no network issues: those starting with 0
 * ({@code 00} starts an international call), compact timestamps ({@code 20261202101530}), epoch milliseconds (13
 * digits starting with 1), most SKUs and reference numbers.
 */
public final class CardNumbers {

    /** At most this many separators ({@code [ ./-]}) join two digit groups of one blob. */
    private static final int SEPARATOR_RUN = 3;
    private static final Pattern GROUP = Pattern.compile("[0-9]+");
    private static final Pattern UUID = Pattern.compile(
            "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    private CardNumbers() {
    }

    /** A card number found: where it is in the text, and its digits. */
    private record Span(int start, int end, String digits) {
    }

    /** The card numbers in {@code text}, as digits only. */
    public static List<String> find(CharSequence text) {
        List<String> found = new ArrayList<>();
        if (text != null) {
            for (Span span : spans(text)) {
                found.add(span.digits());
            }
        }
        return found;
    }

    public static boolean containsCardNumber(CharSequence text) {
        return text != null && !spans(text).isEmpty();
    }

    /** Whether {@code digits} (digits only) passes the Luhn check. */
    public static boolean luhn(String digits) {
        int sum = 0;
        boolean doubled = false;
        for (int i = digits.length() - 1; i >= 0; i--) {
            int d = digits.charAt(i) - '0';
            if (d < 0 || d > 9) {
                return false;
            }
            if (doubled) {
                d *= 2;
                if (d > 9) {
                    d -= 9;
                }
            }
            sum += d;
            doubled = !doubled;
        }
        return sum % 10 == 0;
    }

    /** {@code text} with every card number replaced by {@code ****<last four>}. */
    public static String mask(String text) {
        if (text == null) {
            return null;
        }
        List<Span> spans = spans(text);
        if (spans.isEmpty()) {
            return text;
        }
        StringBuilder masked = new StringBuilder();
        int at = 0;
        for (Span span : spans) {
            masked.append(text, at, span.start()).append("****")
                    .append(span.digits().substring(span.digits().length() - 4));
            at = span.end();
        }
        return masked.append(text, at, text.length()).toString();
    }

    /**
     * The network that issues cards like {@code digits} (a number {@link #find} returned), e.g. {@code Visa}; empty
     * for a number no network issues.
     */
    public static Optional<String> network(String digits) {
        return CardNetworks.network(digits);
    }

    /**
     * The blobs (digit groups joined by one to three separators, each maximal) and the cards in them. A loop, not a
     * regular expression: Java's regex engine recurses once per repetition of a group, so a text of a few thousand
     * digit groups ({@code "1 1 1 …"}, a hostile request body or a degenerate event) overflowed the stack.
     */
    private static List<Span> spans(CharSequence text) {
        List<Span> spans = new ArrayList<>();
        int n = text.length();
        int i = 0;
        while (i < n) {
            if (!digit(text.charAt(i))) {
                i++;
                continue;
            }
            int start = i;
            int end = digitsEnd(text, i);
            while (true) {
                int next = end;
                while (next < n && next - end < SEPARATOR_RUN && separator(text.charAt(next))) {
                    next++;
                }
                if (next == end || next >= n || !digit(text.charAt(next))) {
                    break;
                }
                end = digitsEnd(text, next);
            }
            inBlob(text, start, end, spans);
            i = end;
        }
        return spans;
    }

    private static int digitsEnd(CharSequence text, int from) {
        int at = from;
        while (at < text.length() && digit(text.charAt(at))) {
            at++;
        }
        return at;
    }

    private static boolean digit(char c) {
        return c >= '0' && c <= '9';
    }

    private static boolean separator(char c) {
        return c == ' ' || c == '.' || c == '/' || c == '-';
    }

    /**
     * The cards among the groups of one blob. A chain is a maximal stretch of groups joined by one separator kind;
     * it is tried whole, then without a boundary group that another separator kind glues to a neighbour.
     */
    private static void inBlob(CharSequence text, int from, int to, List<Span> spans) {
        List<int[]> groups = new ArrayList<>();
        Matcher group = GROUP.matcher(text).region(from, to);
        while (group.find()) {
            groups.add(new int[] {group.start(), group.end()});
        }
        int n = groups.size();
        if (from > 0 && text.charAt(from - 1) == '+' && digitCount(text, from, to) <= 15) {
            return; // a phone number: E.164 allows at most 15 digits
        }
        char[] kinds = new char[Math.max(0, n - 1)];
        for (int i = 0; i + 1 < n; i++) {
            kinds[i] = kind(text, groups.get(i)[1], groups.get(i + 1)[0]);
        }
        List<int[]> tries = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            int length = groups.get(i)[1] - groups.get(i)[0];
            if (length >= 13 && length <= 19 && !fraction(text, groups.get(i)[0])) {
                tries.add(new int[] {i, i});
            }
        }
        for (int a = 0; a + 1 < n; ) {
            int b = a + 1;
            while (b + 1 < n && kinds[b] == kinds[a]) {
                b++;
            }
            boolean gluedBefore = a > 0;
            boolean gluedAfter = b < n - 1;
            // Which way a glued boundary group goes is a guess; it goes to the neighbour first if it looks like a
            // part of a date or expiry there (12/31, 2026-12-02), otherwise it stays with the number.
            int first = gluedBefore && dateLike(groups.get(a), kinds[a - 1]) ? a + 1 : a;
            int last = gluedAfter && dateLike(groups.get(b), kinds[b]) ? b - 1 : b;
            tries.add(new int[] {first, last});
            tries.add(new int[] {a, b});
            if (gluedBefore) {
                tries.add(new int[] {a + 1, b});
            }
            if (gluedAfter) {
                tries.add(new int[] {a, b - 1});
            }
            if (gluedBefore && gluedAfter) {
                tries.add(new int[] {a + 1, b - 1});
            }
            a = b;
        }
        for (int[] t : tries) {
            if (t[0] > t[1]) {
                continue;
            }
            int start = groups.get(t[0])[0];
            int end = groups.get(t[1])[1];
            boolean overlaps = spans.stream().anyMatch(s -> s.start() < end && start < s.end());
            if (overlaps) {
                continue;
            }
            String digits = card(text, groups, t[0], t[1]);
            if (digits != null) {
                spans.add(new Span(start, end, digits));
            }
        }
        spans.sort((x, y) -> Integer.compare(x.start(), y.start()));
    }

    /**
     * Whether the digits from {@code start} are the decimals of a number ({@code 0.4166666666666667}, as JSON and any
     * computed double print): a digit, a point, then this group. Cards are written in groups of four to six digits,
     * never as one long run after a point.
     */
    private static boolean fraction(CharSequence text, int start) {
        return start >= 2 && text.charAt(start - 1) == '.' && Character.isDigit(text.charAt(start - 2));
    }

    private static boolean dateLike(int[] group, char glue) {
        int length = group[1] - group[0];
        return glue != ' ' && (length <= 2 || length == 4);
    }

    /** The separator kind between two groups: its non-space character, or a space. */
    private static char kind(CharSequence text, int from, int to) {
        for (int i = from; i < to; i++) {
            if (text.charAt(i) != ' ') {
                return text.charAt(i);
            }
        }
        return ' ';
    }

    /** The digits of groups {@code first..last}, if they are a card number; otherwise null. */
    private static String card(CharSequence text, List<int[]> groups, int first, int last) {
        StringBuilder digits = new StringBuilder();
        for (int i = first; i <= last; i++) {
            int[] g = groups.get(i);
            if (i < last && g[1] - g[0] < 3) {
                return null;
            }
            if (i > first && g[1] - g[0] > 6 && fraction(text, g[0])) {
                return null; // 529.3333333333334: a number and its decimals; a card's groups have four to six digits
            }
            digits.append(text, g[0], g[1]);
        }
        String pan = digits.toString();
        int start = groups.get(first)[0];
        int end = groups.get(last)[1];
        if (pan.length() < 13 || pan.length() > 19 || !luhn(pan) || !CardNetworks.issues(pan)) {
            return null;
        }
        if (insideUuid(text, start, end) || insideHexToken(text, start, end)) {
            return null;
        }
        return pan;
    }

    private static int digitCount(CharSequence text, int from, int to) {
        int count = 0;
        for (int i = from; i < to; i++) {
            count += Character.isDigit(text.charAt(i)) ? 1 : 0;
        }
        return count;
    }

    private static boolean insideUuid(CharSequence text, int start, int end) {
        int from = Math.max(0, start - 36);
        int to = Math.min(text.length(), end + 36);
        Matcher uuid = UUID.matcher(text.subSequence(from, to));
        while (uuid.find()) {
            if (from + uuid.start() <= start && from + uuid.end() >= end) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether the digits are a fragment of a hex token: the letters and digits around them are hex only, with at
     * least one letter. Such a token is a hash or an id of any length: the audit connector's masked columns are
     * SHA-256 hex cut to the column's length ({@code 5670957…2931c} in a 20-character postal code), and about one in
     * a thousand carried a Luhn-valid, network-shaped digit run. A card glued to other letters ({@code card4242…})
     * is still a card.
     */
    private static boolean insideHexToken(CharSequence text, int start, int end) {
        for (int i = start; i < end; i++) {
            if (!isHex(text.charAt(i))) {
                // Grouped digits (separators inside) are not part of one hex token; without this a card written
                // with spaced separators ("5897 - 5311 - …") was taken for part of a hash.
                return false;
            }
        }
        int from = start;
        while (from > 0 && Character.isLetterOrDigit(text.charAt(from - 1))) {
            from--;
        }
        int to = end;
        while (to < text.length() && Character.isLetterOrDigit(text.charAt(to))) {
            to++;
        }
        boolean letter = false;
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (!isHex(c)) {
                return false;
            }
            letter |= !digit(c);
        }
        return letter;
    }

    private static boolean isHex(char c) {
        return c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F';
    }
}
