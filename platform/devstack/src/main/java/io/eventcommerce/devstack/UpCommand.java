package io.eventcommerce.devstack;

import io.eventcommerce.devstack.datagen.Scale;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;

/**
 * {@code up}: starts the stack and the services, then stays as their supervisor ({@link Supervisor}) until Ctrl-C or
 * {@code down}. With {@code --detach} the same happens in a background launcher process (own session, output in
 * {@code .platform/logs/launcher.log}); this one follows its output until the platform is healthy, then returns.
 */
@Command(name = "up", description = "Starts database, Kafka, Connect and every service and supervises them "
        + "(one that dies is started again); Ctrl-C stops everything.")
final class UpCommand extends PlatformCommand {

    private static final Duration READY_TIMEOUT = Duration.ofMinutes(3);
    private static final String PHASE = "phase";

    @Option(names = "--detach", description = "Run in the background and return once everything is healthy; "
            + "stop with 'platformctl down'.")
    boolean detach;

    @Option(names = "--bind", defaultValue = "${env:PLATFORM_BIND_ADDRESS:-127.0.0.1}",
            description = "Address the services listen on (default 127.0.0.1, or $PLATFORM_BIND_ADDRESS). Anything but "
                    + "loopback lets the network reach services that accept tokens signed with the development key "
                    + "in this repository (docs/security.md).")
    String bind;

    /** Set on the background launcher that {@code --detach} starts. */
    @Option(names = "--in-background", hidden = true)
    boolean inBackground;

    @Override
    public Integer call() throws Exception {
        StackRuntime.requireSupportedPlatform();
        RunState state = state();
        if (state.supervisor().isPresent() || state.anyAlive()) {
            throw new StackException("The platform is already running (see './platformctl status'); "
                    + "stop it with './platformctl down'");
        }
        state.delete(); // left by a run that ended without 'down'
        return detach ? startInBackground() : run();
    }

    private int run() throws Exception {
        PrintWriter out = out();
        RunState state = state();
        long started = System.nanoTime();
        Path runDir = location.runDir();
        state.put(Map.of("launcher.pid", String.valueOf(ProcessHandle.current().pid()), PHASE, "starting"));
        out.println("Starting the embedded stack in " + runDir + " …");
        out.flush();
        EmbeddedStack stack;
        try {
            stack = EmbeddedStack.start(StackOptions.local(runDir));
        } catch (RuntimeException e) {
            state.delete();
            throw e;
        }
        // Set once started; the shutdown hook stops whatever has started by then, the supervisor first so that
        // nothing is started again while the rest goes down.
        AtomicReference<RunningServices> services = new AtomicReference<>();
        AtomicReference<Supervisor> supervisor = new AtomicReference<>();
        Runnable stopAll = () -> {
            if (supervisor.get() != null) {
                supervisor.get().close();
            }
            if (services.get() != null) {
                services.get().close();
            }
            stack.close();
            state.delete();
        };
        Thread shutdownHook = new Thread(() -> {
            out.println("\nStopping services and stack …");
            out.flush();
            stopAll.run();
            out.println("Stopped.");
            out.flush();
        }, "platform-shutdown");
        Runtime.getRuntime().addShutdownHook(shutdownHook);
        try {
            stack.registerConnectors();
            services.set(RunningServices.start(stack, location.root(), runDir, port -> port, READY_TIMEOUT,
                    bindAddress()));
            Map<String, Long> pids = new LinkedHashMap<>(stack.pids());
            pids.put("launcher", ProcessHandle.current().pid());
            state.started(stack, pids, services.get());
            supervisor.set(Supervisor.start(services.get(), stack, state, READY_TIMEOUT));
            // The first start of a fresh run folder loads the small data set, so there is something to see.
            Path marker = runDir.resolve("generated/small.loaded");
            if (!Files.exists(marker)) {
                GenerateCommand.generate(out, state, runDir, Scale.SMALL, 42);
                Files.createDirectories(marker.getParent());
                Files.writeString(marker, Instant.now().toString());
            }
            printSummary(out, stack, services.get().all(), Duration.ofNanos(System.nanoTime() - started), runDir);
        } catch (RuntimeException e) {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
            stopAll.run();
            throw e;
        }
        out.println(inBackground ? "Supervising in the background (pid " + ProcessHandle.current().pid()
                + "); stop with ./platformctl down" : "Press Ctrl-C to stop.");
        out.flush();
        state.put(Map.of(PHASE, "running"));
        new CountDownLatch(1).await();
        return 0;
    }

    private Map<PlatformService, Map<String, String>> bindAddress() {
        Map<PlatformService, Map<String, String>> overrides = new EnumMap<>(PlatformService.class);
        for (PlatformService service : PlatformService.values()) {
            overrides.put(service, Map.of(ServiceProcess.HOST_PROPERTY, bind));
        }
        return overrides;
    }

    /**
     * Starts {@code up} again as a launcher of its own (own session, so the terminal's Ctrl-C and hang-up do not
     * reach it) that stays to supervise; prints its output until it reports the platform running.
     */
    private int startInBackground() throws Exception {
        PrintWriter out = out();
        Path log = location.runDir().resolve("logs/launcher.log");
        Files.createDirectories(log.getParent());
        long from = Files.exists(log) ? Files.size(log) : 0;
        ManagedProcess launcher = ManagedProcess.start("launcher", List.of(StackRuntime.java(), "-Xmx512m",
                "-XX:+UseSerialGC", "-Dplatform.root=" + location.root(), "-cp", System.getProperty("java.class.path"),
                Launcher.class.getName(), "up", "--in-background", "--root", location.root().toString(),
                "--bind", bind), Map.of(), location.root(), log);
        out.println("Starting in the background (launcher pid " + launcher.pid() + ", log " + log + ")");
        out.flush();
        try (RandomAccessFile reader = new RandomAccessFile(log.toFile(), "r")) {
            reader.seek(from);
            while (true) {
                RunState state = state();
                boolean running = "running".equals(state.get(PHASE))
                        && String.valueOf(launcher.pid()).equals(state.get("launcher.pid"));
                boolean died = !launcher.isAlive();
                copy(reader, out);
                if (running) {
                    return 0;
                }
                if (died) {
                    throw new StackException("The platform did not start (launcher exit code " + launcher.exitCode()
                            + "); see " + log);
                }
                Thread.sleep(200);
            }
        }
    }

    private static void copy(RandomAccessFile reader, PrintWriter out) throws java.io.IOException {
        byte[] buffer = new byte[8192];
        int read;
        while ((read = reader.read(buffer)) > 0) {
            out.print(new String(buffer, 0, read, StandardCharsets.UTF_8));
        }
        out.flush();
    }

    private void printSummary(PrintWriter out, EmbeddedStack stack, List<ServiceProcess> services,
                              Duration toHealthy, Path runDir) {
        out.printf("%nAll healthy in %.1f s (stack %.1f s).%n%n", toHealthy.toMillis() / 1e3,
                stack.startupTime().toMillis() / 1e3);
        out.println("Services" + (ServiceProcess.LOOPBACK.equals(bind) ? " (loopback only)"
                : " (listening on " + bind + ": reachable from the network, with development keys)"));
        for (ServiceProcess service : services) {
            out.printf("  %-17s %s  (OpenAPI %s/q/openapi, Swagger UI %s/q/swagger-ui, health %s/q/health)%n",
                    service.service().serviceName(), service.uri(), service.uri(), service.uri(), service.uri());
        }
        out.println("Infrastructure");
        out.printf("  %-17s jdbc:mysql://127.0.0.1:%d/<schema>  (root without password)%n", "MariaDB",
                stack.mariaDbPort());
        out.printf("  %-17s %s%n", "Kafka", stack.kafkaBootstrapServers());
        out.printf("  %-17s %s/connectors%n", "Kafka Connect", stack.connect().uri());
        out.println("Tokens (development keys only)");
        out.println("  TOKEN=$(./platformctl token --role catalog-manager)");
        out.println("  curl -H \"Authorization: Bearer $TOKEN\" http://127.0.0.1:8081/products");
        out.println("Logs: " + runDir.resolve("logs") + "  (./platformctl logs <name> -f)");
        out.println("A service, MariaDB, Kafka or Connect that dies is started again (./platformctl status shows "
                + "restarts).");
        out.flush();
    }
}
