package io.eventcommerce.devstack;

import java.time.Duration;
import java.util.List;

/**
 * The infrastructure a service runs on: a MySQL-compatible server with the platform's schemas and users, a Kafka
 * broker, and Kafka Connect with Debezium. Implemented by {@link EmbeddedStack} (no Docker needed) and, in the
 * test kit, by a Testcontainers stack on MySQL 8.4.
 */
public interface PlatformStack extends AutoCloseable {

    /** What runs, with versions, for logs and the launcher's summary. */
    String description();

    /** Connector/J URL of a schema, reachable from this machine. */
    String jdbcUrl(String schema);

    /** Password of a database user created by the init SQL (service users are named like their schema). */
    String password(String user);

    /** Root login for administration and test assertions; an empty password means none. */
    String rootPassword();

    String kafkaBootstrapServers();

    /** Quarkus settings a service needs on this stack's database flavour only (none on MySQL). */
    default java.util.Map<String, String> flavourConfig() {
        return java.util.Map.of();
    }

    ConnectClient connect();

    /** How long {@code start} took, from nothing to Connect answering. */
    Duration startupTime();

    /**
     * Registers every connector of deploy/debezium/connectors and waits until each runs and Debezium reads the
     * binlog, so no change committed after this returns can be missed.
     */
    default void registerConnectors() {
        registerConnectors(connectorNames());
    }

    /**
     * Registers the named connectors of deploy/debezium/connectors, as {@link #registerConnectors()} does all of
     * them; a restarted Connect is awaited for these. A service's tests that need no audit trail register the outbox
     * connector alone ({@code platform.connectors}, TestStack), so a bulk load is not captured twice.
     *
     * @throws IllegalArgumentException for a name that is not a connector of deploy/debezium/connectors
     */
    void registerConnectors(List<String> names);

    /** {@code names}, checked against deploy/debezium/connectors. */
    static List<String> knownConnectors(List<String> names) {
        List<String> unknown = names.stream().filter(n -> !connectorNames().contains(n)).toList();
        if (names.isEmpty() || !unknown.isEmpty()) {
            throw new IllegalArgumentException("Unknown connector(s) " + unknown + ": deploy/debezium/connectors has "
                    + connectorNames());
        }
        return List.copyOf(names);
    }

    /** Kills Kafka Connect like a crash (SIGKILL): no offset flush, no graceful task stop. */
    void killConnect();

    /** Starts Kafka Connect again and waits until its connectors read the binlog. */
    void startConnect();

    /**
     * Kills the database server like a crash (SIGKILL): open connections break, in-flight transactions roll back
     * on restart. Services and Debezium must ride it out on their own.
     */
    void killDatabase();

    /** Starts the killed database again on the same address and data, and waits until it answers queries. */
    void startDatabase();

    @Override
    void close();

    /** The connector names under deploy/debezium/connectors. */
    static List<String> connectorNames() {
        return DeployFiles.connectorNames();
    }
}
