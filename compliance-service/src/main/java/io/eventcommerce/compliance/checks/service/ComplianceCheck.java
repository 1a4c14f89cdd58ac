package io.eventcommerce.compliance.checks.service;

import java.util.List;
import java.util.Map;

/**
 * One compliance check (the seed's {@code compliance_checks}): a bean the service runs on a schedule and an officer
 * runs on demand ({@link ComplianceChecks}). A check only looks and reports; it changes nothing it inspects. Its
 * findings become alerts; the run keeps its status and evidence.
 */
public interface ComplianceCheck {

    /** Stable name, in URLs and stored runs: lower case words joined by dashes ({@code pci-stored-data}). */
    String name();

    /** What the check looks at and which rule it holds the data to, for the officer reading its runs. */
    String description();

    /**
     * Runs the check. Throwing records the run as ERROR with the failure's message (the check could not look, which
     * is not the same as having found nothing).
     */
    Result run();

    /** A thing found: where (stable across runs, so the same finding is one alert) and what, never the data itself. */
    record Finding(String subject, String detail) {
    }

    /**
     * What a run found and what it looked at.
     *
     * @param findings every finding (the run FAILs if there is one)
     * @param evidence what was inspected (tables, rows, topics, counts, limits), JSON-serialisable
     */
    record Result(List<Finding> findings, Map<String, Object> evidence) {

        public Result {
            findings = List.copyOf(findings);
            evidence = Map.copyOf(evidence);
        }
    }
}
