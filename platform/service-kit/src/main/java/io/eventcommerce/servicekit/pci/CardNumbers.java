package io.eventcommerce.servicekit.pci;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds payment card numbers (PANs) in text: runs of 13 to 19 digits, optionally grouped by single spaces or
 * hyphens, that pass the Luhn check. A run is taken whole (a longer digit sequence is not a card number), and a
 * value that is a UUID is skipped, so ids are not mistaken for cards. Used to refuse card numbers where none belongs
 * and by the scans that prove none is stored, logged or published.
 */
public final class CardNumbers {

    private static final Pattern RUN = Pattern.compile("(?<![0-9])(?<![0-9][ -])[0-9](?:[ -]?[0-9])+(?![ -]?[0-9])");
    private static final Pattern UUID = Pattern.compile(
            "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    private CardNumbers() {
    }

    /** The card numbers in {@code text}, as digits only. */
    public static List<String> find(CharSequence text) {
        List<String> found = new ArrayList<>();
        if (text == null) {
            return found;
        }
        Matcher run = RUN.matcher(text);
        while (run.find()) {
            String digits = cardDigits(text, run);
            if (digits != null) {
                found.add(digits);
            }
        }
        return found;
    }

    public static boolean containsCardNumber(CharSequence text) {
        return !find(text).isEmpty();
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
        StringBuilder masked = new StringBuilder();
        Matcher run = RUN.matcher(text);
        while (run.find()) {
            String digits = cardDigits(text, run);
            run.appendReplacement(masked, Matcher.quoteReplacement(digits != null
                    ? "****" + digits.substring(digits.length() - 4) : run.group()));
        }
        run.appendTail(masked);
        return masked.toString();
    }

    /** The digits of the run the matcher is at, if they are a card number; otherwise null. */
    private static String cardDigits(CharSequence text, Matcher run) {
        String digits = run.group().replaceAll("[ -]", "");
        boolean card = digits.length() >= 13 && digits.length() <= 19 && luhn(digits) && !insideUuid(text, run);
        return card ? digits : null;
    }

    private static boolean insideUuid(CharSequence text, Matcher run) {
        int from = Math.max(0, run.start() - 36);
        int to = Math.min(text.length(), run.end() + 36);
        Matcher uuid = UUID.matcher(text.subSequence(from, to));
        while (uuid.find()) {
            if (from + uuid.start() <= run.start() && from + uuid.end() >= run.end()) {
                return true;
            }
        }
        return false;
    }
}
