package io.eventcommerce.devstack;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Kafka Connect in distributed mode with Debezium's MariaDB connector on its classpath, in its own JVM.
 * Connector configs come from deploy/debezium/connectors; their {@code ${env:...}} values are this process's
 * environment, resolved by the worker's EnvVarConfigProvider exactly as in docker-compose and Kubernetes.
 */
final class KafkaConnectWorker {

    private final Path baseDir;
    private final Path logFile;
    private final Path log4jConfig;
    private final int port;
    private final String bootstrapServers;
    private final Map<String, String> connectorEnvironment;
    private final List<String> jvmOptions;
    /** Replaced by {@link #launch} on a restart; read by the supervisor's and the launcher's threads. */
    private volatile ManagedProcess process;

    KafkaConnectWorker(Path baseDir, Path logFile, Path log4jConfig, int port, String bootstrapServers,
                       Map<String, String> connectorEnvironment, List<String> jvmOptions) {
        this.baseDir = baseDir;
        this.logFile = logFile;
        this.log4jConfig = log4jConfig;
        this.port = port;
        this.bootstrapServers = bootstrapServers;
        this.connectorEnvironment = connectorEnvironment;
        this.jvmOptions = jvmOptions;
    }

    URI uri() {
        return URI.create("http://127.0.0.1:" + port);
    }

    int port() {
        return port;
    }

    void start(Duration timeout) {
        launch();
        awaitReady(timeout);
    }

    /** Starts the worker process without waiting; connectors and offsets are in Kafka, so it picks them up. */
    void launch() {
        if (process != null && process.isAlive()) {
            throw new StackException("Kafka Connect is still running (pid " + process.pid() + ")");
        }
        try {
            Files.createDirectories(baseDir);
            Path config = baseDir.resolve("connect-distributed.properties");
            Files.writeString(config, workerProperties());
            process = ManagedProcess.start("connect", JavaCommand.of(jvmOptions, log4jConfig,
                    "org.apache.kafka.connect.cli.ConnectDistributed", config.toString()),
                    connectorEnvironment, baseDir, logFile);
        } catch (IOException e) {
            throw new StackException("Cannot start Kafka Connect: " + e.getMessage(), e);
        }
    }

    /** Waits until the worker's REST API answers; fails at once if its process died. */
    void awaitReady(Duration timeout) {
        ManagedProcess launched = process;
        ConnectClient client = new ConnectClient(uri());
        Await.until("Kafka Connect on port " + port, timeout, launched::checkAlive, client::answers);
    }

    /** The worker's current process (a new one after {@link #launch}), or null before the first start. */
    ManagedProcess process() {
        return process;
    }

    long pid() {
        ManagedProcess current = process;
        return current == null ? -1 : current.pid();
    }

    void stop() {
        ManagedProcess current = process;
        if (current != null) {
            current.stop(Duration.ofSeconds(30));
        }
    }

    void kill() {
        ManagedProcess current = process;
        if (current != null) {
            current.kill();
        }
    }

    private String workerProperties() {
        return """
                bootstrap.servers=%1$s
                group.id=eventcommerce-connect
                listeners=http://127.0.0.1:%2$d
                rest.advertised.host.name=127.0.0.1
                rest.advertised.port=%2$d
                key.converter=org.apache.kafka.connect.json.JsonConverter
                value.converter=org.apache.kafka.connect.json.JsonConverter
                config.storage.topic=_connect-configs
                offset.storage.topic=_connect-offsets
                status.storage.topic=_connect-status
                config.storage.replication.factor=1
                offset.storage.replication.factor=1
                status.storage.replication.factor=1
                offset.flush.interval.ms=1000
                task.shutdown.graceful.timeout.ms=5000
                scheduled.rebalance.max.delay.ms=0
                plugin.discovery=service_load
                config.providers=env
                config.providers.env.class=org.apache.kafka.common.config.provider.EnvVarConfigProvider
                """.formatted(bootstrapServers, port);
    }
}
