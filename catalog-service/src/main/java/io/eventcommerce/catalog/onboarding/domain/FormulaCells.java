package io.eventcommerce.catalog.onboarding.domain;

/**
 * CSV formula injection (OWASP "CSV Injection"): a spreadsheet runs a cell that starts with {@code =}, {@code +},
 * {@code -}, {@code @}, a tab or a carriage return as a formula. A file the platform hands out (the refused rows)
 * therefore gets a leading {@code '} on such cells, which spreadsheets show as text; and a file sent back gets
 * exactly that quote removed again, so {@code '-5} reads as {@code -5} and is judged for its value.
 */
public final class FormulaCells {

    private static final char QUOTE = '\'';

    private FormulaCells() {
    }

    /** Whether a spreadsheet would take a cell starting with {@code c} for a formula. */
    static boolean triggers(char c) {
        return c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r';
    }

    /** The cell, with a leading {@code '} if it would otherwise start a formula. */
    public static String neutralise(String cell) {
        return cell != null && !cell.isEmpty() && triggers(cell.charAt(0)) ? QUOTE + cell : cell;
    }

    /**
     * The cell without the one leading {@code '} that {@link #neutralise} adds; a quote before anything else (or a
     * second one) is the vendor's own text and stays.
     */
    public static String restore(String cell) {
        return cell != null && cell.length() > 1 && cell.charAt(0) == QUOTE && triggers(cell.charAt(1))
                ? cell.substring(1) : cell;
    }
}
