package io.eventcommerce.testkit;

import io.eventcommerce.devstack.EmbeddedStack;
import io.eventcommerce.devstack.PlatformStack;
import io.eventcommerce.devstack.StackOptions;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Locale;
import java.util.logging.Logger;
import java.util.stream.Stream;

/**
 * The one stack of a test JVM, started on first use with its connectors registered and stopped when the JVM ends.
 *
 * <p>Which stack is the one documented switch {@code -Dplatform.stack=embedded|containers} (or the environment
 * variable {@code PLATFORM_STACK}): {@code embedded} (default) runs MariaDB, Kafka and Connect + Debezium as local
 * processes and needs nothing but a JDK; {@code containers} runs MySQL 8.4, Kafka and Debezium Connect with
 * Testcontainers and needs a Docker engine.
 */
public final class TestStack {

    private static final Logger LOG = Logger.getLogger(TestStack.class.getName());
    private static PlatformStack stack;

    private TestStack() {
    }

    public static synchronized PlatformStack get() {
        if (stack == null) {
            stack = start(kind());
            Runtime.getRuntime().addShutdownHook(new Thread(stack::close, "test-stack-shutdown"));
        }
        return stack;
    }

    /** {@code embedded} or {@code containers}. */
    public static String kind() {
        String kind = System.getProperty("platform.stack", System.getenv().getOrDefault("PLATFORM_STACK", "embedded"));
        return kind.toLowerCase(Locale.ROOT).trim();
    }

    private static PlatformStack start(String kind) {
        PlatformStack started = switch (kind) {
            case "embedded" -> EmbeddedStack.start(StackOptions.ephemeral(freshDirectory(Path.of("target", "test-stack"))));
            case "containers" -> ContainersStack.start();
            default -> throw new IllegalArgumentException("platform.stack must be 'embedded' or 'containers', not '"
                    + kind + "'");
        };
        // platform.connectors (comma-separated, default all of deploy/debezium/connectors): a module whose tests
        // need no audit trail (catalog-service) registers the outbox connector alone, so its bulk uploads are not
        // captured a second time, statement text and all, by a connector nothing in its tests reads.
        String only = System.getProperty("platform.connectors", "").trim();
        if (only.isEmpty()) {
            started.registerConnectors();
        } else {
            started.registerConnectors(Arrays.stream(only.split(",")).map(String::trim).toList());
        }
        LOG.info(() -> "Test stack (" + kind + ") ready in " + started.startupTime().toMillis() + " ms: "
                + started.description());
        return started;
    }

    private static Path freshDirectory(Path directory) {
        try {
            if (Files.exists(directory)) {
                try (Stream<Path> paths = Files.walk(directory)) {
                    for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                        Files.delete(path);
                    }
                }
            }
            return Files.createDirectories(directory);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
