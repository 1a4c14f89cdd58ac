package io.eventcommerce.devstack;

import io.eventcommerce.events.Topics;

/**
 * Every topic of {@link Topics} with what a deployment must know about it: its owner (by the naming convention
 * {@code <owning service>.<aggregate>}) and how long Kafka keeps it. deploy/k8s/kafka/topics.yaml declares each
 * one so; RegistrationDriftTest fails when a topic or its retention is missing there.
 */
public enum PlatformTopic {

    CATALOG_PRODUCT(Topics.CATALOG_PRODUCT, Retention.LATEST_PER_KEY),
    CATALOG_INVENTORY(Topics.CATALOG_INVENTORY, Retention.HISTORY),
    CATALOG_RESERVATION(Topics.CATALOG_RESERVATION, Retention.HISTORY),
    CATALOG_PROMOTION(Topics.CATALOG_PROMOTION, Retention.LATEST_PER_KEY),
    CATALOG_PURCHASE_ORDER(Topics.CATALOG_PURCHASE_ORDER, Retention.LATEST_PER_KEY),
    ORDERS_ORDER(Topics.ORDERS_ORDER, Retention.HISTORY),
    ORDERS_PAYMENT(Topics.ORDERS_PAYMENT, Retention.HISTORY),
    ORDERS_CUSTOMER(Topics.ORDERS_CUSTOMER, Retention.LATEST_PER_KEY),
    COMPLIANCE_FRAUD(Topics.COMPLIANCE_FRAUD, Retention.HISTORY),
    COMPLIANCE_PRIVACY_REQUEST(Topics.COMPLIANCE_PRIVACY_REQUEST, Retention.HISTORY),
    COMPLIANCE_PRIVACY_RESPONSE(Topics.COMPLIANCE_PRIVACY_RESPONSE, Retention.BOUNDED),
    INSIGHTS_REORDER(Topics.INSIGHTS_REORDER, Retention.HISTORY),
    ORDERS_TOTALS(Topics.ORDERS_TOTALS, Retention.HISTORY),
    INSIGHTS_ALERT(Topics.INSIGHTS_ALERT, Retention.HISTORY),
    INSIGHTS_PRICING(Topics.INSIGHTS_PRICING, Retention.HISTORY),
    CATALOG_CATEGORY(Topics.CATALOG_CATEGORY, Retention.LATEST_PER_KEY);

    /** How long the records of a topic are kept. */
    public enum Retention {
        /**
         * Domain events: the history itself (a new consumer group, a replica rebuilt from scratch, an audit read
         * it from the start), so never deleted by age ({@code retention.ms=-1}).
         */
        HISTORY,
        /**
         * The state of an entity, each event a full snapshot keyed by the entity's id: compacted
         * ({@code cleanup.policy=compact}), so the latest state of every entity stays and older ones go.
         */
        LATEST_PER_KEY,
        /**
         * Messages that carry personal data on their way to one consumer (data-subject exports): deleted after a
         * finite {@code retention.ms}, never compacted, so an erased person's export does not stay in the log.
         */
        BOUNDED
    }

    private final String topic;
    private final Retention retention;

    PlatformTopic(String topic, Retention retention) {
        this.topic = topic;
        this.retention = retention;
    }

    public static PlatformTopic byName(String topic) {
        for (PlatformTopic known : values()) {
            if (known.topic.equals(topic)) {
                return known;
            }
        }
        throw new IllegalArgumentException("No topic named " + topic);
    }

    public String topic() {
        return topic;
    }

    public Retention retention() {
        return retention;
    }

    /** The service that publishes the topic: {@code catalog.product} belongs to {@code catalog-service}. */
    public String owner() {
        return topic.substring(0, topic.indexOf('.')) + "-service";
    }
}
