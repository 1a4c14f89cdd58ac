package io.eventcommerce.devstack;

import io.eventcommerce.devstack.datagen.ConsumerLag;
import io.eventcommerce.devstack.datagen.DataGenerator;
import io.eventcommerce.devstack.datagen.Scale;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Stream;

/**
 * {@code ./platformctl}: runs the whole platform on this machine without Docker. Everything a run keeps (database,
 * Kafka log, Connect offsets, logs) lives in {@code .platform/} under the project root, so a second {@code up}
 * finds the data of the first.
 */
@Command(name = "platformctl", mixinStandardHelpOptions = true,
        description = "Runs the Event Commerce platform locally on the embedded stack.",
        subcommands = {Launcher.Up.class, Launcher.Down.class, Launcher.Status.class, Launcher.Logs.class,
                Launcher.Token.class, Launcher.Watch.class, Launcher.Generate.class, DeadLetterCommands.class})
public final class Launcher {

    private static final Logger LOG = Logger.getLogger(Launcher.class.getName());
    // Held so java.util.logging keeps the level (it forgets the settings of loggers nobody references).
    private static final Logger KAFKA_LOG = Logger.getLogger("org.apache.kafka");

    public static void main(String[] args) {
        System.setProperty("java.util.logging.SimpleFormatter.format", "%1$tT %4$-7s %5$s%6$s%n");
        KAFKA_LOG.setLevel(Level.WARNING);
        System.exit(new CommandLine(new Launcher()).setExecutionExceptionHandler((e, cmd, parsed) -> {
            cmd.getErr().println("platform: " + e.getMessage());
            LOG.log(Level.FINE, "failure", e);
            return 1;
        }).execute(args));
    }

    /** Options every command shares: where the project and its run folder are. */
    static class Location {

        @Option(names = "--root", description = "Project root (default: the current directory).",
                defaultValue = "${sys:platform.root:-.}")
        Path root;

        Path root() {
            return root.toAbsolutePath().normalize();
        }

        Path runDir() {
            return root().resolve(".platform");
        }

        RunState state() {
            return new RunState(runDir().resolve("run/platform.state"));
        }
    }

    @Command(name = "up", description = "Starts database, Kafka, Connect and every service; Ctrl-C stops them.")
    static final class Up implements java.util.concurrent.Callable<Integer> {

        @CommandLine.Mixin
        Location location;

        @Option(names = "--detach", description = "Return once everything is healthy; stop with 'platformctl down'.")
        boolean detach;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            PrintWriter out = spec.commandLine().getOut();
            RunState state = location.state();
            if (state.launcherAlive() || state.anyAlive()) {
                throw new StackException("The platform is already running (see './platformctl status'); "
                        + "stop it with './platformctl down'");
            }
            long started = System.nanoTime();
            Path runDir = location.runDir();
            out.println("Starting the embedded stack in " + runDir + " …");
            out.flush();
            EmbeddedStack stack = EmbeddedStack.start(StackOptions.local(runDir));
            // Set once the services run; the shutdown hook stops whatever has started by then.
            AtomicReference<RunningServices> services = new AtomicReference<>();
            Runnable stopAll = () -> {
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
            if (!detach) {
                Runtime.getRuntime().addShutdownHook(shutdownHook);
            }
            try {
                stack.registerConnectors();
                services.set(RunningServices.start(stack, location.root(), runDir, port -> port,
                        Duration.ofMinutes(3)));
                Map<String, Long> pids = new LinkedHashMap<>(stack.pids());
                services.get().all().forEach(s -> pids.put(s.service().serviceName(), s.pid()));
                pids.put("launcher", detach ? -1 : ProcessHandle.current().pid());
                state.write(pids, stack, services.get());
                // The first start of a fresh run folder loads the small data set, so there is something to see.
                Path marker = runDir.resolve("generated/small.loaded");
                if (!Files.exists(marker)) {
                    Generate.generate(out, state, runDir, Scale.SMALL, 42);
                    Files.createDirectories(marker.getParent());
                    Files.writeString(marker, java.time.Instant.now().toString());
                }
                printSummary(out, stack, services.get().all(), Duration.ofNanos(System.nanoTime() - started),
                        runDir);
            } catch (RuntimeException e) {
                if (!detach) {
                    Runtime.getRuntime().removeShutdownHook(shutdownHook);
                }
                stopAll.run();
                throw e;
            }
            if (detach) {
                out.println("Running in the background; stop with ./platformctl down");
                return 0;
            }
            out.println("Press Ctrl-C to stop.");
            out.flush();
            new CountDownLatch(1).await();
            return 0;
        }

        private static void printSummary(PrintWriter out, EmbeddedStack stack, List<ServiceProcess> services,
                                         Duration toHealthy, Path runDir) {
            out.printf("%nAll healthy in %.1f s (stack %.1f s).%n%n", toHealthy.toMillis() / 1e3,
                    stack.startupTime().toMillis() / 1e3);
            out.println("Services");
            for (ServiceProcess service : services) {
                out.printf("  %-17s %s  (OpenAPI %s/q/openapi, health %s/q/health, metrics %s/q/metrics)%n",
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
            out.flush();
        }
    }

    @Command(name = "down", description = "Stops a platform started by 'up' (in another terminal or detached).")
    static final class Down implements java.util.concurrent.Callable<Integer> {

        @CommandLine.Mixin
        Location location;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            RunState state = location.state();
            if (!state.exists()) {
                out.println("The platform is not running.");
                return 0;
            }
            Optional<ProcessHandle> launcher = state.process("launcher");
            if (launcher.isPresent()) {
                // The foreground launcher stops its children in order from its shutdown hook.
                launcher.get().destroy();
                launcher.get().onExit().orTimeout(120, java.util.concurrent.TimeUnit.SECONDS).join();
            } else {
                for (String name : RunState.STOP_ORDER) {
                    state.process(name).ifPresent(p -> {
                        out.println("Stopping " + name + " (pid " + p.pid() + ")");
                        out.flush();
                        p.destroy();
                        try {
                            p.onExit().orTimeout(30, java.util.concurrent.TimeUnit.SECONDS).join();
                        } catch (RuntimeException e) {
                            p.destroyForcibly();
                        }
                    });
                }
                state.delete();
            }
            out.println("Stopped.");
            return 0;
        }
    }

    @Command(name = "status", description = "Shows what runs, where, and whether it is healthy.")
    static final class Status implements java.util.concurrent.Callable<Integer> {

        @CommandLine.Mixin
        Location location;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            RunState state = location.state();
            if (!state.exists()) {
                out.println("The platform is not running.");
                return 3;
            }
            boolean healthy = true;
            for (String name : RunState.STOP_ORDER) {
                Optional<ProcessHandle> process = state.process(name);
                String url = state.get(name + ".url");
                String health = process.isEmpty() ? "DOWN" : "RUNNING";
                if (process.isPresent() && name.endsWith("-service")) {
                    health = ServiceProcess.isReady(java.net.URI.create(url)) ? "READY" : "NOT READY";
                }
                healthy &= !health.equals("DOWN") && !health.equals("NOT READY");
                out.printf("%-17s %-10s pid %-8s %s%n", name, health, state.get(name + ".pid"),
                        url == null ? "" : url);
            }
            String connectUrl = state.get("connect.url");
            if (state.process("connect").isPresent() && connectUrl != null) {
                ConnectClient connect = new ConnectClient(java.net.URI.create(connectUrl));
                for (String connector : PlatformStack.connectorNames()) {
                    ConnectClient.ConnectorState connectorState = connect.state(connector);
                    healthy &= connectorState.running();
                    out.printf("connector %-7s %s%n", connector, connectorState);
                }
            }
            out.flush();
            return healthy ? 0 : 1;
        }
    }

    @Command(name = "logs", description = "Prints a component's log (mariadb, kafka, connect, <service>).")
    static final class Logs implements java.util.concurrent.Callable<Integer> {

        @CommandLine.Mixin
        Location location;

        @Parameters(arity = "0..1", description = "Component; without it, lists the log files.")
        String name;

        @Option(names = {"-f", "--follow"}, description = "Keep printing new lines.")
        boolean follow;

        @Option(names = {"-n", "--lines"}, defaultValue = "50", description = "Lines to print first (default 50).")
        int lines;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            PrintWriter out = spec.commandLine().getOut();
            Path logs = location.runDir().resolve("logs");
            if (name == null) {
                if (Files.isDirectory(logs)) {
                    try (Stream<Path> files = Files.list(logs)) {
                        files.sorted().forEach(f -> out.println(f.getFileName().toString().replace(".log", "")
                                + "  " + f));
                    }
                }
                return 0;
            }
            Path file = logs.resolve(name + ".log");
            if (!Files.exists(file)) {
                throw new StackException("No log " + file);
            }
            out.println(ManagedProcess.tail(file, lines));
            out.flush();
            if (follow) {
                try (RandomAccessFile reader = new RandomAccessFile(file.toFile(), "r")) {
                    reader.seek(reader.length());
                    byte[] buffer = new byte[8192];
                    while (!Thread.currentThread().isInterrupted()) {
                        int read = reader.read(buffer);
                        if (read > 0) {
                            out.print(new String(buffer, 0, read, StandardCharsets.UTF_8));
                            out.flush();
                        } else {
                            Thread.sleep(200);
                        }
                    }
                }
            }
            return 0;
        }
    }

    @Command(name = "generate", description = "Fills the running platform with generated data through its APIs.")
    static final class Generate implements java.util.concurrent.Callable<Integer> {

        @CommandLine.Mixin
        Location location;

        @Option(names = "--scale", defaultValue = "small",
                description = "small (default; quick, what 'up' loads on first start) or seed (the volumes of the "
                        + "seed documents: 10,000 customers, 5,000 products, 50,000 orders, ...).")
        String scale;

        @Option(names = "--seed", defaultValue = "42", description = "Same seed, same data (default 42).")
        long seed;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            RunState state = location.state();
            if (!state.exists() || !state.anyAlive()) {
                throw new StackException("The platform is not running; start it with './platformctl up --detach'");
            }
            Scale chosen = switch (scale.toLowerCase(java.util.Locale.ROOT)) {
                case "small" -> Scale.SMALL;
                case "seed" -> Scale.SEED;
                default -> throw new CommandLine.ParameterException(spec.commandLine(),
                        "--scale must be small or seed");
            };
            generate(spec.commandLine().getOut(), state, location.runDir(), chosen, seed);
            return 0;
        }

        /** Loads the data, then waits until every consumer has caught up, and reports both times. */
        static void generate(PrintWriter out, RunState state, Path runDir, Scale scale, long seed) {
            long started = System.nanoTime();
            DataGenerator generator = new DataGenerator(
                    java.net.URI.create(state.get(PlatformService.CATALOG.serviceName() + ".url")),
                    java.net.URI.create(state.get(PlatformService.ORDERS.serviceName() + ".url")), out,
                    runDir.resolve("generated"));
            DataGenerator.Summary summary = generator.generate(scale, seed);
            out.printf("Loaded in %.1f s: %s%n", summary.took().toMillis() / 1000.0, summary.counts());
            out.println("Waiting for every consumer to catch up …");
            out.flush();
            ConsumerLag.awaitCaughtUp(state.get("kafka.url"), Duration.ofSeconds(5), Duration.ofMinutes(30));
            out.printf("Done: %s scale, seed %d, %.1f s end to end with every consumer caught up. Fraud labels: %s%n",
                    scale.name().toLowerCase(), seed, (System.nanoTime() - started) / 1e9,
                    runDir.resolve("generated/fraud-labels.csv"));
            out.flush();
        }
    }

    @Command(name = "token", description = "Prints a development JWT for a role.")
    static final class Token implements java.util.concurrent.Callable<Integer> {

        @Option(names = "--role", required = true, split = ",",
                description = "Role(s): admin, catalog-manager, vendor, customer, analyst, compliance-officer, support.")
        List<String> roles;

        @Option(names = "--subject", description = "User name (default: dev-<role>).")
        String subject;

        @Option(names = "--customer-id", description = "customer_id claim (for the customer role).")
        String customerId;

        @Option(names = "--vendor-id", description = "vendor_id claim (for the vendor role).")
        String vendorId;

        @Option(names = "--ttl", defaultValue = "PT8H", description = "Lifetime, ISO-8601 (default PT8H).")
        Duration ttl;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            Map<String, Object> claims = new LinkedHashMap<>();
            if (customerId != null) {
                claims.put("customer_id", customerId);
            }
            if (vendorId != null) {
                claims.put("vendor_id", vendorId);
            }
            String user = subject != null ? subject : "dev-" + roles.get(0);
            spec.commandLine().getOut().println(DevTokens.issue(user, Set.copyOf(roles), claims, ttl));
            return 0;
        }
    }

    @Command(name = "watch", description = "Prints the records of a topic as they arrive: key, event type, id, value.")
    static final class Watch implements java.util.concurrent.Callable<Integer> {

        @CommandLine.Mixin
        Location location;

        @Parameters(description = "Topic, e.g. catalog.product, orders.order, catalog.product.orders-service.dlq")
        String topic;

        @Option(names = "--from-beginning", description = "Start at the first record instead of new ones only.")
        boolean fromBeginning;

        @Option(names = {"-n", "--max"}, defaultValue = "0", description = "Stop after this many records (0: never).")
        int max;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            String bootstrap = location.state().get("kafka.url");
            if (bootstrap == null) {
                throw new StackException("The platform is not running (./platformctl up)");
            }
            try (var consumer = new org.apache.kafka.clients.consumer.KafkaConsumer<String, String>(Map.of(
                    "bootstrap.servers", bootstrap,
                    "key.deserializer", "org.apache.kafka.common.serialization.StringDeserializer",
                    "value.deserializer", "org.apache.kafka.common.serialization.StringDeserializer",
                    "group.id", "platformctl-watch-" + ProcessHandle.current().pid(),
                    "auto.offset.reset", fromBeginning ? "earliest" : "latest",
                    "enable.auto.commit", "false"))) {
                consumer.subscribe(List.of(topic));
                int seen = 0;
                while (max == 0 || seen < max) {
                    for (var record : consumer.poll(Duration.ofMillis(500))) {
                        out.printf("%s p%d@%d key=%s eventType=%s id=%s%n  %s%n", record.topic(), record.partition(),
                                record.offset(), record.key(), header(record, "eventType"), header(record, "id"),
                                record.value());
                        out.flush();
                        if (max != 0 && ++seen >= max) {
                            break;
                        }
                    }
                }
            }
            return 0;
        }

        private static String header(org.apache.kafka.clients.consumer.ConsumerRecord<?, ?> record, String name) {
            var header = record.headers().lastHeader(name);
            return header == null ? "-" : new String(header.value(), StandardCharsets.UTF_8);
        }
    }

    /** What a running platform left for the other commands: process ids and addresses. */
    static final class RunState {

        /** Services last-to-first, then the stack from the top down. */
        static final List<String> STOP_ORDER = stopOrder();

        private static List<String> stopOrder() {
            List<String> order = new java.util.ArrayList<>();
            for (PlatformService service : PlatformService.values()) {
                order.add(0, service.serviceName());
            }
            order.addAll(List.of("connect", "kafka", "mariadb"));
            return List.copyOf(order);
        }

        private final Path file;
        private final java.util.Properties properties = new java.util.Properties();

        RunState(Path file) {
            this.file = file;
            if (Files.exists(file)) {
                try (var reader = Files.newBufferedReader(file)) {
                    properties.load(reader);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }

        boolean exists() {
            return Files.exists(file);
        }

        String get(String key) {
            return properties.getProperty(key);
        }

        Optional<ProcessHandle> process(String name) {
            String pid = properties.getProperty(name + ".pid");
            if (pid == null || pid.equals("-1")) {
                return Optional.empty();
            }
            return ProcessHandle.of(Long.parseLong(pid)).filter(ProcessHandle::isAlive);
        }

        boolean launcherAlive() {
            return process("launcher").isPresent();
        }

        boolean anyAlive() {
            return STOP_ORDER.stream().anyMatch(n -> process(n).isPresent());
        }

        void write(Map<String, Long> pids, EmbeddedStack stack, RunningServices services) {
            pids.forEach((name, pid) -> properties.setProperty(name + ".pid", String.valueOf(pid)));
            properties.setProperty("mariadb.url", "jdbc:mysql://127.0.0.1:" + stack.mariaDbPort());
            properties.setProperty("kafka.url", stack.kafkaBootstrapServers());
            properties.setProperty("connect.url", stack.connect().uri().toString());
            for (ServiceProcess service : services.all()) {
                properties.setProperty(service.service().serviceName() + ".url", service.uri().toString());
            }
            try {
                Files.createDirectories(file.getParent());
                try (var writer = Files.newBufferedWriter(file)) {
                    properties.store(writer, "Written by ./platformctl up; removed by ./platformctl down");
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        void delete() {
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
