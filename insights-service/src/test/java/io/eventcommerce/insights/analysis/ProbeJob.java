package io.eventcommerce.insights.analysis;

import io.eventcommerce.insights.analysis.service.AnalysisJob;
import io.eventcommerce.insights.analysis.service.AnalysisProgress;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/** A test's analysis: reports 3 items, does 1 and waits until the test releases it (or fails it). */
@ApplicationScoped
public class ProbeJob implements AnalysisJob {

    static volatile CountDownLatch release = new CountDownLatch(1);
    static volatile boolean fail;

    @Override
    public String kind() {
        return "probe";
    }

    @Override
    public String description() {
        return "A test's analysis.";
    }

    @Override
    public Map<String, Object> run(AnalysisProgress progress) {
        progress.total(3);
        progress.advance(1); // the first advance is always written: the test sees 1 of 3
        try {
            if (!release.await(10, TimeUnit.MINUTES)) {
                throw new IllegalStateException("never released");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
        if (fail) {
            throw new IllegalStateException("the probe was told to fail");
        }
        progress.advance(2);
        return Map.of("answer", 42);
    }
}
