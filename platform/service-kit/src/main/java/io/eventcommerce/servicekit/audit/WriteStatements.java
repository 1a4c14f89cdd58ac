package io.eventcommerce.servicekit.audit;

import java.util.Locale;
import java.util.Set;

/**
 * Tells the statements that change rows (INSERT, UPDATE, DELETE, REPLACE, also behind a {@code WITH} list) from
 * everything else, by their first keyword: only those reach the binary log, so only those need an actor. A
 * {@code SELECT ... FOR UPDATE} is a read. Leading whitespace and comments ({@code /* *}{@code /}, {@code -- },
 * {@code #}) are skipped; a statement that opens with a MySQL executable comment ({@code /*!}, {@code /*M!}) is code
 * this class does not read, and counts as no write (it is left as it is).
 */
public final class WriteStatements {

    private static final Set<String> WRITES = Set.of("INSERT", "UPDATE", "DELETE", "REPLACE");
    private static final Set<String> READS = Set.of("SELECT", "TABLE", "VALUES");

    private WriteStatements() {
    }

    /** Whether {@code sql} is a statement that inserts, updates, deletes or replaces rows. */
    public static boolean isWrite(String sql) {
        if (sql == null) {
            return false;
        }
        int start = skipIgnorable(sql, 0);
        if (start < 0) {
            return false;
        }
        String keyword = word(sql, start);
        if (WRITES.contains(keyword)) {
            return true;
        }
        return "WITH".equals(keyword) && WRITES.contains(mainKeywordAfterWith(sql, start + keyword.length()));
    }

    /**
     * The first keyword outside parentheses after a {@code WITH} list (its CTE names, {@code AS}, column lists and
     * bodies skipped), or "" if there is none.
     */
    private static String mainKeywordAfterWith(String sql, int from) {
        int i = from;
        while (true) {
            i = skipIgnorable(sql, i);
            if (i < 0 || i >= sql.length()) {
                return "";
            }
            char c = sql.charAt(i);
            if (c == '(') {
                i = skipParenthesis(sql, i);
                if (i < 0) {
                    return "";
                }
            } else if (c == '`' || c == '"' || c == '\'') {
                i = skipQuoted(sql, i);
                if (i < 0) {
                    return "";
                }
            } else if (Character.isLetter(c) || c == '_') {
                String word = word(sql, i);
                if (WRITES.contains(word) || READS.contains(word)) {
                    return word;
                }
                i += word.length();
            } else {
                i++; // the comma between CTEs
            }
        }
    }

    /** The index after the parenthesis opened at {@code open} (nested ones, quotes and comments inside skipped). */
    private static int skipParenthesis(String sql, int open) {
        int depth = 0;
        int i = open;
        while (i < sql.length()) {
            char c = sql.charAt(i);
            if (c == '(') {
                depth++;
                i++;
            } else if (c == ')') {
                depth--;
                i++;
                if (depth == 0) {
                    return i;
                }
            } else if (c == '`' || c == '"' || c == '\'') {
                i = skipQuoted(sql, i);
                if (i < 0) {
                    return -1;
                }
            } else if (startsComment(sql, i)) {
                i = skipIgnorable(sql, i);
                if (i < 0) {
                    return -1;
                }
            } else {
                i++;
            }
        }
        return -1;
    }

    /** The index after the quoted text opened at {@code open}; a doubled quote or a backslash escapes one. */
    private static int skipQuoted(String sql, int open) {
        char quote = sql.charAt(open);
        int i = open + 1;
        while (i < sql.length()) {
            char c = sql.charAt(i);
            if (c == '\\' && quote != '`') {
                i += 2;
            } else if (c == quote) {
                if (i + 1 < sql.length() && sql.charAt(i + 1) == quote) {
                    i += 2;
                } else {
                    return i + 1;
                }
            } else {
                i++;
            }
        }
        return -1;
    }

    private static boolean startsComment(String sql, int i) {
        return sql.startsWith("/*", i) || sql.charAt(i) == '#' || lineComment(sql, i);
    }

    /** MySQL's {@code --} starts a comment only when a space or control character follows (or the text ends). */
    private static boolean lineComment(String sql, int i) {
        return sql.startsWith("--", i) && (i + 2 == sql.length() || sql.charAt(i + 2) <= ' ');
    }

    /**
     * The index of the first character at or after {@code from} that is neither whitespace nor inside a comment;
     * -1 for an executable comment or one that never closes.
     */
    private static int skipIgnorable(String sql, int from) {
        int i = from;
        while (i < sql.length()) {
            char c = sql.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (sql.startsWith("/*", i)) {
                if (sql.startsWith("/*!", i) || sql.startsWith("/*M!", i)) {
                    return -1;
                }
                int end = sql.indexOf("*/", i + 2);
                if (end < 0) {
                    return -1;
                }
                i = end + 2;
            } else if (c == '#' || lineComment(sql, i)) {
                int end = sql.indexOf('\n', i);
                if (end < 0) {
                    return sql.length();
                }
                i = end + 1;
            } else {
                return i;
            }
        }
        return i;
    }

    /** The word (letters, digits, underscores) at {@code start}, upper-cased; "" if none starts there. */
    private static String word(String sql, int start) {
        int end = start;
        while (end < sql.length() && (Character.isLetterOrDigit(sql.charAt(end)) || sql.charAt(end) == '_')) {
            end++;
        }
        return sql.substring(start, end).toUpperCase(Locale.ROOT);
    }
}
