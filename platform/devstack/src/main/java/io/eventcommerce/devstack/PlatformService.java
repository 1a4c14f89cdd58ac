package io.eventcommerce.devstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The registry of the platform's services, the one list every way of running is checked against
 * (RegistrationDriftTest; docs/new-service.md): module, database schema (also the name of the service's database
 * user, whose password is {@code <SCHEMA>_DB_PASSWORD}), the launcher's default port and the settings every way
 * of running sets. The topics a service publishes are the {@link PlatformTopic}s named after it; the channels it
 * consumes are those of its application.properties ({@link #consumedChannels}).
 */
public enum PlatformService {

    CATALOG("catalog-service", "catalog", 8081, Map.of()),
    ORDERS("orders-service", "orders", 8082, Map.of(
            // Orders wait for catalog-service's stock answer and compliance-service's fraud answer, everywhere.
            "orders.saga.await", "stock,fraud",
            // The payment simulator moves no money; orders-service refuses to start with it unless it is chosen.
            "orders.payment.gateway", "simulator")),
    COMPLIANCE("compliance-service", "compliance", 8083, Map.of(
            // A data-subject request completes once every service holding data about customers has answered.
            "compliance.privacy.services",
            "catalog-service,orders-service,compliance-service,insights-service,copilot-service")),
    INSIGHTS("insights-service", "insights", 8084, Map.of()),
    COPILOT("copilot-service", "copilot", 8085, Map.of());

    /**
     * Schemas (and users, and password keys) that every deployment creates ahead of the services that will own
     * them, so such a service needs no database change: their topics (compliance.fraud) may already be consumed.
     */
    public static final List<String> PLANNED_SCHEMAS = List.of();

    /**
     * compliance-service's append-only audit trail: a schema apart from {@code compliance}, where its user may
     * SELECT, INSERT, CREATE, ALTER, INDEX and REFERENCES but never UPDATE or DELETE (no table can be taken out of a
     * schema-level ALL). No user of its own; the init SQL creates it and grants exactly {@link #AUDIT_GRANTS}.
     */
    public static final String AUDIT_SCHEMA = "compliance_audit";
    public static final String AUDIT_GRANTS = "SELECT, INSERT, CREATE, ALTER, INDEX, REFERENCES";

    /**
     * compliance-service's retention purge drops whole expired monthly partitions of the audit trail, which needs
     * ALTER and DROP on the entry table: a user apart from compliance, granted exactly {@link #RETENTION_GRANTS} on
     * {@link #RETENTION_TABLE} and used by the purge alone (its datasource {@code retention}).
     */
    public static final String RETENTION_USER = "compliance_retention";
    public static final String RETENTION_PASSWORD_VARIABLE = "COMPLIANCE_RETENTION_DB_PASSWORD";
    public static final String RETENTION_GRANTS = "ALTER, CREATE, INSERT, DROP";
    public static final String RETENTION_TABLE = AUDIT_SCHEMA + ".audit_entry";

    /**
     * copilot-service runs the SQL of its questions as this user, who may SELECT the analytic replica's tables of
     * the copilot schema and nothing else (copilot's Flyway migration grants it, see deploy/mysql/platform-init.sql);
     * its datasource {@code replica}.
     */
    public static final String COPILOT_READER_USER = "copilot_reader";
    public static final String COPILOT_READER_PASSWORD_VARIABLE = "COPILOT_READER_DB_PASSWORD";

    private final String serviceName;
    private final String schema;
    private final int defaultPort;
    private final Map<String, String> settings;

    PlatformService(String serviceName, String schema, int defaultPort, Map<String, String> settings) {
        this.serviceName = serviceName;
        this.schema = schema;
        this.defaultPort = defaultPort;
        this.settings = settings;
    }

    /** The schemas deploy/mysql/platform-init.sql creates: the services' ones, then the planned ones. */
    public static List<String> allSchemas() {
        return Stream.concat(Arrays.stream(values()).map(PlatformService::schema), PLANNED_SCHEMAS.stream()).toList();
    }

    /**
     * Properties a deployment must set from a secret of its own, never from a value shared with this registry
     * (compliance-service's audit signing key). Local runs and tests get development values in {@link #stackConfig}.
     */
    public List<String> secretProperties() {
        return switch (this) {
            case COMPLIANCE -> List.of("compliance.audit.signing-key", "quarkus.datasource.retention.password");
            case COPILOT -> List.of("quarkus.datasource.replica.password");
            default -> List.of();
        };
    }

    /** The environment variable a deployment sets a property with ({@code orders.saga.await} → ORDERS_SAGA_AWAIT). */
    public static String environmentName(String property) {
        return property.replaceAll("[^A-Za-z0-9]", "_").toUpperCase(Locale.ROOT);
    }

    public static PlatformService byName(String name) {
        for (PlatformService service : values()) {
            if (service.serviceName.equals(name) || service.schema.equals(name)) {
                return service;
            }
        }
        throw new IllegalArgumentException("No service named " + name);
    }

    public String serviceName() {
        return serviceName;
    }

    public String schema() {
        return schema;
    }

    public int defaultPort() {
        return defaultPort;
    }

    /** The runnable application Quarkus builds ({@code ./mvnw package}). */
    public Path runnableJar(Path projectRoot) {
        return projectRoot.resolve(serviceName).resolve("target/quarkus-app/quarkus-run.jar");
    }

    /** The key of the service's database password in every deployment's secrets and environment. */
    public String passwordVariable() {
        return schema.toUpperCase(Locale.ROOT) + "_DB_PASSWORD";
    }

    /** The topics this service publishes (those named after it). */
    public List<PlatformTopic> publishes() {
        return Arrays.stream(PlatformTopic.values()).filter(t -> t.owner().equals(serviceName)).toList();
    }

    /** The channels this service consumes, read from {@code <module>/src/main/resources/application.properties}. */
    public List<ConsumedChannel> consumedChannels(Path projectRoot) {
        Path file = projectRoot.resolve(serviceName).resolve("src/main/resources/application.properties");
        try {
            return ConsumedChannel.parse(Files.readString(file), serviceName);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Settings of this repository's platform that differ from a production deployment's defaults, set by every way
     * of running (the launcher here, docker-compose and Kubernetes as environment variables, see
     * {@link #environmentName}). No compliance-service exists yet to answer fraud checks, so orders wait for the stock
     * answer only ({@code orders.saga.await}; the default waits for both). The payment simulator, which moves no
     * money, is chosen explicitly ({@code orders.payment.gateway}): orders-service refuses to start with it otherwise.
     */
    public Map<String, String> settings() {
        return settings;
    }

    /**
     * The settings of a local run: {@link #settings()}, and Swagger UI served at {@code /q/swagger-ui} (built in, but
     * off unless enabled, so docker-compose and Kubernetes do not serve it).
     */
    public Map<String, String> localConfig() {
        Map<String, String> local = new LinkedHashMap<>(settings);
        local.put("quarkus.swagger-ui.enabled", "true");
        return Map.copyOf(local);
    }

    /**
     * The configuration that connects the service to a stack, as Quarkus property names. Production sets the same
     * properties from its environment (QUARKUS_DATASOURCE_JDBC_URL, ...); the JWT verification key is added by the
     * caller, since tests read it from the classpath and the launcher from a file.
     */
    public Map<String, String> stackConfig(PlatformStack stack) {
        Map<String, String> config = new LinkedHashMap<>();
        config.put("quarkus.datasource.jdbc.url", stack.jdbcUrl(schema));
        config.put("quarkus.datasource.username", schema);
        config.put("quarkus.datasource.password", stack.password(schema));
        config.put("kafka.bootstrap.servers", stack.kafkaBootstrapServers());
        config.put("mp.jwt.verify.issuer", DevTokens.ISSUER);
        config.putAll(stack.flavourConfig());
        if (this == COMPLIANCE) {
            // Dev-only signing key of the audit checkpoints (DevSecrets); production's comes from a secret.
            config.put("compliance.audit.signing-key", DevSecrets.AUDIT_SIGNING_KEY);
            // The retention purge's own user (RETENTION_USER), on the audit schema.
            config.put("quarkus.datasource.retention.jdbc.url", stack.jdbcUrl(AUDIT_SCHEMA));
            config.put("quarkus.datasource.retention.username", RETENTION_USER);
            config.put("quarkus.datasource.retention.password", stack.password(RETENTION_USER));
        }
        if (this == COPILOT) {
            // The questions' read-only user (COPILOT_READER_USER), on the copilot schema.
            config.put("quarkus.datasource.replica.jdbc.url", stack.jdbcUrl(schema));
            config.put("quarkus.datasource.replica.username", COPILOT_READER_USER);
            config.put("quarkus.datasource.replica.password", stack.password(COPILOT_READER_USER));
        }
        return config;
    }
}
