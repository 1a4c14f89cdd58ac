package io.eventcommerce.compliance.fraud.model;

import org.apache.commons.math3.exception.MathIllegalArgumentException;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.CholeskyDecomposition;
import org.apache.commons.math3.linear.RealVector;

import java.time.Instant;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Fits a {@link LogisticScorecard} by L2-penalised, class-weighted logistic regression with Newton–Raphson (IRLS)
 * steps, solved by a Cholesky decomposition (commons-math3). Newton rather than gradient descent because the
 * problem is small (a few dozen weights) and convex, so it converges in a handful of iterations to the one optimum,
 * independent of learning rates; a step is halved while it would lower the objective, so a poor start cannot
 * diverge. Deterministic: the same examples in the same order give the same weights, bit for bit on one JVM and
 * platform (no randomness, no threads, no clock; {@code Math.exp} may differ in the last bit between platforms).
 *
 * <p>The objective is {@code (1/C) sum_i c_i loglik_i - (l2/2) |w|^2} with {@code c_i} the positive class weight
 * for fraudulent examples and 1 for the rest, {@code C = sum c_i}, and the intercept not penalised. Dividing by
 * {@code C} makes {@code l2} independent of the amount of data. Fraud is rare; weighting it up keeps the fit from
 * spending its penalty budget on the legitimate majority. Weighting also shifts the intercept by
 * {@code log(weight)} (the fit sees {@code weight} times the fraud odds), so by default that shift is taken back
 * and the score stays an estimate of the probability of fraud, which is what the decision thresholds are set on.
 *
 * <p>Cost: the standardised examples are held in memory, {@code 8 * examples * (features + 1)} bytes (a million
 * orders on all 19 features: 160 MB), and each iteration is {@code O(examples * features^2)}; a few hundred
 * thousand orders train in seconds. Train off the request path.
 */
public final class ScorecardTrainer {

    private final Options options;

    public ScorecardTrainer(Options options) {
        this.options = Objects.requireNonNull(options, "options");
    }

    public ScorecardTrainer() {
        this(Options.defaults());
    }

    public Options options() {
        return options;
    }

    /**
     * @param version   the model's name ({@link ScorecardMetadata#version()})
     * @param trainedAt stored as the training time
     * @throws IllegalArgumentException without examples of both classes
     * @throws IllegalStateException    if a Newton system cannot be solved (cannot happen with {@code l2 > 0} short
     *                                  of overflow)
     */
    public LogisticScorecard train(List<LabelledExample> examples, String version, Instant trainedAt) {
        int n = examples.size();
        int frauds = (int) examples.stream().filter(LabelledExample::fraud).count();
        if (frauds == 0 || frauds == n) {
            throw new IllegalArgumentException("training needs fraudulent and legitimate examples; got " + frauds
                    + " fraudulent of " + n);
        }
        List<Feature> features = List.copyOf(EnumSet.copyOf(options.features()));
        int p = features.size() + 1;
        Standardisation standardisation =
                Standardisation.fit(options.features(), examples.stream().map(LabelledExample::features).toList());

        double[][] x = new double[n][p];
        double[] y = new double[n];
        double[] c = new double[n];
        double positiveWeight = options.positiveClassWeight() != null
                ? options.positiveClassWeight() : (double) (n - frauds) / frauds;
        double totalWeight = 0;
        Instant from = examples.get(0).time();
        Instant to = from;
        for (int i = 0; i < n; i++) {
            LabelledExample example = examples.get(i);
            x[i][0] = 1.0;
            for (int j = 1; j < p; j++) {
                Feature feature = features.get(j - 1);
                x[i][j] = standardisation.standardise(feature, example.features().get(feature));
            }
            y[i] = example.fraud() ? 1.0 : 0.0;
            c[i] = example.fraud() ? positiveWeight : 1.0;
            totalWeight += c[i];
            from = example.time().isBefore(from) ? example.time() : from;
            to = example.time().isAfter(to) ? example.time() : to;
        }

        double[] beta = new double[p];
        beta[0] = Math.log(positiveWeight * frauds / (n - frauds));
        double objective = objective(beta, x, y, c, totalWeight);
        int iterations = 0;
        boolean converged = false;
        while (iterations < options.maxIterations() && !converged) {
            iterations++;
            double[] step = newtonStep(beta, x, y, c, totalWeight);
            double t = 1.0;
            double[] candidate = add(beta, step, t);
            double candidateObjective = objective(candidate, x, y, c, totalWeight);
            while (candidateObjective < objective && t > 1e-10) {
                t /= 2;
                candidate = add(beta, step, t);
                candidateObjective = objective(candidate, x, y, c, totalWeight);
            }
            double largestChange = 0;
            for (int j = 0; j < p; j++) {
                largestChange = Math.max(largestChange, Math.abs(candidate[j] - beta[j]));
            }
            if (candidateObjective >= objective) {
                beta = candidate;
                objective = candidateObjective;
            }
            // a step that even shrunk to 1e-10 of itself cannot raise the objective means the optimum is reached to
            // machine precision: stop there rather than spin to the iteration limit
            converged = largestChange < options.tolerance() || candidateObjective < objective;
        }

        double intercept = beta[0] - (options.correctInterceptForClassWeight() ? Math.log(positiveWeight) : 0.0);
        EnumMap<Feature, Double> weights = new EnumMap<>(Feature.class);
        for (int j = 1; j < p; j++) {
            weights.put(features.get(j - 1), beta[j]);
        }
        ScorecardMetadata metadata = new ScorecardMetadata(version, trainedAt, n, frauds, from, to, options.l2(),
                positiveWeight, iterations, converged);
        return new LogisticScorecard(metadata, intercept, weights, standardisation);
    }

    private double objective(double[] beta, double[][] x, double[] y, double[] c, double totalWeight) {
        double sum = 0;
        for (int i = 0; i < x.length; i++) {
            double eta = dot(beta, x[i]);
            double logOnePlusExp = eta > 0 ? eta + Math.log1p(Math.exp(-eta)) : Math.log1p(Math.exp(eta));
            sum += c[i] * (y[i] * eta - logOnePlusExp);
        }
        double penalty = 0;
        for (int j = 1; j < beta.length; j++) {
            penalty += beta[j] * beta[j];
        }
        return sum / totalWeight - options.l2() / 2 * penalty;
    }

    private double[] newtonStep(double[] beta, double[][] x, double[] y, double[] c, double totalWeight) {
        int p = beta.length;
        double[] gradient = new double[p];
        double[][] hessian = new double[p][p];
        for (int i = 0; i < x.length; i++) {
            double mu = LogisticScorecard.sigmoid(dot(beta, x[i]));
            double residual = c[i] * (y[i] - mu) / totalWeight;
            double curvature = c[i] * mu * (1 - mu) / totalWeight;
            double[] row = x[i];
            for (int j = 0; j < p; j++) {
                gradient[j] += residual * row[j];
                double scaled = curvature * row[j];
                for (int k = j; k < p; k++) {
                    hessian[j][k] += scaled * row[k];
                }
            }
        }
        for (int j = 0; j < p; j++) {
            if (j > 0) {
                gradient[j] -= options.l2() * beta[j];
                hessian[j][j] += options.l2();
            }
            hessian[j][j] += 1e-12;
            for (int k = 0; k < j; k++) {
                hessian[j][k] = hessian[k][j];
            }
        }
        try {
            RealVector step = new CholeskyDecomposition(new Array2DRowRealMatrix(hessian, false))
                    .getSolver().solve(new ArrayRealVector(gradient, false));
            return step.toArray();
        } catch (MathIllegalArgumentException e) {
            throw new IllegalStateException("the Newton system is not positive definite", e);
        }
    }

    private static double[] add(double[] beta, double[] step, double t) {
        double[] result = new double[beta.length];
        for (int j = 0; j < beta.length; j++) {
            result[j] = beta[j] + t * step[j];
        }
        return result;
    }

    private static double dot(double[] a, double[] b) {
        double sum = 0;
        for (int j = 0; j < a.length; j++) {
            sum += a[j] * b[j];
        }
        return sum;
    }

    /**
     * Training settings.
     *
     * @param l2                             penalty on the standardised weights, &gt; 0 (keeps rare, perfectly
     *                                       separating features finite and the Newton system solvable)
     * @param positiveClassWeight            weight of a fraudulent example, &gt; 0; {@code null}: balanced
     *                                       ({@code legitimate / fraudulent})
     * @param maxIterations                  Newton iterations at most, &ge; 1
     * @param tolerance                      converged once no coefficient moves by this much, &gt; 0
     * @param features                       the features the model uses, not empty
     * @param correctInterceptForClassWeight take the class weight's {@code log(weight)} back out of the intercept
     */
    public record Options(double l2, Double positiveClassWeight, int maxIterations, double tolerance,
                          Set<Feature> features, boolean correctInterceptForClassWeight) {

        public Options {
            if (!(l2 > 0) || !Double.isFinite(l2)) {
                throw new IllegalArgumentException("l2 must be positive, was " + l2);
            }
            if (positiveClassWeight != null && (!(positiveClassWeight > 0) || positiveClassWeight.isInfinite())) {
                throw new IllegalArgumentException("positiveClassWeight must be positive, was " + positiveClassWeight);
            }
            if (maxIterations < 1) {
                throw new IllegalArgumentException("maxIterations must be >= 1, was " + maxIterations);
            }
            if (!(tolerance > 0)) {
                throw new IllegalArgumentException("tolerance must be positive, was " + tolerance);
            }
            if (features == null || features.isEmpty()) {
                throw new IllegalArgumentException("features must not be empty");
            }
            features = Collections.unmodifiableSet(EnumSet.copyOf(features));
        }

        /** l2 0.001, balanced classes, 50 iterations, tolerance 1e-8, all features, intercept corrected. */
        public static Options defaults() {
            return new Options(1e-3, null, 50, 1e-8, EnumSet.allOf(Feature.class), true);
        }

        public Options withL2(double value) {
            return new Options(value, positiveClassWeight, maxIterations, tolerance, features,
                    correctInterceptForClassWeight);
        }

        public Options withPositiveClassWeight(Double value) {
            return new Options(l2, value, maxIterations, tolerance, features, correctInterceptForClassWeight);
        }

        public Options withMaxIterations(int value) {
            return new Options(l2, positiveClassWeight, value, tolerance, features, correctInterceptForClassWeight);
        }

        public Options withTolerance(double value) {
            return new Options(l2, positiveClassWeight, maxIterations, value, features, correctInterceptForClassWeight);
        }

        public Options withFeatures(Set<Feature> value) {
            return new Options(l2, positiveClassWeight, maxIterations, tolerance, value, correctInterceptForClassWeight);
        }

        public Options withCorrectInterceptForClassWeight(boolean value) {
            return new Options(l2, positiveClassWeight, maxIterations, tolerance, features, value);
        }
    }
}
