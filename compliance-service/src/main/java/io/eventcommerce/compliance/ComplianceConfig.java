package io.eventcommerce.compliance;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.util.Optional;

/** compliance-service's settings (application.properties; environment variables COMPLIANCE_FRAUD_…). */
@ConfigMapping(prefix = "compliance")
public interface ComplianceConfig {

    Fraud fraud();

    /** The audit trail (package audit; compliance-service/README.md "Audit trail"). */
    Audit audit();

    interface Fraud {

        /**
         * A score (a calibrated probability of fraud) at or above this puts the order on hold for an officer
         * (REVIEW). With about 2 % of orders fraudulent, a held order is then ten times as likely as the average.
         */
        @WithDefault("0.20")
        double reviewThreshold();

        /** A score at or above this rejects the order (REJECT); above the review threshold. */
        @WithDefault("0.60")
        double rejectThreshold();

        /** The hard rules, which floor the decision whatever the score (HardRules). */
        Rules rules();

        /** How many reason codes an assessment names at most (the largest positive contributions). */
        @WithDefault("4")
        int reasonCount();

        /** A held order waiting longer than this is flagged overdue in the review queue. */
        @WithDefault("PT4H")
        Duration reviewOverdueAfter();

        /**
         * A paid order with no fraud label this long after its placement counts as legitimate when a model is
         * trained: chargebacks arrive weeks later, so a younger order's label is not known yet.
         */
        @WithDefault("P60D")
        Duration labelMaturity();

        /** The earliest share of labelled orders (by placement time) a retrain fits on; the rest evaluates it. */
        @WithDefault("0.7")
        double trainShare();

        /** How often an instance looks for a newly activated model version (another instance may activate it). */
        @WithDefault("10s")
        Duration modelRefreshEvery();
    }

    interface Rules {

        /** A card used by this many customers rejects the order (card testing, a stolen card passed around). */
        @WithDefault("4")
        int customersPerCardReject();

        /** This many declined payments in a row puts the next order on hold. */
        @WithDefault("3")
        int declinesInARowReview();

        /** A shipping address this many customers ship to puts the order on hold (a drop address). */
        @WithDefault("5")
        int customersPerShippingAddressReview();
    }

    // --- Audit trail --------------------------------------------------------------------------------------------

    interface Audit {

        /**
         * Whether this instance consumes the audit topics. One instance appends at a time anyway (the head row lock);
         * a test instance may leave it to another.
         */
        @WithDefault("true")
        boolean consume();

        /** The audit connector's topics, audit.&lt;schema&gt;.&lt;table&gt; (a pattern subscription: new tables join). */
        @WithDefault("audit[.][a-z0-9_]+[.][a-z0-9_]+")
        String topicPattern();

        /** The consumer group of the audit topics; apart from the domain channels' group. */
        @WithDefault("compliance-service-audit")
        String group();

        /** Where a record that is no Debezium row change goes, with the reason (it cannot become an entry). */
        @WithDefault("audit.compliance-service-audit.dlq")
        String deadLetterTopic();

        /** Records per poll, hence per batch and database transaction at most. */
        @WithDefault("2000")
        int batchSize();

        /**
         * The Ed25519 private key that signs checkpoints, PKCS#8 DER in base64. Required in production (start-up
         * fails without it); the dev and test profiles carry the public development key of DevSecrets.
         */
        Optional<String> signingKey();

        /** How often a checkpoint of the head is signed (when the head moved since the last one). */
        @WithDefault("10m")
        Duration checkpointEvery();
    }
}
