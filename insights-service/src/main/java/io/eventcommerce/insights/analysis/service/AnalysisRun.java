package io.eventcommerce.insights.analysis.service;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Instant;
import java.util.UUID;

/** One run of an analysis as {@code GET /analysis/runs/{id}} shows it. */
public record AnalysisRun(UUID id, String kind, String trigger, String requestedBy, String status, Integer itemsTotal,
                          int itemsDone, JsonNode summary, Instant createdAt, Instant startedAt, Instant finishedAt,
                          String error) {

    public static final String RUNNING = "RUNNING";
    public static final String COMPLETED = "COMPLETED";
    public static final String FAILED = "FAILED";
    public static final String SCHEDULED = "SCHEDULED";
    public static final String ON_DEMAND = "ON_DEMAND";
}
