package io.eventcommerce.compliance.checks.service;

import io.eventcommerce.compliance.ComplianceConfig;
import io.eventcommerce.servicekit.time.Timestamps;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import org.jboss.logging.Logger;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * GDPR storage limitation for the personal data this service keeps: an order's client IP address
 * ({@code order_fact.client_ip}) is cleared once it is older than {@code compliance.gdpr.client-ip-retention}, in
 * batches of short transactions; the IP's country, which the features use, stays. The check {@code gdpr-retention}
 * reports any IP kept past its retention (the purge has not run, or failed), so the rule is watched, not assumed.
 */
@ApplicationScoped
public class PersonalDataRetention implements ComplianceCheck {

    private static final Logger LOG = Logger.getLogger(PersonalDataRetention.class);
    static final int BATCH = 5_000;

    private final EntityManager em;
    private final ComplianceConfig config;

    public PersonalDataRetention(EntityManager em, ComplianceConfig config) {
        this.em = em;
        this.config = config;
    }

    @Override
    public String name() {
        return "gdpr-retention";
    }

    @Override
    public String description() {
        return "GDPR art. 5(1)(e): no client IP address kept longer than compliance.gdpr.client-ip-retention ("
                + config.gdpr().clientIpRetention() + ")";
    }

    @Override
    public Result run() {
        Instant cutoff = cutoff();
        Object[] row = QuarkusTransaction.requiringNew().call(() -> (Object[]) em.createNativeQuery("""
                        SELECT COUNT(*), MIN(placed_at) FROM order_fact
                        WHERE client_ip IS NOT NULL AND placed_at < ?1""")
                .setParameter(1, Timestamp.from(cutoff)).getSingleResult());
        long kept = ((Number) row[0]).longValue();
        Map<String, Object> evidence = new LinkedHashMap<>();
        evidence.put("retention", config.gdpr().clientIpRetention().toString());
        evidence.put("cutoff", cutoff.toString());
        evidence.put("clientIpsPastRetention", kept);
        if (kept == 0) {
            return new Result(List.of(), evidence);
        }
        return new Result(List.of(new Finding("compliance.order_fact.client_ip",
                kept + " client IP address(es) of orders placed before " + cutoff + " (the oldest "
                        + row[1] + ") are kept past their retention")), evidence);
    }

    @Scheduled(every = "${compliance.gdpr.purge-every:1h}", delayed = "1m",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduledPurge() {
        purge();
    }

    /** Clears the client IPs past their retention; returns how many. */
    public long purge() {
        Instant cutoff = cutoff();
        long total = 0;
        int cleared;
        do {
            // UPDATE ... LIMIT (single-table form, MySQL and MariaDB): each batch a short transaction, few locks.
            cleared = QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery("""
                            UPDATE order_fact SET client_ip = NULL
                            WHERE client_ip IS NOT NULL AND placed_at < ?1 LIMIT %d""".formatted(BATCH))
                    .setParameter(1, Timestamp.from(cutoff)).executeUpdate());
            total += cleared;
        } while (cleared == BATCH);
        if (total > 0) {
            LOG.infof("Cleared %d client IP addresses of orders placed before %s (retention %s)", total, cutoff,
                    config.gdpr().clientIpRetention());
        }
        return total;
    }

    private Instant cutoff() {
        return Timestamps.now().minus(config.gdpr().clientIpRetention());
    }
}
