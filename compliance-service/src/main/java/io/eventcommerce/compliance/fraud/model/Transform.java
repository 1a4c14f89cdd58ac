package io.eventcommerce.compliance.fraud.model;

/**
 * How a feature's raw value is bent before standardisation, so that a linear model in log-odds fits it: counts and
 * amounts are heavy-tailed (the tenth order in an hour is not ten times as suspicious as the first), a z-score's tail
 * must not let one extreme order dominate the fit, and indicators and shares are already on a bounded scale.
 * Each transform also rejects raw values that cannot come from a correct feature computation, so a bug in the
 * service's feature queries fails loudly instead of scoring nonsense.
 */
public enum Transform {

    /** {@code log(1 + x)} for counts and amounts, {@code x >= 0}. */
    LOG1P,
    /** The value clamped to {@code [-CAP, CAP]}, for robust z-scores; any finite value. */
    CAPPED_ZSCORE,
    /** 0 or 1, unchanged. */
    INDICATOR,
    /** A share in {@code [0, 1]}, unchanged. */
    SHARE;

    /** The z-score cap: beyond 6 robust standard deviations an amount is simply "far off". */
    public static final double CAP = 6.0;

    /** The transformed value of a raw value this transform accepts ({@link #validate}). */
    public double apply(double raw) {
        return switch (this) {
            case LOG1P -> Math.log1p(raw);
            case CAPPED_ZSCORE -> Math.max(-CAP, Math.min(CAP, raw));
            case INDICATOR, SHARE -> raw;
        };
    }

    /**
     * Checks that {@code raw} is a value this transform can take.
     *
     * @throws IllegalArgumentException naming the feature if not
     */
    public void validate(Feature feature, double raw) {
        if (!Double.isFinite(raw)) {
            throw new IllegalArgumentException(feature + " must be finite, was " + raw);
        }
        boolean ok = switch (this) {
            case LOG1P -> raw >= 0;
            case CAPPED_ZSCORE -> true;
            case INDICATOR -> raw == 0 || raw == 1;
            case SHARE -> raw >= 0 && raw <= 1;
        };
        if (!ok) {
            throw new IllegalArgumentException(feature + " (" + this + ") cannot be " + raw);
        }
    }
}
