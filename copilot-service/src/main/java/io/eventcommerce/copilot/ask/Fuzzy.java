package io.eventcommerce.copilot.ask;

/**
 * Typo tolerance for names: optimal-string-alignment distance (Levenshtein plus swapped neighbours, so "Germnay"
 * is one edit from "germany"), with a budget that grows with the word so short words must match exactly.
 */
final class Fuzzy {

    private Fuzzy() {
    }

    /** The edits a word of this length may have and still match: 0 up to 3 letters, 1 up to 7, else 2. */
    static int budget(int length) {
        return length <= 3 ? 0 : length <= 7 ? 1 : 2;
    }

    static int distance(String a, String b) {
        int n = a.length();
        int m = b.length();
        if (Math.abs(n - m) > 2) {
            return 3;
        }
        int[][] d = new int[n + 1][m + 1];
        for (int i = 0; i <= n; i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= m; j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= n; i++) {
            for (int j = 1; j <= m; j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[n][m];
    }
}
