package io.eventcommerce.compliance.checks.service;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;

/** Runs every compliance check every {@code compliance.checks.every} (default hourly), the first time after start. */
@ApplicationScoped
public class ScheduledChecks {

    /** Who a scheduled run is requested by. */
    public static final String SCHEDULER = "service:compliance-service";

    private final ComplianceChecks checks;

    public ScheduledChecks(ComplianceChecks checks) {
        this.checks = checks;
    }

    @Scheduled(every = "${compliance.checks.every:1h}", delayed = "${compliance.checks.first-after:5m}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void runAll() {
        for (ComplianceCheck check : checks.all()) {
            checks.run(check.name(), ComplianceChecks.Trigger.SCHEDULED, SCHEDULER);
        }
    }
}
