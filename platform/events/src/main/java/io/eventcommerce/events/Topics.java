package io.eventcommerce.events;

/**
 * Every Kafka topic name of the platform, in one place.
 *
 * <p>Domain topics are named {@code <owning service>.<aggregate>}; the outbox row's aggregate type is the
 * topic name, so Debezium's EventRouter routes it without a mapping table. A consumer's dead-letter topic is
 * {@code <topic>.<consumer group>.dlq}, so two services consuming the same topic never share poison messages.
 *
 * <p>A new topic is also registered with its retention in platform/devstack {@code PlatformTopic} and declared in
 * deploy/k8s/kafka/topics.yaml; {@code RegistrationDriftTest} fails until both are there (docs/new-service.md).
 */
public final class Topics {

    /** Product state changes (event-carried state transfer) from catalog-service. */
    public static final String CATALOG_PRODUCT = "catalog.product";

    /** Stock levels per warehouse and product from catalog-service, keyed by product id. */
    public static final String CATALOG_INVENTORY = "catalog.inventory";

    /** catalog-service's answers to the order saga (stock reserved or rejected), keyed by order id. */
    public static final String CATALOG_RESERVATION = "catalog.reservation";

    /** Promotions (codes, discounts, usage limits, validity) from catalog-service, keyed by promotion id. */
    public static final String CATALOG_PROMOTION = "catalog.promotion";

    /**
     * Purchase orders from catalog-service, keyed by purchase order id: each event the order's full state,
     * compacted. insights-service reads its supply figures and reorder lead times from it.
     */
    public static final String CATALOG_PURCHASE_ORDER = "catalog.purchase-order";

    /**
     * The category tree from catalog-service, keyed by category id: each event the category's full state, compacted.
     * copilot-service builds its category paths from it.
     */
    public static final String CATALOG_CATEGORY = "catalog.category";

    /** Order lifecycle events from orders-service, keyed by order id. */
    public static final String ORDERS_ORDER = "orders.order";

    /** Payments of orders (captured, declined, refunded) from orders-service, keyed by order id. */
    public static final String ORDERS_PAYMENT = "orders.payment";

    /**
     * Customers from orders-service, keyed by customer id: each event the customer's full state on this topic
     * (country, segment, registration time), compacted. Consents travel here too, one key per customer and purpose
     * ({@code <customerId>:<purpose>}), so compaction keeps each one's last state beside the profile's. Never a name,
     * e-mail or address (data minimisation).
     */
    public static final String ORDERS_CUSTOMER = "orders.customer";

    /** Fraud assessments of orders from compliance-service, keyed by order id. */
    public static final String COMPLIANCE_FRAUD = "compliance.fraud";

    /**
     * Data-subject requests (GDPR access and erasure) from compliance-service, keyed by customer id: ids and times
     * only, never personal data. Every service holding personal data consumes it.
     */
    public static final String COMPLIANCE_PRIVACY_REQUEST = "compliance.privacy-request";

    /**
     * Every service's answers to the data-subject requests (exports, erasure evidence), keyed by request id.
     * compliance-service owns the topic (it defines the exchange and is its only consumer); each service publishes its
     * own answer here. Exports carry personal data: the topic deletes records after a bounded retention.
     */
    public static final String COMPLIANCE_PRIVACY_RESPONSE = "compliance.privacy-response";

    /**
     * Reorder suggestions from insights-service, keyed by {@code <productId>:<warehouseId>}; catalog-service drafts
     * a purchase order from each.
     */
    public static final String INSIGHTS_REORDER = "insights.reorder";

    /**
     * orders-service's own totals of each closed UTC day (DailyOrderTotals), keyed by the day; insights-service
     * reconciles its read models with them.
     */
    public static final String ORDERS_TOTALS = "orders.totals";

    /** Alerts from insights-service (ReconciliationAlert), keyed by {@code <day>:<figure>}: for people to act on. */
    public static final String INSIGHTS_ALERT = "insights.alert";

    /**
     * Pricing alerts from insights-service, keyed by product id: a competitor undercutting us
     * ({@code CompetitorUndercut}).
     */
    public static final String INSIGHTS_PRICING = "insights.pricing";

    private Topics() {
    }

    /** The dead-letter topic of one consumer group reading {@code topic}. */
    public static String deadLetter(String topic, String consumerGroup) {
        return topic + "." + consumerGroup + ".dlq";
    }
}
