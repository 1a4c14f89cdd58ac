package io.eventcommerce.orders.totals.service;

import io.eventcommerce.orders.OrdersConfig;
import io.eventcommerce.servicekit.time.Timestamps;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * Every night (orders.daily-totals.cron, 00:20 UTC) each instance offers the last closed days to
 * {@link DailyTotals#publishOnce}: yesterday, and the days before it back to catch-up-days a missed night left out.
 * The claim in the database makes it one publication per day across instances.
 */
@ApplicationScoped
public class DailyTotalsSchedule {

    private static final Logger LOG = Logger.getLogger(DailyTotalsSchedule.class);

    private final DailyTotals totals;
    private final OrdersConfig config;

    public DailyTotalsSchedule(DailyTotals totals, OrdersConfig config) {
        this.totals = totals;
        this.config = config;
    }

    @Scheduled(cron = "${orders.daily-totals.cron:0 20 0 * * ?}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void nightly() {
        LocalDate today = Timestamps.now().atOffset(ZoneOffset.UTC).toLocalDate();
        for (int back = Math.max(1, config.dailyTotals().catchUpDays()); back >= 1; back--) {
            LocalDate day = today.minusDays(back);
            totals.publishOnce(day).ifPresent(t -> LOG.infof("Published the daily totals of %s (%d currencies)",
                    day, t.currencies().size()));
        }
    }
}
