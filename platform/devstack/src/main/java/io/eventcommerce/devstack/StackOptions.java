package io.eventcommerce.devstack;

import java.nio.file.Path;
import java.util.List;

/**
 * Where the embedded stack keeps its data and logs, and its ports ({@code 0} = any free port).
 *
 * @param workDir  data, configuration and logs of this stack ({@code mariadb/}, {@code kafka/}, {@code connect/},
 *                 {@code logs/}); kept between runs, so a second start finds its data
 * @param cacheDir where the MariaDB binaries are unpacked once per version
 */
public record StackOptions(Path workDir, Path cacheDir, int mariaDbPort, int kafkaPort, int kafkaControllerPort,
                           int connectPort, List<String> kafkaJvmOptions, List<String> connectJvmOptions) {

    public static final Path DEFAULT_CACHE = Path.of(System.getProperty("user.home"), ".cache", "eventcommerce");

    /** Ephemeral ports, for tests. */
    public static StackOptions ephemeral(Path workDir) {
        return new StackOptions(workDir, DEFAULT_CACHE, 0, 0, 0, 0, defaultKafkaJvm(), defaultConnectJvm());
    }

    /** The launcher's fixed ports, chosen away from a local MySQL (3306) or Kafka (9092). */
    public static StackOptions local(Path workDir) {
        return new StackOptions(workDir, DEFAULT_CACHE, 13306, 19092, 19093, 18083, defaultKafkaJvm(),
                defaultConnectJvm());
    }

    public StackOptions withPorts(int mariaDb, int kafka, int kafkaController, int connect) {
        return new StackOptions(workDir, cacheDir, mariaDb, kafka, kafkaController, connect, kafkaJvmOptions,
                connectJvmOptions);
    }

    static List<String> defaultKafkaJvm() {
        return List.of("-Xms128m", "-Xmx512m", "-XX:+UseSerialGC");
    }

    static List<String> defaultConnectJvm() {
        return List.of("-Xms128m", "-Xmx768m", "-XX:+UseSerialGC");
    }
}
