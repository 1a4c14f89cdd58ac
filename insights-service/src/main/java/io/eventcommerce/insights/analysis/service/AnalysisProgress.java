package io.eventcommerce.insights.analysis.service;

import java.util.UUID;

/** What a running {@link AnalysisJob} reports: how many items (series, customers, ...) it has and has done. */
public interface AnalysisProgress {

    /** The run this is: what the job stamps its results with. */
    UUID runId();

    /** The number of items this run works through, once known. */
    void total(int items);

    /** {@code items} more are done; written through at most about once a second. */
    void advance(int items);
}
