package io.eventcommerce.analytics.forecast;

/**
 * The Syntetos-Boylan demand classes (Syntetos, Boylan and Croston, 2005), by the average inter-demand interval
 * (ADI, taken as days per day with demand) and the squared coefficient of variation of the non-zero demand sizes
 * (CV²), cut at 1.32 and 0.49. They
 * decide the candidate models: smooth and erratic series get the seasonal models, intermittent and lumpy ones
 * Croston and SBA.
 */
public enum SeriesClass {
    /** Demand most days, sizes regular (ADI &lt; 1.32, CV² &lt; 0.49). */
    SMOOTH,
    /** Demand most days, sizes irregular (ADI &lt; 1.32, CV² ≥ 0.49). */
    ERRATIC,
    /** Many days without demand, sizes regular (ADI ≥ 1.32, CV² &lt; 0.49). */
    INTERMITTENT,
    /** Many days without demand, sizes irregular (ADI ≥ 1.32, CV² ≥ 0.49). */
    LUMPY,
    /** No demand at all in the history. */
    ZERO;

    /** ADI cut-off of Syntetos and Boylan. */
    public static final double ADI_CUT = 1.32;
    /** CV² cut-off of Syntetos and Boylan. */
    public static final double CV2_CUT = 0.49;

    /** Whether many days carry no demand, so Croston-type models are the candidates. */
    public boolean isIntermittent() {
        return this == INTERMITTENT || this == LUMPY;
    }

    /** Classifies a daily demand series. */
    public static SeriesClass of(double[] y) {
        int nonZero = 0;
        double sum = 0;
        double sumSq = 0;
        for (double v : y) {
            if (v != 0) {
                nonZero++;
                sum += v;
                sumSq += v * v;
            }
        }
        if (nonZero == 0) {
            return ZERO;
        }
        double adi = (double) y.length / nonZero;
        double mean = sum / nonZero;
        double variance = nonZero > 1 ? (sumSq - nonZero * mean * mean) / (nonZero - 1) : 0;
        double cv2 = Math.max(0, variance) / (mean * mean);
        if (adi < ADI_CUT) {
            return cv2 < CV2_CUT ? SMOOTH : ERRATIC;
        }
        return cv2 < CV2_CUT ? INTERMITTENT : LUMPY;
    }
}
