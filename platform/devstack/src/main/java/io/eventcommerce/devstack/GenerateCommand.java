package io.eventcommerce.devstack;

import io.eventcommerce.devstack.datagen.ConsumerLag;
import io.eventcommerce.devstack.datagen.DataGenerator;
import io.eventcommerce.devstack.datagen.Scale;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;

/** {@code generate}: generated data loaded through the services' APIs (docs/data-generator.md). */
@Command(name = "generate", description = "Fills the running platform with generated data through its APIs.")
final class GenerateCommand extends PlatformCommand {

    @Option(names = "--scale", defaultValue = "small",
            description = "small (default; quick, what 'up' loads on first start) or seed (the volumes of the "
                    + "seed documents: 10,000 customers, 5,000 products, 50,000 orders, ...).")
    String scale;

    @Option(names = "--seed", defaultValue = "42", description = "Same seed, same data (default 42).")
    long seed;

    @Override
    public Integer call() {
        RunState state = runningState();
        Scale chosen = switch (scale.toLowerCase(Locale.ROOT)) {
            case "small" -> Scale.SMALL;
            case "seed" -> Scale.SEED;
            default -> throw new CommandLine.ParameterException(spec.commandLine(), "--scale must be small or seed");
        };
        generate(out(), state, location.runDir(), chosen, seed);
        return 0;
    }

    /** Loads the data, then waits until every consumer has caught up, and reports both times. */
    static void generate(PrintWriter out, RunState state, Path runDir, Scale scale, long seed) {
        long started = System.nanoTime();
        DataGenerator generator = new DataGenerator(
                URI.create(state.get(PlatformService.CATALOG.serviceName() + ".url")),
                URI.create(state.get(PlatformService.ORDERS.serviceName() + ".url")), out,
                runDir.resolve("generated"));
        DataGenerator.Summary summary = generator.generate(scale, seed);
        out.printf("Loaded in %.1f s: %s%n", summary.took().toMillis() / 1000.0, summary.counts());
        out.println("Waiting for every consumer to catch up …");
        out.flush();
        ConsumerLag.awaitCaughtUp(state.get("kafka.url"), Duration.ofSeconds(5), Duration.ofMinutes(30));
        // After the catch-up: insights-service resolves the feed's skus from its product replica.
        String insights = state.get(PlatformService.INSIGHTS.serviceName() + ".url");
        out.println(DataGenerator.uploadCompetitorPrices(insights == null ? null : URI.create(insights),
                runDir.resolve("generated")));
        out.flush();
        out.printf("Done: %s scale, seed %d, %.1f s end to end with every consumer caught up. Fraud labels: %s%n",
                scale.name().toLowerCase(Locale.ROOT), seed, (System.nanoTime() - started) / 1e9,
                runDir.resolve("generated/fraud-labels.csv"));
        out.flush();
    }
}
