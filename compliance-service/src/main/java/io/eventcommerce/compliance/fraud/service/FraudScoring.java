package io.eventcommerce.compliance.fraud.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.eventcommerce.compliance.ComplianceConfig;
import io.eventcommerce.compliance.fraud.domain.FraudDetection;
import io.eventcommerce.compliance.fraud.domain.FraudModelVersion;
import io.eventcommerce.compliance.fraud.domain.FraudModelVersionRepository;
import io.eventcommerce.compliance.fraud.model.Assessment;
import io.eventcommerce.compliance.fraud.model.DecisionPolicy;
import io.eventcommerce.compliance.fraud.model.Feature;
import io.eventcommerce.compliance.fraud.model.FeatureVector;
import io.eventcommerce.compliance.fraud.model.FraudAssessor;
import io.eventcommerce.compliance.fraud.model.HardRule;
import io.eventcommerce.compliance.fraud.model.HardRules;
import io.eventcommerce.compliance.fraud.model.LogisticScorecard;
import io.eventcommerce.compliance.fraud.model.RulesBaseline;
import io.eventcommerce.compliance.fraud.model.ScorecardDefinition;
import jakarta.enterprise.context.ApplicationScoped;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Scores a feature vector with the active model version and, if one is set, the shadow version (which is stored
 * beside the decision but never decides). Before any version is active the rules-only baseline scores
 * ({@value #BASELINE_VERSION}): a fresh platform has no labelled outcomes to learn from yet. The versions are read
 * from {@code fraud_model} and cached; an activation on any instance is seen here within
 * {@code compliance.fraud.model-refresh-every}, and at once on the instance that made it.
 */
@ApplicationScoped
public class FraudScoring {

    public static final String BASELINE_VERSION = "rules-v1";

    private final FraudModelVersionRepository versions;
    private final ComplianceConfig config;
    private final ObjectMapper json;
    private final HardRules rules;
    private final DecisionPolicy policy;
    private final RulesBaseline baseline = RulesBaseline.standard();
    private volatile Loaded loaded;

    /** The versions in use, as last read. */
    private record Loaded(Optional<Scorer> active, Optional<Scorer> shadow, long readAt) {
    }

    private record Scorer(String version, FraudAssessor assessor) {
    }

    /** The active verdict, and the shadow's where a shadow version is set. */
    public record Verdicts(FraudDetection.Assessment active, FraudDetection.Assessment shadow) {
    }

    public FraudScoring(FraudModelVersionRepository versions, ComplianceConfig config, ObjectMapper json) {
        this.versions = versions;
        this.config = config;
        this.json = json;
        ComplianceConfig.Fraud fraud = config.fraud();
        this.policy = new DecisionPolicy(fraud.reviewThreshold(), fraud.rejectThreshold());
        this.rules = HardRules.of(fraud.rules().customersPerCardReject(), fraud.rules().declinesInARowReview(),
                fraud.rules().customersPerShippingAddressReview());
    }

    public DecisionPolicy policy() {
        return policy;
    }

    public HardRules rules() {
        return rules;
    }

    public RulesBaseline baseline() {
        return baseline;
    }

    /** In the caller's transaction (the model versions are read through it when the cache is stale). */
    public Verdicts assess(FeatureVector features) {
        Loaded current = current();
        FraudDetection.Assessment active = current.active().map(s -> verdict(s, features))
                .orElseGet(() -> baselineVerdict(features));
        FraudDetection.Assessment shadow = current.shadow().map(s -> verdict(s, features)).orElse(null);
        return new Verdicts(active, shadow);
    }

    /** Forgets the cached versions: the next assessment reads them again (after an activation). */
    public void refresh() {
        loaded = null;
    }

    private Loaded current() {
        Loaded now = loaded;
        if (now == null || System.nanoTime() - now.readAt() > config.fraud().modelRefreshEvery().toNanos()) {
            now = new Loaded(versions.withStatus(FraudModelVersion.Status.ACTIVE).map(this::scorer),
                    versions.withStatus(FraudModelVersion.Status.SHADOW).map(this::scorer), System.nanoTime());
            loaded = now;
        }
        return now;
    }

    private Scorer scorer(FraudModelVersion version) {
        try {
            LogisticScorecard scorecard = LogisticScorecard.fromDefinition(
                    json.readValue(version.model(), ScorecardDefinition.class));
            return new Scorer(version.label(), new FraudAssessor(scorecard, rules, policy,
                    config.fraud().reasonCount(), FraudAssessor.DEFAULT_MIN_CONTRIBUTION));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("fraud model " + version.label() + " cannot be read", e);
        }
    }

    private FraudDetection.Assessment verdict(Scorer scorer, FeatureVector features) {
        Assessment a = scorer.assessor().assess(features);
        Map<String, Object> explanation = new LinkedHashMap<>();
        explanation.put("model", scorer.version());
        explanation.put("probability", a.modelProbability());
        explanation.put("intercept", a.explanation().intercept());
        Map<String, Double> contributions = new LinkedHashMap<>();
        a.explanation().contributions().entrySet().stream()
                .sorted(Map.Entry.<Feature, Double>comparingByValue(Comparator.reverseOrder()))
                .forEach(e -> contributions.put(e.getKey().code(), e.getValue()));
        explanation.put("contributions", contributions);
        explanation.put("hardRules", rules.firing(features).stream().map(HardRule::reasonCode).toList());
        explanation.put("thresholds", Map.of("review", policy.reviewAt(), "reject", policy.rejectAt()));
        return new FraudDetection.Assessment(score(a.score()), a.decisionCode(), a.reasons(), toJson(explanation),
                scorer.version());
    }

    /** The baseline: fixed points per rule, the hard rules' floors on top; reasons are the rules that fired. */
    private FraudDetection.Assessment baselineVerdict(FeatureVector features) {
        HardRules.Floored floored = rules.floor(baseline.score(features), policy, features);
        List<String> reasons = new ArrayList<>(floored.reasons());
        Map<String, Double> points = new LinkedHashMap<>();
        baseline.rules().stream().filter(r -> features.get(r.feature()) >= r.atLeast())
                .sorted(Comparator.comparingDouble(RulesBaseline.PointRule::points).reversed())
                .forEach(r -> points.put(r.feature().code(), r.points()));
        points.keySet().stream().filter(code -> !reasons.contains(code)).limit(config.fraud().reasonCount())
                .forEach(reasons::add);
        Map<String, Object> explanation = new LinkedHashMap<>();
        explanation.put("model", BASELINE_VERSION);
        explanation.put("points", points);
        explanation.put("hardRules", floored.reasons());
        explanation.put("thresholds", Map.of("review", policy.reviewAt(), "reject", policy.rejectAt()));
        return new FraudDetection.Assessment(score(floored.score()), floored.decision().code(), reasons,
                toJson(explanation), BASELINE_VERSION);
    }

    /** Three places, as orders-service stores the score. */
    private static BigDecimal score(double value) {
        return BigDecimal.valueOf(Math.max(0, Math.min(1, value))).setScale(3, RoundingMode.HALF_UP);
    }

    private String toJson(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
