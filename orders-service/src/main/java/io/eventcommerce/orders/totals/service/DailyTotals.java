package io.eventcommerce.orders.totals.service;

import io.eventcommerce.events.orders.DailyOrderTotals;
import io.eventcommerce.servicekit.outbox.Outbox;
import io.eventcommerce.servicekit.problem.DomainException;
import io.eventcommerce.servicekit.time.Timestamps;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Optional;

/**
 * Publishes a closed UTC day's totals (DailyOrderTotals) through the outbox, in the transaction that reads them and
 * records the day in {@code daily_totals_checkpoint}. The schedule publishes a day once (the row's insert is the
 * claim); a republish on demand always publishes, with a later computedAt.
 */
@ApplicationScoped
public class DailyTotals {

    private final DailyTotalsQuery query;
    private final Outbox outbox;
    private final EntityManager em;

    public DailyTotals(DailyTotalsQuery query, Outbox outbox, EntityManager em) {
        this.query = query;
        this.outbox = outbox;
        this.em = em;
    }

    /** The day's totals as of now, published whether or not they were before; 422 for a day not yet closed. */
    @Transactional
    public DailyOrderTotals republish(LocalDate day) {
        Instant now = Timestamps.now();
        if (!day.isBefore(now.atOffset(ZoneOffset.UTC).toLocalDate())) {
            throw DomainException.invalid("day", "must be a closed UTC day (before today)");
        }
        em.createNativeQuery("""
                        INSERT INTO daily_totals_checkpoint (day, computed_at, publications) VALUES (?1, ?2, 1)
                        ON DUPLICATE KEY UPDATE computed_at = ?2, publications = publications + 1""")
                .setParameter(1, day).setParameter(2, Timestamp.from(now)).executeUpdate();
        return publish(day, now);
    }

    /** The day's totals if no one published them yet; empty when another instance (or a republish) did. */
    @Transactional
    public Optional<DailyOrderTotals> publishOnce(LocalDate day) {
        Instant now = Timestamps.now();
        // INSERT IGNORE: a second instance waits on the first one's row lock and then inserts nothing (both flavours).
        int claimed = em.createNativeQuery("""
                        INSERT IGNORE INTO daily_totals_checkpoint (day, computed_at, publications)
                        VALUES (?1, ?2, 1)""")
                .setParameter(1, day).setParameter(2, Timestamp.from(now)).executeUpdate();
        return claimed == 1 ? Optional.of(publish(day, now)) : Optional.empty();
    }

    private DailyOrderTotals publish(LocalDate day, Instant now) {
        DailyOrderTotals totals = new DailyOrderTotals(day, now, query.of(day));
        outbox.publish(totals);
        return totals;
    }
}
