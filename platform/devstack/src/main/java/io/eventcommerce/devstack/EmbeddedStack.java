package io.eventcommerce.devstack;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.logging.Logger;

/**
 * MariaDB 11.4, a KRaft Kafka broker and Kafka Connect with Debezium, each in its own process, started from
 * Maven Central artifacts: what the launcher runs the platform on and what integration tests run against.
 * Database and broker start in parallel; Connect follows the broker.
 */
public final class EmbeddedStack implements PlatformStack {

    private static final Logger LOG = Logger.getLogger(EmbeddedStack.class.getName());
    private static final Duration PROCESS_TIMEOUT = Duration.ofMinutes(2);
    private static final Duration CONNECTOR_TIMEOUT = Duration.ofMinutes(2);
    private static final String CONNECTOR_CLASS = "io.debezium.connector.mariadb.MariaDbConnector";
    /** The stack's own processes, by the names the run's state and {@code platformctl} use, in start order. */
    static final List<String> PROCESSES = List.of("mariadb", "kafka", "connect");

    private final StackOptions options;
    private final MariaDbServer database;
    private final KafkaBroker kafka;
    private final KafkaConnectWorker connectWorker;
    private final ConnectClient connect;
    private Duration startupTime = Duration.ZERO;
    /** The connectors a (re)started Connect is awaited for: all of them unless registered otherwise. */
    private volatile List<String> registered = PlatformStack.connectorNames();

    private EmbeddedStack(StackOptions options) {
        this.options = options;
        Path work = options.workDir().toAbsolutePath();
        Path logs = work.resolve("logs");
        Path log4j = writeLog4jConfig(work);
        this.database = new MariaDbServer(StackRuntime.mariaDbHome(options.cacheDir()), work.resolve("mariadb"),
                logs.resolve("mariadb.log"), Ports.resolve(options.mariaDbPort()));
        this.kafka = new KafkaBroker(work.resolve("kafka"), logs.resolve("kafka.log"), log4j,
                Ports.resolve(options.kafkaPort()), Ports.resolve(options.kafkaControllerPort()),
                options.kafkaJvmOptions());
        this.connectWorker = new KafkaConnectWorker(work.resolve("connect"), logs.resolve("connect.log"), log4j,
                Ports.resolve(options.connectPort()), kafka.bootstrapServers(), Map.of(
                "DEBEZIUM_CONNECTOR_CLASS", CONNECTOR_CLASS,
                "DATABASE_HOST", "127.0.0.1",
                "DATABASE_PORT", String.valueOf(database.port()),
                "DEBEZIUM_DB_PASSWORD", DevSecrets.password(DevSecrets.DEBEZIUM_USER),
                "KAFKA_BOOTSTRAP_SERVERS", kafka.bootstrapServers()), options.connectJvmOptions());
        this.connect = new ConnectClient(connectWorker.uri());
    }

    /** Starts database, broker and Connect and waits until each answers. Connectors are registered separately. */
    public static EmbeddedStack start(StackOptions options) {
        StackRuntime.requireSupportedPlatform();
        EmbeddedStack stack = new EmbeddedStack(options);
        stack.requirePortsFree();
        long started = System.nanoTime();
        try {
            CompletableFuture<Long> db = CompletableFuture.supplyAsync(() -> timed(() -> stack.database.start(PROCESS_TIMEOUT)));
            long kafkaNanos = timed(() -> stack.kafka.start(PROCESS_TIMEOUT));
            long connectNanos = timed(() -> stack.connectWorker.start(PROCESS_TIMEOUT));
            long dbNanos = db.join();
            stack.startupTime = Duration.ofNanos(System.nanoTime() - started);
            LOG.info(String.format("Embedded stack up in %.1f s (MariaDB %.1f s and Kafka %.1f s in parallel, then "
                            + "Connect %.1f s): %s", stack.startupTime.toMillis() / 1e3, dbNanos / 1e9,
                    kafkaNanos / 1e9, connectNanos / 1e9, stack.description()));
            return stack;
        } catch (RuntimeException e) {
            stack.close();
            Throwable cause = e instanceof CompletionException && e.getCause() != null ? e.getCause() : e;
            throw cause instanceof StackException s ? s : new StackException(cause.getMessage(), cause);
        }
    }

    @Override
    public String description() {
        return "MariaDB " + StackRuntime.version("mariadb") + " on port " + database.port()
                + ", Kafka " + StackRuntime.version("kafka") + " on " + kafka.bootstrapServers()
                + ", Kafka Connect with Debezium " + StackRuntime.version("debezium") + " on " + connect.uri();
    }

    @Override
    public String jdbcUrl(String schema) {
        return "jdbc:mysql://127.0.0.1:" + database.port() + "/" + schema;
    }

    @Override
    public String password(String user) {
        return DevSecrets.password(user);
    }

    @Override
    public String rootPassword() {
        return "";
    }

    @Override
    public String kafkaBootstrapServers() {
        return kafka.bootstrapServers();
    }

    /**
     * Hibernate's MySQL dialect runs well on MariaDB 11.4 but warns twice at start-up: MariaDB reports version 11.4,
     * which the MySQL 8.0 version check cannot interpret, and Connector/J's keyword query reads a column
     * (INFORMATION_SCHEMA.KEYWORDS.RESERVED) MariaDB does not have, so Hibernate uses the dialect's defaults.
     * Neither happens on MySQL 8.4, so both are switched off here rather than in the services' configuration.
     */
    @Override
    public Map<String, String> flavourConfig() {
        return Map.of("quarkus.hibernate-orm.database.version-check.enabled", "false",
                "quarkus.log.category.\"org.hibernate.orm.jdbc\".level", "ERROR");
    }

    @Override
    public ConnectClient connect() {
        return connect;
    }

    @Override
    public Duration startupTime() {
        return startupTime;
    }

    public int mariaDbPort() {
        return database.port();
    }

    /** Process ids of database, broker and Connect, for the launcher's state file. */
    public Map<String, Long> pids() {
        return Map.of("mariadb", database.pid(), "kafka", kafka.pid(), "connect", connectWorker.pid());
    }

    @Override
    public void registerConnectors(List<String> names) {
        List<String> known = PlatformStack.knownConnectors(names);
        for (String name : known) {
            connect.putConnector(name, DeployFiles.connectorConfig(name), CONNECTOR_TIMEOUT);
        }
        registered = known;
        awaitConnectorsStreaming();
    }

    @Override
    public void killConnect() {
        connectWorker.kill();
        endBinlogReaders();
    }

    /**
     * The server notices a vanished binlog reader only when it next writes to it; ending those sessions once Connect
     * is gone lets the wait for a restarted connector see its new reader and not the dead one.
     */
    private void endBinlogReaders() {
        for (String id : binlogReaders().split("\n")) {
            if (!id.isBlank()) {
                try {
                    database.query("KILL " + id.trim());
                } catch (StackException e) {
                    // ER_NO_SUCH_THREAD: the session ended by itself between the listing and the KILL.
                    if (!e.getMessage().contains("ERROR 1094")) {
                        throw e;
                    }
                }
            }
        }
    }

    @Override
    public void startConnect() {
        connectWorker.start(PROCESS_TIMEOUT);
        awaitConnectorsStreaming();
    }

    /** The current process of {@code mariadb}, {@code kafka} or {@code connect} (a new one after a restart). */
    ManagedProcess process(String name) {
        return switch (name) {
            case "mariadb" -> database.process();
            case "kafka" -> kafka.process();
            case "connect" -> connectWorker.process();
            default -> throw new IllegalArgumentException("No stack process named " + name);
        };
    }

    /**
     * Starts a stack process that has exited again, on the same ports and data directory, without waiting for it
     * ({@link #awaitReady}): MariaDB recovers InnoDB, Kafka its logs (its storage is not formatted again), Connect
     * reads its connectors and offsets from Kafka.
     */
    void launch(String name) {
        switch (name) {
            case "mariadb" -> database.relaunch();
            case "kafka" -> kafka.launch();
            case "connect" -> {
                // Connect died by itself (not through killConnect): its binlog sessions may still be listed.
                try {
                    endBinlogReaders();
                } catch (StackException databaseAway) {
                    LOG.fine(() -> "Binlog readers left as they are: " + databaseAway.getMessage());
                }
                connectWorker.launch();
            }
            default -> throw new IllegalArgumentException("No stack process named " + name);
        }
    }

    /** Waits until a process started by {@link #launch} answers (Connect: its REST API; see {@link #awaitConnectors}). */
    void awaitReady(String name, Duration timeout) {
        switch (name) {
            case "mariadb" -> database.awaitReady(timeout);
            case "kafka" -> kafka.awaitReady(timeout);
            case "connect" -> connectWorker.awaitReady(timeout);
            default -> throw new IllegalArgumentException("No stack process named " + name);
        }
    }

    /** After Connect started again: waits until every connector runs and Debezium reads the binlog, as at start. */
    void awaitConnectors() {
        awaitConnectorsStreaming();
    }

    /** SIGKILL, like a crash ({@link #killConnect}, {@link #killDatabase}, or the broker). */
    void kill(String name) {
        switch (name) {
            case "mariadb" -> killDatabase();
            case "kafka" -> kafka.kill();
            case "connect" -> killConnect();
            default -> throw new IllegalArgumentException("No stack process named " + name);
        }
    }

    @Override
    public void killDatabase() {
        database.kill();
    }

    @Override
    public void startDatabase() {
        database.restart(PROCESS_TIMEOUT);
    }

    /** Runs SQL as root over the server's socket; output is tab-separated rows. */
    public String sql(String statement) {
        return database.query(statement);
    }

    @Override
    public void close() {
        connectWorker.stop();
        kafka.stop();
        database.stop();
    }

    /**
     * A connector is "running" in Connect before Debezium has read the binlog position it starts from. Only
     * once its binlog reader is connected can no commit slip between position and stream, so wait for that.
     */
    private void awaitConnectorsStreaming() {
        List<String> connectors = registered;
        for (String name : connectors) {
            connect.awaitRunning(name, CONNECTOR_TIMEOUT);
        }
        Await.until("Debezium to read the binlog", CONNECTOR_TIMEOUT, () -> {
            for (String name : connectors) {
                ConnectClient.ConnectorState state = connect.state(name);
                if (state.failed()) {
                    throw new StackException("Connector " + name + " failed: " + state.trace());
                }
            }
        }, () -> binlogReaders().lines().filter(l -> !l.isBlank()).count() >= connectors.size());
    }

    private String binlogReaders() {
        return database.query("SELECT ID FROM information_schema.PROCESSLIST WHERE USER = '"
                + DevSecrets.DEBEZIUM_USER + "' AND COMMAND LIKE 'Binlog Dump%'");
    }

    private void requirePortsFree() {
        if (options.mariaDbPort() != 0) {
            Ports.requireFree(database.port(), "MariaDB");
        }
        if (options.kafkaPort() != 0) {
            Ports.requireFree(kafka.port(), "Kafka");
        }
        if (options.connectPort() != 0) {
            Ports.requireFree(connectWorker.port(), "Kafka Connect");
        }
    }

    private static Path writeLog4jConfig(Path work) {
        try (InputStream in = EmbeddedStack.class.getResourceAsStream("/devstack/log4j2.properties")) {
            Files.createDirectories(work);
            Path target = work.resolve("log4j2.properties");
            Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
            return target;
        } catch (IOException | NullPointerException e) {
            throw new StackException("Cannot write the Log4j configuration of the stack: " + e.getMessage(), e);
        }
    }

    private static long timed(Runnable step) {
        long started = System.nanoTime();
        step.run();
        return System.nanoTime() - started;
    }
}
