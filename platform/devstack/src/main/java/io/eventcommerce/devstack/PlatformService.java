package io.eventcommerce.devstack;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The services of the platform as the launcher and the tests run them: module, database schema (also the name
 * of the service's database user) and the launcher's default port.
 */
public enum PlatformService {

    CATALOG("catalog-service", "catalog", 8081),
    ORDERS("orders-service", "orders", 8082);

    private final String serviceName;
    private final String schema;
    private final int defaultPort;

    PlatformService(String serviceName, String schema, int defaultPort) {
        this.serviceName = serviceName;
        this.schema = schema;
        this.defaultPort = defaultPort;
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

    /**
     * Settings of this repository's local platform that differ from a production deployment's defaults. No
     * compliance-service exists yet to answer fraud checks, so orders wait for the stock answer only
     * ({@code orders.saga.await}; production waits for both). The payment simulator, which moves no money, is chosen
     * explicitly ({@code orders.payment.gateway}): orders-service refuses to start with it otherwise. Swagger UI is
     * served ({@code /q/swagger-ui}; off in production).
     */
    public Map<String, String> localConfig() {
        return this == ORDERS ? Map.of("orders.saga.await", "stock", "orders.payment.gateway", "simulator",
                "quarkus.swagger-ui.enabled", "true") : Map.of("quarkus.swagger-ui.enabled", "true");
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
        return config;
    }
}
