package io.eventcommerce.insights.reorder;

import org.apache.commons.math3.distribution.NormalDistribution;

import java.util.List;

/**
 * The reorder arithmetic for one product in one warehouse, from its daily forecast: demand over the lead time L is
 * the sum of the daily means over L days; σ of a day is read off its 80 % interval, (upper80 − mean) / 1.2816, and
 * σ over L is the root of the days' σ² summed (days taken as independent); safety stock is z(service level) · σ_L;
 * the reorder point is demand over L plus safety stock. Below it (available plus on order), the suggestion fills up
 * to the demand over L plus the review period, plus safety stock. Days past the forecast's horizon take the mean
 * (and σ) of its last 7 days. The warehouse's share scales demand and σ alike: the warehouse is taken to see a fixed
 * fraction of the product's demand.
 */
public final class ReorderPolicy {

    /** z of the 80 % two-sided interval's upper bound (the 90th percentile of the standard normal). */
    static final double Z80 = 1.2816;
    private static final int TAIL_DAYS = 7;

    private final double serviceLevel;
    private final double z;
    private final int reviewPeriodDays;

    public ReorderPolicy(double serviceLevel, int reviewPeriodDays) {
        if (!(serviceLevel > 0 && serviceLevel < 1) || reviewPeriodDays < 0) {
            throw new IllegalArgumentException("need 0 < service level < 1 and a review period >= 0");
        }
        this.serviceLevel = serviceLevel;
        this.z = new NormalDistribution(0, 1).inverseCumulativeProbability(serviceLevel);
        this.reviewPeriodDays = reviewPeriodDays;
    }

    /** One forecast day of the product: its mean and the upper bound of its 80 % interval. */
    public record Day(double mean, double upper80) {
    }

    /**
     * @param demandOverCover demand over the lead time plus the review period
     * @param quantity        units to order; 0 when available plus on order reach the reorder point
     */
    public record Result(double demandOverLeadTime, double demandOverCover, double sigmaLeadTime, double safetyStock,
                         double reorderPoint, int quantity) {
    }

    public double serviceLevel() {
        return serviceLevel;
    }

    public double z() {
        return z;
    }

    public int reviewPeriodDays() {
        return reviewPeriodDays;
    }

    /**
     * @param days  the forecast from its first day; at least one
     * @param share this warehouse's fraction of the product's demand, 0 to 1
     */
    public Result evaluate(List<Day> days, int leadTimeDays, double share, int available, int onOrder) {
        if (days.isEmpty() || leadTimeDays < 0 || share < 0 || share > 1) {
            throw new IllegalArgumentException("need forecast days, a lead time >= 0 and a share in [0, 1]");
        }
        int tail = Math.min(TAIL_DAYS, days.size());
        double tailMean = 0;
        double tailSigma = 0;
        for (Day day : days.subList(days.size() - tail, days.size())) {
            tailMean += day.mean();
            tailSigma += sigma(day);
        }
        tailMean /= tail;
        tailSigma /= tail;
        double demandOverLeadTime = 0;
        double variance = 0;
        double demandOverCover = 0;
        for (int i = 0; i < leadTimeDays + reviewPeriodDays; i++) {
            double mean = i < days.size() ? days.get(i).mean() : tailMean;
            if (i < leadTimeDays) {
                double sigma = i < days.size() ? sigma(days.get(i)) : tailSigma;
                demandOverLeadTime += mean;
                variance += sigma * sigma;
            }
            demandOverCover += mean;
        }
        demandOverLeadTime *= share;
        demandOverCover *= share;
        double sigmaLeadTime = Math.sqrt(variance) * share;
        double safetyStock = z * sigmaLeadTime;
        double reorderPoint = demandOverLeadTime + safetyStock;
        long position = (long) available + onOrder;
        int quantity = position < reorderPoint
                ? (int) Math.max(0, Math.ceil(demandOverCover + safetyStock - position)) : 0;
        return new Result(demandOverLeadTime, demandOverCover, sigmaLeadTime, safetyStock, reorderPoint, quantity);
    }

    private static double sigma(Day day) {
        return Math.max(0, day.upper80() - day.mean()) / Z80;
    }
}
