package io.eventcommerce.devstack.datagen;

import java.time.Instant;

/** Data sets the tests share (a seed-scale synthesis takes seconds): built once per test run. */
final class Samples {

    static final Instant NOW = Instant.parse("2026-11-22T00:00:00Z");
    static final Synthesis SEED = Synthesis.of(Scale.SEED, 42, NOW);
    static final Synthesis SMALL = Synthesis.of(Scale.SMALL, 42, NOW);

    private Samples() {
    }
}
