package io.eventcommerce.insights.rebuild.service;

import io.eventcommerce.insights.catalog.service.ProductReplica;
import io.eventcommerce.insights.catalog.service.StockLevels;
import io.eventcommerce.insights.supply.PurchaseOrderReplica;
import io.eventcommerce.insights.customer.service.CustomerProfiles;
import io.eventcommerce.insights.privacy.InsightsPersonalData;
import io.eventcommerce.insights.sales.service.OrderLifecycle;
import io.eventcommerce.insights.sales.service.Refunds;
import io.eventcommerce.servicekit.time.Timestamps;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** The rebuild's steps that are transactions of their own: claim, empty, finish, and the status. */
@ApplicationScoped
@Transactional
public class RebuildState {

    /** Every table the read-model consumers write, emptied before the replay. */
    static final List<String> READ_MODEL_TABLES = List.of("order_line_fact", "order_fact", "refund_fact",
            "daily_sales", "order_status_total", "customer_summary", "customer_month", "product", "product_sales",
            "stock_level", "purchase_order_line_fact", "purchase_order_fact");
    /** Their inbox records go too, so the replay applies every event again (the privacy answers' stay). */
    static final List<String> CONSUMERS = List.of(OrderLifecycle.CONSUMER, Refunds.CONSUMER,
            CustomerProfiles.CONSUMER, ProductReplica.CONSUMER, StockLevels.CONSUMER,
            PurchaseOrderReplica.CONSUMER);

    public record Status(String status, boolean rebuilding, Instant startedAt, Instant finishedAt,
                         long eventsApplied, long eventsSkipped, String error) {
    }

    private final EntityManager em;
    private final InsightsPersonalData personalData;

    public RebuildState(EntityManager em, InsightsPersonalData personalData) {
        this.em = em;
        this.personalData = personalData;
    }

    /** A customer erased before: their replayed rows are pseudonymised again. */
    public void erase(UUID customerId) {
        personalData.erase(customerId);
    }

    /**
     * Sets the flag the live consumers stop at ({@link ReadModelGuard}); the update waits for their transactions in
     * flight. {@code force} takes over a rebuild left RUNNING by a process that died.
     *
     * @return false if a rebuild runs already
     */
    public boolean claim(boolean force) {
        return em.createNativeQuery("""
                        UPDATE read_model_state SET rebuilding = TRUE, status = 'RUNNING', started_at = ?1,
                            finished_at = NULL, events_applied = 0, events_skipped = 0, error = NULL
                        WHERE id = 1 AND (status <> 'RUNNING' OR ?2)""")
                .setParameter(1, Timestamp.from(Timestamps.now())).setParameter(2, force).executeUpdate() == 1;
    }

    public void empty() {
        for (String table : READ_MODEL_TABLES) {
            em.createNativeQuery("DELETE FROM " + table).executeUpdate();
        }
        for (String consumer : CONSUMERS) {
            em.createNativeQuery("DELETE FROM processed_event WHERE consumer = ?1").setParameter(1, consumer)
                    .executeUpdate();
        }
    }

    public void progress(long applied, long skipped) {
        em.createNativeQuery("UPDATE read_model_state SET events_applied = ?1, events_skipped = ?2 WHERE id = 1")
                .setParameter(1, applied).setParameter(2, skipped).executeUpdate();
    }

    /** Done: the live consumers go on from their own offsets; what the replay applied, the inbox skips. */
    public void finish(long applied, long skipped) {
        em.createNativeQuery("""
                        UPDATE read_model_state SET rebuilding = FALSE, status = 'DONE', finished_at = ?1,
                            events_applied = ?2, events_skipped = ?3 WHERE id = 1""")
                .setParameter(1, Timestamp.from(Timestamps.now())).setParameter(2, applied)
                .setParameter(3, skipped).executeUpdate();
    }

    /**
     * Failed: the read models are partial, so the live consumers stay stopped (rebuilding stays set) until a new
     * rebuild succeeds.
     */
    public void fail(String error) {
        em.createNativeQuery("""
                        UPDATE read_model_state SET status = 'FAILED', finished_at = ?1, error = ?2 WHERE id = 1""")
                .setParameter(1, Timestamp.from(Timestamps.now()))
                .setParameter(2, error.length() > 500 ? error.substring(0, 500) : error).executeUpdate();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Status status() {
        Object[] r = (Object[]) em.createNativeQuery("""
                        SELECT status, rebuilding, started_at, finished_at, events_applied, events_skipped, error
                        FROM read_model_state WHERE id = 1""").getSingleResult();
        return new Status((String) r[0], Boolean.TRUE.equals(r[1]) || r[1] instanceof Number n && n.intValue() != 0,
                Timestamps.instant(r[2]), Timestamps.instant(r[3]), ((Number) r[4]).longValue(),
                ((Number) r[5]).longValue(),
                (String) r[6]);
    }

}
