package io.eventcommerce.compliance.audit.service;

import io.agroal.api.AgroalDataSource;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * Keeps a year of monthly partitions of compliance_audit.audit_entry ahead of today, so entries never pile up in the
 * catch-all {@code pmax} (a month can only be dropped whole once its 7 years have passed). Splitting {@code pmax}
 * (REORGANIZE PARTITION) needs ALTER, which compliance has on the audit schema; while pmax holds no rows it moves
 * none. Runs at start-up and daily; two instances racing fail harmlessly (the second sees the partition exists).
 */
@ApplicationScoped
public class AuditPartitions {

    private static final Logger LOG = Logger.getLogger(AuditPartitions.class);
    static final int MONTHS_AHEAD = 12;

    private final AgroalDataSource dataSource;

    public AuditPartitions(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    void atStart(@Observes StartupEvent event) {
        ensureThrough(YearMonth.now(ZoneOffset.UTC).plusMonths(MONTHS_AHEAD));
    }

    @Scheduled(cron = "0 17 3 * * ?", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void daily() {
        ensureThrough(YearMonth.now(ZoneOffset.UTC).plusMonths(MONTHS_AHEAD));
    }

    /** Adds the monthly partitions up to and including {@code last}; returns the ones added. */
    public List<String> ensureThrough(YearMonth last) {
        List<String> added = new ArrayList<>();
        try (Connection c = dataSource.getConnection()) {
            YearMonth highest = highestMonth(c);
            for (YearMonth month = highest.plusMonths(1); !month.isAfter(last); month = month.plusMonths(1)) {
                String name = name(month);
                LocalDate bound = month.plusMonths(1).atDay(1);
                try (Statement s = c.createStatement()) {
                    s.execute("ALTER TABLE compliance_audit.audit_entry REORGANIZE PARTITION pmax INTO (PARTITION "
                            + name + " VALUES LESS THAN ('" + bound + "'), PARTITION pmax VALUES LESS THAN"
                            + " (MAXVALUE))");
                }
                added.add(name);
            }
        } catch (SQLException e) {
            LOG.warnf("Could not add audit partitions up to %s: %s", last, e.getMessage());
        }
        if (!added.isEmpty()) {
            LOG.infof("Audit entry partitions added: %s", added);
        }
        return added;
    }

    /** The monthly partitions of the entry table (pYYYYMM), oldest first. */
    public List<String> months() {
        List<String> names = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement("SELECT"
                + " PARTITION_NAME FROM information_schema.PARTITIONS WHERE TABLE_SCHEMA = 'compliance_audit' AND"
                + " TABLE_NAME = 'audit_entry' AND PARTITION_NAME <> 'pmax' ORDER BY PARTITION_ORDINAL_POSITION");
             ResultSet r = s.executeQuery()) {
            while (r.next()) {
                names.add(r.getString(1));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot list audit partitions", e);
        }
        return names;
    }

    private YearMonth highestMonth(Connection c) throws SQLException {
        List<String> names = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement("SELECT PARTITION_NAME FROM information_schema.PARTITIONS"
                + " WHERE TABLE_SCHEMA = 'compliance_audit' AND TABLE_NAME = 'audit_entry' AND PARTITION_NAME <>"
                + " 'pmax' ORDER BY PARTITION_ORDINAL_POSITION"); ResultSet r = s.executeQuery()) {
            while (r.next()) {
                names.add(r.getString(1));
            }
        }
        if (names.isEmpty()) {
            throw new SQLException("compliance_audit.audit_entry has no monthly partitions");
        }
        String highest = names.get(names.size() - 1);
        return YearMonth.of(Integer.parseInt(highest.substring(1, 5)), Integer.parseInt(highest.substring(5, 7)));
    }

    static String name(YearMonth month) {
        return String.format("p%04d%02d", month.getYear(), month.getMonthValue());
    }
}
