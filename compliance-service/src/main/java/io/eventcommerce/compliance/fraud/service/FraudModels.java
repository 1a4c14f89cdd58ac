package io.eventcommerce.compliance.fraud.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.eventcommerce.compliance.ComplianceConfig;
import io.eventcommerce.compliance.fraud.domain.FraudModelVersion;
import io.eventcommerce.compliance.fraud.domain.FraudModelVersionRepository;
import io.eventcommerce.compliance.fraud.model.Evaluation;
import io.eventcommerce.compliance.fraud.model.EvaluationReport;
import io.eventcommerce.compliance.fraud.model.LabelledExample;
import io.eventcommerce.compliance.fraud.model.LogisticScorecard;
import io.eventcommerce.compliance.fraud.model.ScorecardTrainer;
import io.eventcommerce.servicekit.problem.DomainException;
import io.eventcommerce.servicekit.time.Timestamps;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The fraud model's versions: a retrain fits a new version on the labelled outcomes and stores it with its
 * evaluation as a {@code CANDIDATE}; an admin then activates it (it decides from then on) or sets it as the shadow
 * (scored beside every decision, deciding nothing), after comparing its figures with the active version's.
 *
 * <p>Labelled outcomes: a {@code fraud_label} (chargeback, officer decision, imported label), or, without one, an
 * order paid at least {@code compliance.fraud.label-maturity} before the retrain: chargebacks arrive weeks after
 * payment, so a younger order without one is not known to be legitimate yet and is left out.
 */
@ApplicationScoped
public class FraudModels {

    private static final Logger LOG = Logger.getLogger(FraudModels.class);
    /** Each side of the time split needs this many of each class for figures worth storing. */
    static final int MIN_PER_CLASS = 10;

    private final FraudModelVersionRepository versions;
    private final FraudScoring scoring;
    private final EntityManager em;
    private final OrderFacts facts;
    private final ObjectMapper json;
    private final ComplianceConfig config;

    public FraudModels(FraudModelVersionRepository versions, FraudScoring scoring, EntityManager em,
                       OrderFacts facts, ObjectMapper json, ComplianceConfig config) {
        this.versions = versions;
        this.scoring = scoring;
        this.em = em;
        this.facts = facts;
        this.json = json;
        this.config = config;
    }

    /**
     * Fits a new version on the labelled outcomes known now and stores it as a candidate with its evaluation: trained
     * on the earliest {@code compliance.fraud.train-share} of the examples by placement time and evaluated on the
     * rest, against the rules-only baseline. The stored model is the evaluated one, so its figures are its own.
     *
     * @throws DomainException CONFLICT when there are too few labelled outcomes of either class
     */
    public FraudModelVersion retrain(String by) {
        Instant now = Timestamps.now();
        List<LabelledExample> examples = QuarkusTransaction.requiringNew().call(() -> examples(now));
        long fraud = examples.stream().filter(LabelledExample::fraud).count();
        if (fraud < 2L * MIN_PER_CLASS || examples.size() - fraud < 2L * MIN_PER_CLASS) {
            throw DomainException.conflict("Not enough labelled outcomes to train on: " + fraud + " fraudulent and "
                    + (examples.size() - fraud) + " legitimate orders (at least " + 2 * MIN_PER_CLASS
                    + " of each are needed)");
        }
        Evaluation.Split split;
        try {
            split = Evaluation.timeSplit(examples, config.fraud().trainShare());
        } catch (IllegalArgumentException e) {
            throw DomainException.conflict("The labelled outcomes cannot be split by time: " + e.getMessage());
        }
        long trainFraud = split.train().stream().filter(LabelledExample::fraud).count();
        long testFraud = split.test().stream().filter(LabelledExample::fraud).count();
        if (Math.min(trainFraud, testFraud) < MIN_PER_CLASS
                || Math.min(split.train().size() - trainFraud, split.test().size() - testFraud) < MIN_PER_CLASS) {
            throw DomainException.conflict("Too few labelled outcomes on one side of the time split at "
                    + split.cutoff() + ": " + trainFraud + " of " + split.train().size() + " fraudulent before, "
                    + testFraud + " of " + split.test().size() + " after (at least " + MIN_PER_CLASS
                    + " of each class on each side are needed)");
        }
        return QuarkusTransaction.requiringNew().call(() -> {
            int version = versions.nextVersion();
            LogisticScorecard scorecard = new ScorecardTrainer().train(split.train(), "v" + version, now);
            EvaluationReport report = Evaluation.evaluate(scorecard, split, scoring.rules(), scoring.policy(),
                    scoring.baseline());
            FraudModelVersion stored = new FraudModelVersion(version, toJson(scorecard.toDefinition()),
                    toJson(report), examples.size(), (int) fraud, examples.get(0).time(),
                    examples.get(examples.size() - 1).time(), by, now);
            versions.persist(stored);
            LOG.infof("fraud model v%d trained on %d examples (%d fraudulent): ROC-AUC %.3f (rules %.3f)",
                    version, split.train().size(), trainFraud, report.modelWithRules().rocAuc(),
                    report.rulesOnly().rocAuc());
            return stored;
        });
    }

    /** The labelled examples in placement order, as of {@code now}. */
    List<LabelledExample> examples(Instant now) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                        SELECT o.features, o.placed_at, l.fraud
                        FROM order_fact o LEFT JOIN fraud_label l ON l.order_id = o.order_id
                        LEFT JOIN order_paid p ON p.order_id = o.order_id
                        WHERE l.order_id IS NOT NULL OR (p.order_id IS NOT NULL AND o.placed_at < ?1)
                        ORDER BY o.placed_at, o.order_id""")
                .setParameter(1, Timestamp.from(now.minus(config.fraud().labelMaturity()))).getResultList();
        List<LabelledExample> examples = new ArrayList<>(rows.size());
        for (Object[] row : rows) {
            boolean fraud = row[2] != null && Rows.truth(row[2]);
            examples.add(new LabelledExample(facts.fromJson((String) row[0]), fraud, Timestamps.instant(row[1])));
        }
        return examples;
    }

    /** Makes {@code version} the one that decides; the previously active version retires. */
    @Transactional
    public FraudModelVersion activate(int version) {
        FraudModelVersion chosen = find(version);
        Instant now = Timestamps.now();
        Optional<FraudModelVersion> previous = versions.withStatus(FraudModelVersion.Status.ACTIVE);
        chosen.activate(now); // refuses (409) the version that is active already, before anything changes
        previous.ifPresent(FraudModelVersion::retire);
        scoring.refresh();
        return chosen;
    }

    /** Makes {@code version} the shadow: scored beside the active one on every order; the previous shadow retires. */
    @Transactional
    public FraudModelVersion shadow(int version) {
        FraudModelVersion chosen = find(version);
        versions.withStatus(FraudModelVersion.Status.SHADOW).filter(v -> v.version() != version)
                .ifPresent(FraudModelVersion::retire);
        em.flush();
        chosen.shadow();
        scoring.refresh();
        return chosen;
    }

    @Transactional
    public List<FraudModelVersion> list() {
        return versions.newestFirst();
    }

    @Transactional
    public FraudModelVersion get(int version) {
        return find(version);
    }

    public Optional<String> activeVersion() {
        return QuarkusTransaction.joiningExisting().call(() -> versions.withStatus(FraudModelVersion.Status.ACTIVE)
                .map(FraudModelVersion::label));
    }

    private FraudModelVersion find(int version) {
        return versions.findByIdOptional(version)
                .orElseThrow(() -> DomainException.notFound("Fraud model version", version));
    }

    private String toJson(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
