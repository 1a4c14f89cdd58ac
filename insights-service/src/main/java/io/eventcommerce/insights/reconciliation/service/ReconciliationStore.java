package io.eventcommerce.insights.reconciliation.service;

import io.eventcommerce.events.insights.ReconciliationAlert;
import io.eventcommerce.events.orders.CurrencyTotals;
import io.eventcommerce.insights.reconciliation.domain.Reconciliation.Check;
import io.eventcommerce.insights.reconciliation.domain.Reconciliation.Previous;
import io.eventcommerce.insights.reconciliation.domain.Reconciliation.Status;
import io.eventcommerce.servicekit.outbox.Outbox;
import io.eventcommerce.servicekit.time.Timestamps;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The reconciliation's tables: the checkpoints to check, the results carried from run to run, and the alerts, which
 * leave through the outbox in the transaction that records them (so an alert is raised once, or not at all). The
 * gauge {@value #GAUGE} counts the figures whose difference has lasted long enough to alert and not matched since.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class ReconciliationStore {

    public static final String GAUGE = "insights.reconciliation.differences";

    private static final Logger LOG = Logger.getLogger(ReconciliationStore.class);

    private final EntityManager em;
    private final Outbox outbox;
    private final AtomicLong persisting = new AtomicLong();

    public ReconciliationStore(EntityManager em, Outbox outbox, MeterRegistry meters) {
        this.em = em;
        this.outbox = outbox;
        meters.gauge(GAUGE, persisting);
    }

    /** A day's latest checkpoint. */
    public record Checkpoint(LocalDate day, Instant computedAt) {
    }

    public List<Checkpoint> checkpoints() {
        return rows("SELECT day, computed_at FROM source_checkpoint ORDER BY day").stream()
                .map(r -> new Checkpoint(date(r[0]), Timestamps.instant(r[1]))).toList();
    }

    public List<CurrencyTotals> sourceTotals(LocalDate day) {
        return rows("""
                SELECT currency, placed_orders, paid_orders, paid_units, paid_gross, paid_discount, paid_net,
                    sales_orders, sales_units, sales_gross, sales_discount, sales_net, refunds, refunded_amount
                FROM source_totals WHERE day = ?1 ORDER BY currency""", day).stream()
                .map(r -> new CurrencyTotals((String) r[0], num(r[1]), num(r[2]), num(r[3]), dec(r[4]), dec(r[5]),
                        dec(r[6]), num(r[7]), num(r[8]), dec(r[9]), dec(r[10]), dec(r[11]), num(r[12]),
                        dec(r[13])))
                .toList();
    }

    /** The day's results of the run before, locked: two runs never carry the same counts on twice. */
    public Map<String, Previous> previous(LocalDate day) {
        Map<String, Previous> previous = new HashMap<>();
        for (Object[] r : rows("""
                SELECT figure, status, first_seen, consecutive_runs, alerted_at FROM reconciliation_result
                WHERE day = ?1 FOR UPDATE""", day)) {
            previous.put((String) r[0], new Previous(Status.valueOf((String) r[1]), Timestamps.instant(r[2]),
                    ((Number) r[3]).intValue(), r[4] == null ? null : Timestamps.instant(r[4])));
        }
        return previous;
    }

    /** Replaces the day's results with this run's and raises the alerts it found due. */
    public void save(Checkpoint checkpoint, List<Check> checks, UUID runId, Instant now) {
        em.createNativeQuery("DELETE FROM reconciliation_result WHERE day = ?1").setParameter(1, checkpoint.day())
                .executeUpdate();
        for (Check c : checks) {
            List<Object> values = Arrays.asList(checkpoint.day(), c.figure(), c.source(), c.readModel(),
                    c.difference(), c.status().name(), Timestamp.from(c.firstSeen()), c.consecutiveRuns(),
                    c.alertedAt() == null ? null : Timestamp.from(c.alertedAt()),
                    Timestamp.from(checkpoint.computedAt()), Timestamp.from(now), runId.toString());
            var insert = em.createNativeQuery("""
                    INSERT INTO reconciliation_result (day, figure, source_value, read_model_value, difference,
                        status, first_seen, consecutive_runs, alerted_at, computed_at, checked_at, run_id)
                    VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)""");
            for (int i = 0; i < values.size(); i++) {
                insert.setParameter(i + 1, values.get(i));
            }
            insert.executeUpdate();
            if (c.alert()) {
                alert(checkpoint, c, runId, now);
            }
        }
    }

    private void alert(Checkpoint checkpoint, Check c, UUID runId, Instant now) {
        LOG.warnf("Reconciliation: %s of %s differs for %d runs since %s: read model %s, source %s "
                        + "(difference %s, checkpoint of %s); rebuild the read models (docs/reconciliation.md)",
                c.figure(), checkpoint.day(), c.consecutiveRuns(), c.firstSeen(), c.readModel(), c.source(),
                c.difference(), checkpoint.computedAt());
        outbox.publish(new ReconciliationAlert(UUID.randomUUID(), checkpoint.day(), c.figure(), c.source(),
                c.readModel(), c.difference(), c.firstSeen(), c.consecutiveRuns(), checkpoint.computedAt(), runId,
                now));
    }

    /** Sets the gauge from the table (after a run, and at start-up) and returns its value. */
    public long refreshGauge() {
        long count = ((Number) em.createNativeQuery("""
                        SELECT COUNT(*) FROM reconciliation_result
                        WHERE status = 'DIFFERENCE' AND alerted_at IS NOT NULL""").getSingleResult()).longValue();
        persisting.set(count);
        return count;
    }

    static LocalDate date(Object value) {
        return value instanceof Date d ? d.toLocalDate() : (LocalDate) value;
    }

    private static long num(Object value) {
        return ((Number) value).longValue();
    }

    private static BigDecimal dec(Object value) {
        return new BigDecimal(value.toString());
    }

    @SuppressWarnings("unchecked")
    private List<Object[]> rows(String sql, Object... params) {
        var query = em.createNativeQuery(sql);
        for (int i = 0; i < params.length; i++) {
            query.setParameter(i + 1, params[i]);
        }
        return query.getResultList();
    }
}
