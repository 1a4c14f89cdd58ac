package io.eventcommerce.testkit;

import io.eventcommerce.devstack.ConnectClient;
import io.eventcommerce.devstack.DeployFiles;
import io.eventcommerce.devstack.DevSecrets;
import io.eventcommerce.devstack.PlatformStack;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.Network;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.images.builder.Transferable;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.mysql.MySQLContainer;

import java.net.URI;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The production flavour of the stack in containers: MySQL 8.4 with deploy/mysql's config and init SQL, Apache
 * Kafka 4.1.1 and Debezium's Connect image, which registers the same connector files through the same REST API
 * as the embedded stack. Selected with {@code -Dplatform.stack=containers}; needs a Docker engine.
 */
final class ContainersStack implements PlatformStack {

    private static final String MYSQL_IMAGE = "mysql:8.4";
    private static final String KAFKA_IMAGE = "apache/kafka:4.1.1";
    private static final String CONNECT_IMAGE = "quay.io/debezium/connect:3.5.0.Final";
    private static final String ROOT_PASSWORD = "root-dev-password";
    private static final String KAFKA_IN_NETWORK = "kafka:19092";

    private final Network network = Network.newNetwork();
    /** The connectors a restarted Connect is awaited for. */
    private volatile List<String> registered = PlatformStack.connectorNames();
    private final MySQLContainer mysql;
    private final KafkaContainer kafka;
    private final GenericContainer<?> connect;
    private Duration startupTime = Duration.ZERO;

    private ContainersStack() {
        mysql = new MySQLContainer(MYSQL_IMAGE)
                .withNetwork(network).withNetworkAliases("mysql")
                .withPassword(ROOT_PASSWORD)
                .withCopyToContainer(Transferable.of(DeployFiles.read("mysql/conf.d/platform.cnf")),
                        "/etc/mysql/conf.d/platform.cnf")
                .withCopyToContainer(Transferable.of(DeployFiles.initSql(DevSecrets.initSqlVariables())),
                        "/docker-entrypoint-initdb.d/10-platform-init.sql");
        kafka = new KafkaContainer(KAFKA_IMAGE)
                .withNetwork(network).withNetworkAliases("kafka")
                .withListener(KAFKA_IN_NETWORK);
        connect = new GenericContainer<>(CONNECT_IMAGE)
                .withNetwork(network)
                .withExposedPorts(8083)
                .withEnv("BOOTSTRAP_SERVERS", KAFKA_IN_NETWORK)
                .withEnv("GROUP_ID", "eventcommerce-connect")
                .withEnv("CONFIG_STORAGE_TOPIC", "_connect-configs")
                .withEnv("OFFSET_STORAGE_TOPIC", "_connect-offsets")
                .withEnv("STATUS_STORAGE_TOPIC", "_connect-status")
                .withEnv("CONNECT_OFFSET_FLUSH_INTERVAL_MS", "1000")
                .withEnv("CONNECT_SCHEDULED_REBALANCE_MAX_DELAY_MS", "0")
                .withEnv("CONNECT_CONFIG_PROVIDERS", "env")
                .withEnv("CONNECT_CONFIG_PROVIDERS_ENV_CLASS",
                        "org.apache.kafka.common.config.provider.EnvVarConfigProvider")
                // The values deploy/debezium/connectors/*.json reads with ${env:...}: the flavour differs here only.
                .withEnv("DEBEZIUM_CONNECTOR_CLASS", "io.debezium.connector.mysql.MySqlConnector")
                .withEnv("DATABASE_HOST", "mysql")
                .withEnv("DATABASE_PORT", "3306")
                .withEnv("DEBEZIUM_DB_PASSWORD", DevSecrets.password(DevSecrets.DEBEZIUM_USER))
                .withEnv("KAFKA_BOOTSTRAP_SERVERS", KAFKA_IN_NETWORK)
                .waitingFor(Wait.forHttp("/connectors").forPort(8083).forStatusCode(200)
                        .withStartupTimeout(Duration.ofMinutes(3)));
    }

    static ContainersStack start() {
        ContainersStack stack = new ContainersStack();
        long started = System.nanoTime();
        stack.mysql.start();
        stack.kafka.start();
        stack.connect.start();
        stack.startupTime = Duration.ofNanos(System.nanoTime() - started);
        return stack;
    }

    @Override
    public String description() {
        return "Testcontainers: " + MYSQL_IMAGE + ", " + KAFKA_IMAGE + ", " + CONNECT_IMAGE;
    }

    @Override
    public String jdbcUrl(String schema) {
        return "jdbc:mysql://" + mysql.getHost() + ":" + mysql.getMappedPort(3306) + "/" + schema;
    }

    @Override
    public String password(String user) {
        return DevSecrets.password(user);
    }

    @Override
    public String rootPassword() {
        return ROOT_PASSWORD;
    }

    @Override
    public String kafkaBootstrapServers() {
        return kafka.getBootstrapServers();
    }

    @Override
    public ConnectClient connect() {
        return new ConnectClient(URI.create("http://" + connect.getHost() + ":" + connect.getMappedPort(8083)));
    }

    @Override
    public Duration startupTime() {
        return startupTime;
    }

    @Override
    public void registerConnectors(List<String> names) {
        List<String> known = PlatformStack.knownConnectors(names);
        ConnectClient client = connect();
        for (String name : known) {
            client.putConnector(name, DeployFiles.connectorConfig(name), Duration.ofMinutes(2));
        }
        registered = known;
        awaitStreaming(client);
    }

    @Override
    public void killConnect() {
        connect.getDockerClient().killContainerCmd(connect.getContainerId()).withSignal("KILL").exec();
        connect.stop();
        for (String id : binlogReaders()) {
            try {
                execute("KILL " + id);
            } catch (IllegalStateException e) {
                // ER_NO_SUCH_THREAD: the session ended by itself between the listing and the KILL.
                if (!(e.getCause() instanceof SQLException sql) || sql.getErrorCode() != 1094) {
                    throw e;
                }
            }
        }
    }

    @Override
    public void startConnect() {
        connect.start();
        awaitStreaming(connect());
    }

    /**
     * Not on containers: a restarted MySQL container gets a new random host port, and the services' JDBC URLs point
     * at the old one. The database outage drill runs on the embedded stack, which keeps the port.
     */
    @Override
    public void killDatabase() {
        throw new UnsupportedOperationException("killDatabase needs a database that comes back on the same port; "
                + "run the outage drill on the embedded stack (the default, -Dplatform.stack=embedded)");
    }

    @Override
    public void startDatabase() {
        throw new UnsupportedOperationException("startDatabase: see killDatabase");
    }

    @Override
    public void close() {
        connect.stop();
        kafka.stop();
        mysql.stop();
        network.close();
    }

    private void awaitStreaming(ConnectClient client) {
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        List<String> connectors = registered;
        for (String name : connectors) {
            client.awaitRunning(name, Duration.ofMinutes(2));
        }
        while (binlogReaders().size() < connectors.size()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("Debezium did not start reading the binlog");
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    private List<String> binlogReaders() {
        List<String> ids = new ArrayList<>();
        try (Connection connection = rootConnection(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT ID FROM information_schema.PROCESSLIST WHERE USER = '"
                     + DevSecrets.DEBEZIUM_USER + "' AND COMMAND LIKE 'Binlog Dump%'")) {
            while (rows.next()) {
                ids.add(rows.getString(1));
            }
            return ids;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private void execute(String sql) {
        try (Connection connection = rootConnection(); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private Connection rootConnection() throws SQLException {
        return DriverManager.getConnection(jdbcUrl("mysql"), "root", ROOT_PASSWORD);
    }
}
