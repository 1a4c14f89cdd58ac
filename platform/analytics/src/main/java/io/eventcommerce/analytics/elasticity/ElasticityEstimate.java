package io.eventcommerce.analytics.elasticity;

/** The outcome for one product: an estimate with its interval, or the reason there is none. */
public sealed interface ElasticityEstimate {

    /** Observations the decision rests on (periods with a positive quantity). */
    int observations();

    /**
     * @param elasticity     &epsilon;, the coefficient of ln p
     * @param standardError  its OLS standard error
     * @param lower          lower end of the confidence interval, &epsilon; &minus; t<sub>df</sub> &middot; se
     * @param upper          upper end
     * @param confidence     the interval's level, e.g. 0.95
     * @param priceVariation the coefficient of variation of the prices used
     */
    record Estimated(double elasticity, double standardError, double lower, double upper, double confidence,
                     int observations, double priceVariation) implements ElasticityEstimate {

        public boolean covers(double value) {
            return lower <= value && value <= upper;
        }
    }

    /** Why no estimate is given: the data cannot separate the price's effect from noise or from the controls. */
    enum Reason {
        TOO_FEW_OBSERVATIONS,
        NOT_ENOUGH_PRICE_VARIATION,
        PRICE_COLLINEAR_WITH_CONTROLS
    }

    /** "Not enough variation" in the price_elasticity table, with the figures that led to it. */
    record NotEstimated(Reason reason, int observations, int distinctPrices, double priceVariation)
            implements ElasticityEstimate {
    }
}
