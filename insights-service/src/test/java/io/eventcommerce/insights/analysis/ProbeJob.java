package io.eventcommerce.insights.analysis;

import io.eventcommerce.insights.analysis.service.AnalysisJob;
import io.eventcommerce.insights.analysis.service.AnalysisProgress;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/** A test's analysis: reports 3 items, does 1 a little later and waits until the test releases it (or fails it). */
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
        try {
            Thread.sleep(1_100); // past the progress write's throttle (at most one a second), so this one is written
            progress.advance(1);
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
