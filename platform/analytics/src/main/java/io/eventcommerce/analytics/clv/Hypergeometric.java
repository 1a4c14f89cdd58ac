package io.eventcommerce.analytics.clv;

/** The Gauss hypergeometric function 2F1(a, b; c; z) for 0 &lt;= z &lt; 1, which the BG/NBD expectations need. */
final class Hypergeometric {

    private static final int MAX_TERMS = 100_000;
    private static final double TOLERANCE = 1e-14;

    private Hypergeometric() {
    }

    /**
     * The power series sum over k of (a)_k (b)_k / ((c)_k k!) z^k. It converges for |z| &lt; 1; the BG/NBD
     * arguments are t / (alpha + T + t), well inside for any practical horizon.
     */
    static double f21(double a, double b, double c, double z) {
        if (!(z >= 0 && z < 1)) {
            throw new IllegalArgumentException("z must be in [0, 1), was " + z);
        }
        if (!(c > 0)) {
            // c = a + b + x - 1 of BG/NBD; only a + b < 1 with x = 0 gets here, where the series has poles.
            throw new IllegalArgumentException("c must be > 0, was " + c);
        }
        double term = 1;
        double sum = 1;
        for (int k = 0; k < MAX_TERMS; k++) {
            term *= (a + k) * (b + k) / ((c + k) * (k + 1)) * z;
            sum += term;
            if (Math.abs(term) <= TOLERANCE * Math.abs(sum)) {
                return sum;
            }
        }
        throw new ArithmeticException("2F1(" + a + ", " + b + "; " + c + "; " + z + ") did not converge");
    }
}
