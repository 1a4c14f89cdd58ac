package io.eventcommerce.compliance;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** compliance-service's settings (application.properties; environment variables COMPLIANCE_FRAUD_…). */
@ConfigMapping(prefix = "compliance")
public interface ComplianceConfig {

    Fraud fraud();

    /** Customer risk scores (package risk). */
    Risk risk();

    /** The compliance checks (package checks). */
    Checks checks();

    /** Personal data this service keeps, and for how long (GDPR storage limitation). */
    Gdpr gdpr();

    /** Data-subject requests (package privacy). */
    Privacy privacy();

    /** The audit trail (package audit; compliance-service/README.md "Audit trail"). */
    Audit audit();

    interface Checks {

        Pci pci();

        /** The PCI scan of events in transit (checks.service.PciTransitScanner; README "Compliance checks"). */
        PciTransit pciTransit();
    }

    // --- PCI scan of events in transit (package checks) -------------------------------------------------------

    interface PciTransit {

        /**
         * Whether this instance scans the topics. Instances share the group's partitions; one that leaves it to the
         * others still runs the check (its evidence comes from the database and the broker).
         */
        @WithDefault("true")
        boolean enabled();

        /**
         * The topics scanned, a pattern subscription (a new topic joins within seconds): domain topics
         * &lt;owner&gt;.&lt;aggregate&gt; and the audit connector's audit.&lt;schema&gt;.&lt;table&gt;; dead-letter
         * topics (&lt;topic&gt;.&lt;group&gt;.dlq) and internal ones (_connect-…, __consumer_offsets) are not.
         */
        @WithDefault("[a-z][a-z0-9-]*[.][a-z][a-z0-9-]*|audit[.][a-z0-9_]+[.][a-z0-9_]+")
        String topicPattern();

        /** The scanner's consumer group: its own, so it neither takes records from nor delays any other consumer. */
        @WithDefault("compliance-service-pci-transit")
        String group();

        /** Records per poll, hence per database transaction at most. */
        @WithDefault("2000")
        int batchSize();

        /** How long a run waits for the broker (the group's offsets and the topics' ends) before it ERRORs. */
        @WithDefault("10s")
        Duration brokerTimeout();
    }

    interface Pci {

        /**
         * Schemas the stored-data scan reads besides the service's own ({@code compliance}), comma-separated; the
         * service's database user must be able to read them.
         */
        Optional<List<String>> schemas();
    }

    interface Gdpr {

        /**
         * How long an order's client IP address is kept: long enough for chargebacks (which arrive within months) to
         * be investigated, then cleared; the IP's country, which the fraud features use, stays.
         */
        @WithDefault("P365D")
        Duration clientIpRetention();
    }

    /** Data-subject requests (privacy package). */
    interface Privacy {

        /**
         * The services that hold personal data and must answer every data-subject request: a request is complete
         * when each has. A service added to the platform that keeps personal data is added here.
         */
        @WithDefault("catalog-service,orders-service,compliance-service")
        List<String> services();

        /** The legal deadline of an answer from the request (GDPR Art. 12(3): one month). */
        @WithDefault("P30D")
        Duration answerWithin();

        /**
         * How long a run of the gdpr-consent check waits for every service's report of what it processes on consent;
         * a service that has not answered by then makes the run ERROR.
         */
        @WithDefault("30s")
        Duration consentAnswerWithin();
    }

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

    interface Risk {

        /** A customer's risk score at or above this is MEDIUM. */
        @WithDefault("0.25")
        double mediumAt();

        /** A customer's risk score at or above this is HIGH; above medium-at. */
        @WithDefault("0.60")
        double highAt();

        /** How far back the fraud scores of a customer's orders count (the rolling window, from now). */
        @WithDefault("P90D")
        Duration window();
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

        /**
         * How long entries are kept: a monthly partition is dropped once its upper bound is this far in the past
         * (unless a legal hold covers some of its entries, which are kept). An ISO-8601 period (P7Y, the
         * retention of the books) or, for tests, a duration (PT1S).
         */
        @WithDefault("P7Y")
        String retention();

        /** The retention purge (AuditRetention). */
        Purge purge();
    }

    interface Purge {

        /** When the purge runs (Quarkus cron, UTC); {@code off} disables the schedule. Daily by default. */
        @WithDefault("0 41 2 * * ?")
        String cron();
    }
}
