package io.eventcommerce.insights.analysis.service;

import java.util.Map;

/**
 * One kind of analysis (forecasts, customer values, trends, ...): a bean that {@link AnalysisRuns} finds by its
 * {@link #kind()} and runs in the background, one run per kind at a time, nightly (its own {@code @Scheduled} method
 * calls {@link AnalysisRuns#startScheduled}) and on demand ({@code POST /analysis/kinds/{kind}/runs}).
 */
public interface AnalysisJob {

    /** The job's name in URLs and in {@code analysis_run.kind}: lower case, dashes ({@code forecast}). */
    String kind();

    /** One sentence for the list of analyses: what a run computes and where its results are read. */
    String description();

    /**
     * Computes and stores the analysis, in transactions of its own (a reader sees a whole result per item, never a
     * half-written one), reporting progress as it goes.
     *
     * @return the run's summary, stored as JSON with the run (figures a caller judges the run by)
     */
    Map<String, Object> run(AnalysisProgress progress);
}
