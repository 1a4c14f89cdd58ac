package io.eventcommerce.copilot.guard;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A scan of the raw text the way MySQL tokenises it, before any parser sees it. JSqlParser and the server may read
 * an odd string or comment differently, and a bypass lives exactly in such a difference, so whatever the two could
 * disagree on is refused here: comments of every form (they also carry MySQL's executable {@code /*! *&#47;} code
 * and optimizer hints), backslashes and double quotes in strings, a {@code ;} anywhere but at the very end, and
 * {@code @} (user and system variables). It also spots the bare words that only a write or a lock can use.
 */
final class SqlText {

    private SqlText() {
    }

    /** The first rule the text breaks, if any. */
    static Optional<GuardRefusal> check(String sql) {
        List<String> words = new ArrayList<>();
        int n = sql.length();
        int i = 0;
        while (i < n) {
            char c = sql.charAt(i);
            char next = i + 1 < n ? sql.charAt(i + 1) : 0;
            if (c == '#' || (c == '-' && next == '-') || (c == '/' && next == '*')) {
                return refuse(GuardRefusal.Reason.COMMENT, "Comments are not accepted in a query.");
            }
            if (c == '\'') {
                int end = i + 1;
                while (true) {
                    if (end >= n) {
                        return refuse(GuardRefusal.Reason.PARSE_ERROR, "A text literal is not closed.");
                    }
                    char s = sql.charAt(end);
                    if (s == '\\') {
                        return refuse(GuardRefusal.Reason.ENCODED_LITERAL,
                                "Backslash escapes in text literals are not accepted.");
                    }
                    if (s == '\'') {
                        if (end + 1 < n && sql.charAt(end + 1) == '\'') {
                            end += 2;
                            continue;
                        }
                        break;
                    }
                    end++;
                }
                i = end + 1;
                continue;
            }
            if (c == '"') {
                return refuse(GuardRefusal.Reason.UNSUPPORTED_SYNTAX,
                        "Double quotes are not accepted: text literals take single quotes.");
            }
            if (c == '`') {
                int end = sql.indexOf('`', i + 1);
                if (end < 0) {
                    return refuse(GuardRefusal.Reason.PARSE_ERROR, "A quoted name is not closed.");
                }
                i = end + 1;
                continue;
            }
            if (c == '@') {
                return refuse(GuardRefusal.Reason.VARIABLE, "User and system variables are not accepted.");
            }
            if (c == ';') {
                if (!sql.substring(i + 1).isBlank()) {
                    return refuse(GuardRefusal.Reason.MULTIPLE_STATEMENTS, "Only one statement is accepted.");
                }
                i++;
                continue;
            }
            if (Character.isLetter(c) || c == '_') {
                int end = i;
                while (end < n && (Character.isLetterOrDigit(sql.charAt(end)) || sql.charAt(end) == '_'
                        || sql.charAt(end) == '$')) {
                    end++;
                }
                words.add(sql.substring(i, end).toUpperCase(Locale.ROOT));
                i = end;
                continue;
            }
            if (c == '\\') {
                return refuse(GuardRefusal.Reason.ENCODED_LITERAL, "Backslashes are not accepted.");
            }
            i++;
        }
        return words(words);
    }

    private static Optional<GuardRefusal> words(List<String> words) {
        for (int w = 0; w < words.size(); w++) {
            String word = words.get(w);
            String after = w + 1 < words.size() ? words.get(w + 1) : "";
            switch (word) {
                case "INTO", "OUTFILE", "DUMPFILE" -> {
                    return refuse(GuardRefusal.Reason.INTO, "SELECT … INTO (files or variables) is not accepted.");
                }
                case "FOR" -> {
                    if (after.equals("UPDATE") || after.equals("SHARE")) {
                        return refuse(GuardRefusal.Reason.LOCKING, "Locking reads are not accepted.");
                    }
                }
                case "LOCK" -> {
                    return refuse(GuardRefusal.Reason.LOCKING, "Locking reads are not accepted.");
                }
                default -> {
                }
            }
        }
        return Optional.empty();
    }

    private static Optional<GuardRefusal> refuse(GuardRefusal.Reason reason, String message) {
        return Optional.of(new GuardRefusal(reason, message));
    }
}
