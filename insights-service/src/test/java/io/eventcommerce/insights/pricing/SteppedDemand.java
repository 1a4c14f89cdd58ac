package io.eventcommerce.insights.pricing;

/**
 * A product sold at three prices, 4, 9 and 16, with units A &middot; p<sup>-1.5</sup> (4320, 1280, 540: exact) times
 * a factor of 0.8, 1 or 1.25, symmetric in logs so the noise does not lean on the slope: elasticity -1.5.
 */
public final class SteppedDemand {

    public static final int DAYS = 42;
    private static final int[] PRICES = {4, 9, 16};
    private static final int[] BASE = {4320, 1280, 540};
    private static final double[] NOISE = {1, 1.25, 0.8};

    private SteppedDemand() {
    }

    /** Day i's (i days before the last) price. */
    public static int price(int i) {
        return PRICES[i % 3];
    }

    public static int units(int i) {
        return (int) Math.round(BASE[i % 3] * NOISE[(i / 3) % 3]);
    }
}
