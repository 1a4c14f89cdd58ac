package io.eventcommerce.devstack;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A single-node KRaft Kafka broker (broker and controller in one process) with every internal topic at
 * replication factor 1, in its own JVM so its Scala and logging stack never meet a service's classpath.
 */
final class KafkaBroker {

    private final Path baseDir;
    private final Path logFile;
    private final Path log4jConfig;
    private final int port;
    private final int controllerPort;
    private final List<String> jvmOptions;
    /** Replaced by {@link #launch} on a restart; read by the supervisor's and the launcher's threads. */
    private volatile ManagedProcess process;

    KafkaBroker(Path baseDir, Path logFile, Path log4jConfig, int port, int controllerPort, List<String> jvmOptions) {
        this.baseDir = baseDir;
        this.logFile = logFile;
        this.log4jConfig = log4jConfig;
        this.port = port;
        this.controllerPort = controllerPort;
        this.jvmOptions = jvmOptions;
    }

    String bootstrapServers() {
        return "127.0.0.1:" + port;
    }

    int port() {
        return port;
    }

    void start(Duration timeout) {
        launch();
        awaitReady(timeout);
    }

    /**
     * Starts the broker process without waiting for it. Storage is formatted only when the data directory has no
     * {@code meta.properties} yet: a broker started again after a crash keeps its cluster id, metadata log and
     * topics, on the same ports (a re-format would refuse, or, on an emptied directory, lose every topic).
     */
    void launch() {
        if (process != null && process.isAlive()) {
            throw new StackException("Kafka is still running (pid " + process.pid() + ")");
        }
        try {
            Path dataDir = baseDir.resolve("data");
            Files.createDirectories(dataDir);
            Path config = baseDir.resolve("server.properties");
            Files.writeString(config, serverProperties(dataDir));
            if (!Files.exists(dataDir.resolve("meta.properties"))) {
                format(config);
            }
            process = ManagedProcess.start("kafka", JavaCommand.of(jvmOptions, log4jConfig, "kafka.Kafka",
                    config.toString()), Map.of(), baseDir, logFile);
        } catch (IOException e) {
            throw new StackException("Cannot start Kafka: " + e.getMessage(), e);
        }
    }

    /** Waits until the broker answers a metadata request; fails at once if its process died. */
    void awaitReady(Duration timeout) {
        ManagedProcess launched = process;
        Await.until("Kafka on port " + port, timeout, launched::checkAlive, this::clusterAnswers);
    }

    /** The broker's current process (a new one after {@link #launch}), or null before the first start. */
    ManagedProcess process() {
        return process;
    }

    long pid() {
        ManagedProcess current = process;
        return current == null ? -1 : current.pid();
    }

    /** SIGKILL, like a crash: no controlled shutdown; the next start recovers the logs from the data directory. */
    void kill() {
        ManagedProcess current = process;
        if (current != null) {
            current.kill();
        }
    }

    void stop() {
        ManagedProcess current = process;
        if (current != null) {
            current.stop(Duration.ofSeconds(30));
        }
    }

    private String serverProperties(Path dataDir) {
        return """
                process.roles=broker,controller
                node.id=1
                controller.quorum.voters=1@127.0.0.1:%2$d
                listeners=PLAINTEXT://127.0.0.1:%1$d,CONTROLLER://127.0.0.1:%2$d
                advertised.listeners=PLAINTEXT://127.0.0.1:%1$d
                controller.listener.names=CONTROLLER
                inter.broker.listener.name=PLAINTEXT
                listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT
                log.dirs=%3$s
                num.partitions=3
                default.replication.factor=1
                offsets.topic.replication.factor=1
                transaction.state.log.replication.factor=1
                transaction.state.log.min.isr=1
                share.coordinator.state.topic.replication.factor=1
                share.coordinator.state.topic.min.isr=1
                group.initial.rebalance.delay.ms=0
                auto.create.topics.enable=true
                log.retention.hours=168
                """.formatted(port, controllerPort, dataDir);
    }

    private void format(Path config) {
        List<String> command = JavaCommand.of(jvmOptions, log4jConfig, "kafka.tools.StorageTool", "format",
                "-t", clusterId(), "-c", config.toString());
        try {
            Files.createDirectories(logFile.getParent());
            Process format = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile())).start();
            if (!format.waitFor(2, TimeUnit.MINUTES) || format.exitValue() != 0) {
                throw new StackException("Formatting Kafka storage failed; see " + logFile + ":\n"
                        + ManagedProcess.tail(logFile, 20));
            }
        } catch (IOException e) {
            throw new StackException("Cannot format Kafka storage: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StackException("Interrupted while formatting Kafka storage");
        }
    }

    /** A Kafka cluster id: 16 random bytes, URL-safe base64 without padding, not starting with '-'. */
    static String clusterId() {
        SecureRandom random = new SecureRandom();
        byte[] bytes = new byte[16];
        String id;
        do {
            random.nextBytes(bytes);
            id = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        } while (id.startsWith("-"));
        return id;
    }

    private boolean clusterAnswers() {
        if (!Ports.isOpen(port)) {
            return false;
        }
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers(),
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 2000,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 3000))) {
            return !admin.describeCluster(new DescribeClusterOptions().timeoutMs(3000)).nodes()
                    .get(4, TimeUnit.SECONDS).isEmpty();
        } catch (Exception e) {
            return false;
        }
    }
}
