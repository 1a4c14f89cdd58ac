package io.eventcommerce.devstack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.eventcommerce.events.Topics;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.yaml.snakeyaml.Yaml;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.eventcommerce.devstack.Nodes.at;
import static io.eventcommerce.devstack.Nodes.child;
import static io.eventcommerce.devstack.Nodes.environment;
import static io.eventcommerce.devstack.Nodes.list;
import static io.eventcommerce.devstack.Nodes.map;
import static io.eventcommerce.devstack.Nodes.number;
import static io.eventcommerce.devstack.Nodes.resource;
import static io.eventcommerce.devstack.Nodes.texts;

/**
 * Compares the registry ({@link PlatformService}, {@link PlatformTopic}, the services' channels) with every file a
 * way of running reads, and names what is missing or different. Pure: it works on the files' texts, so a test can
 * hand it a file with one line removed.
 */
final class RegistrationDrift {

    static final String ROOT_POM = "pom.xml";
    static final String SYSTEM_TESTS_POM = "platform/system-tests/pom.xml";
    static final String COMPOSE = "docker-compose.yml";
    static final String KUSTOMIZATION = "deploy/kustomization.yaml";
    static final String K8S_SERVICES = "deploy/k8s/services/";
    static final String K8S_TOPICS = "deploy/k8s/kafka/topics.yaml";
    static final String K8S_SECRETS = "deploy/k8s/secrets.example.yaml";
    static final String INIT_SQL = "deploy/mysql/platform-init.sql";
    static final String INIT_SCRIPT = "deploy/mysql/initdb.d/10-platform-init.sh";
    static final String OUTBOX_CONNECTOR = "deploy/debezium/connectors/outbox.json";
    static final String AUDIT_CONNECTOR = "deploy/debezium/connectors/audit.json";
    static final String K8S_CONNECT = "deploy/k8s/debezium/connect.yaml";
    static final String STACK_RUNTIME_POM = "platform/stack-runtime/pom.xml";
    /** The module whose jar holds the platform's own Connect transforms, and its jar as the build names it. */
    static final String TRANSFORMS_MODULE = "audit-transforms";
    static final String TRANSFORMS_JAR = "platform/audit-transforms/target/audit-transforms.jar";
    static final String DEPLOY_README = "deploy/README.md";
    static final String README = "README.md";
    static final String EVENTS_DOC = "docs/events.md";

    /** Domain topics get at least as many partitions as a service may have pods (the HPA's maxReplicas). */
    static final int MIN_PARTITIONS = 6;
    /** Three copies, so writes with min.insync.replicas=2 go on while one broker is down. */
    static final int MIN_REPLICAS = 3;

    private final ProjectFiles sources;
    private final List<String> problems = new ArrayList<>();
    private final Map<PlatformService, List<ConsumedChannel>> channels = new LinkedHashMap<>();

    private RegistrationDrift(ProjectFiles sources) {
        this.sources = sources;
    }

    /** Every difference found, each naming its file and the service, topic, schema or setting concerned. */
    static List<String> check(ProjectFiles sources) {
        RegistrationDrift drift = new RegistrationDrift(sources);
        drift.registry();
        drift.rootPom();
        drift.systemTestsPom();
        drift.compose();
        drift.kubernetesServices();
        drift.kustomization();
        drift.topics();
        drift.database();
        drift.outboxConnector();
        drift.connectorPlugins();
        drift.docs();
        return List.copyOf(drift.problems);
    }

    static String properties(PlatformService service) {
        return service.serviceName() + "/src/main/resources/application.properties";
    }

    // --- The registry itself -----------------------------------------------------------------------------------

    private void registry() {
        Set<String> constants = topicConstants();
        Set<String> registered = new HashSet<>();
        for (PlatformTopic topic : PlatformTopic.values()) {
            registered.add(topic.topic());
            String ownerSchema = topic.owner().substring(0, topic.owner().length() - "-service".length());
            if (!PlatformService.allSchemas().contains(ownerSchema)) {
                problem("PlatformTopic", "topic " + topic.topic() + " belongs to " + topic.owner()
                        + ", which is neither a PlatformService nor a planned schema");
            }
        }
        for (String constant : constants) {
            if (!registered.contains(constant)) {
                problem("PlatformTopic", "topic " + constant + " of Topics has no PlatformTopic (owner, retention)");
            }
        }
        for (String topic : registered) {
            if (!constants.contains(topic)) {
                problem("PlatformTopic", "topic " + topic + " is not a constant of Topics");
            }
        }
        Set<String> topicAndGroup = new HashSet<>();
        for (PlatformService service : PlatformService.values()) {
            String text = sources.get(properties(service));
            if (text == null) {
                problem(properties(service), "missing: " + service.serviceName() + " is not a module with"
                        + " src/main/resources/application.properties");
                continue;
            }
            List<ConsumedChannel> consumed = ConsumedChannel.parse(text, service.serviceName());
            channels.put(service, consumed);
            for (ConsumedChannel channel : consumed) {
                String where = properties(service);
                if (!constants.contains(channel.topic())) {
                    problem(where, "channel " + channel.channel() + " consumes " + channel.topic()
                            + ", which is not a topic of Topics");
                }
                String expected = Topics.deadLetter(channel.topic(), channel.group());
                if (!expected.equals(channel.deadLetterTopic())) {
                    problem(where, "channel " + channel.channel() + " dead-letters to " + channel.deadLetterTopic()
                            + ", not " + expected + " (Topics.deadLetter(topic, group))");
                }
                if (!topicAndGroup.add(channel.topic() + " " + channel.group())) {
                    problem(where, "channel " + channel.channel() + " shares group " + channel.group() + " on "
                            + channel.topic() + " with another channel: they would split its partitions");
                }
            }
        }
        String await = PlatformService.ORDERS.settings().get("orders.saga.await");
        boolean fraudPublished = Arrays.stream(PlatformService.values())
                .anyMatch(s -> s.publishes().contains(PlatformTopic.COMPLIANCE_FRAUD));
        if (await != null && await.contains("fraud") && !fraudPublished) {
            problem("PlatformService", "orders.saga.await=" + await + " waits for fraud answers, but no service"
                    + " publishes " + Topics.COMPLIANCE_FRAUD + ": every order would time out");
        }
    }

    private static Set<String> topicConstants() {
        Set<String> names = new HashSet<>();
        for (Field field : Topics.class.getFields()) {
            if (Modifier.isStatic(field.getModifiers()) && field.getType() == String.class) {
                try {
                    names.add((String) field.get(null));
                } catch (IllegalAccessException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
        return names;
    }

    // --- Maven ---------------------------------------------------------------------------------------------------

    private void rootPom() {
        Document pom = xml(ROOT_POM);
        if (pom == null) {
            return;
        }
        Set<String> modules = texts(pom.getElementsByTagName("module"));
        for (PlatformService service : PlatformService.values()) {
            if (!modules.contains(service.serviceName())) {
                problem(ROOT_POM, "no <module>" + service.serviceName() + "</module>");
            }
        }
        for (String module : modules) {
            if (module.endsWith("-service") && !isService(module)) {
                problem(ROOT_POM, "module " + module + " is not a PlatformService");
            }
        }
    }

    private void systemTestsPom() {
        Document pom = xml(SYSTEM_TESTS_POM);
        if (pom == null) {
            return;
        }
        Set<String> artifacts = new HashSet<>();
        NodeList dependencies = pom.getElementsByTagName("dependency");
        for (int i = 0; i < dependencies.getLength(); i++) {
            Element dependency = (Element) dependencies.item(i);
            artifacts.add(child(dependency, "artifactId") + ":" + child(dependency, "type"));
        }
        for (PlatformService service : PlatformService.values()) {
            if (!artifacts.contains(service.serviceName() + ":pom")) {
                problem(SYSTEM_TESTS_POM, "no dependency on " + service.serviceName()
                        + " (type pom), so the system tests could run before it is packaged");
            }
        }
    }

    // --- docker-compose ------------------------------------------------------------------------------------------

    private void compose() {
        Map<?, ?> compose = (Map<?, ?>) yaml(COMPOSE);
        if (compose == null) {
            return;
        }
        Map<?, ?> services = map(compose.get("services"));
        for (PlatformService service : PlatformService.values()) {
            String name = service.serviceName();
            Map<?, ?> block = map(services.get(name));
            if (block.isEmpty()) {
                problem(COMPOSE, "no service " + name);
                continue;
            }
            if (!String.valueOf(block.get("image")).startsWith("eventcommerce/" + name + ":")) {
                problem(COMPOSE, name + ": image is not eventcommerce/" + name);
            }
            if (!("./" + name).equals(map(block.get("build")).get("context"))) {
                problem(COMPOSE, name + ": build context is not ./" + name);
            }
            Map<String, String> environment = environment(block.get("environment"));
            expect(COMPOSE, name, environment, "QUARKUS_DATASOURCE_JDBC_URL", jdbcUrl(service));
            expect(COMPOSE, name, environment, "QUARKUS_DATASOURCE_USERNAME", service.schema());
            String password = environment.get("QUARKUS_DATASOURCE_PASSWORD");
            if (password == null || !password.startsWith("${" + service.passwordVariable())) {
                problem(COMPOSE, name + ": QUARKUS_DATASOURCE_PASSWORD is not ${" + service.passwordVariable() + "}");
            }
            settings(COMPOSE, service, environment);
            List<?> ports = list(block.get("ports"));
            String port = "127.0.0.1:" + service.defaultPort() + ":8080";
            if (!ports.contains(port)) {
                problem(COMPOSE, name + ": ports do not publish " + port + " (the launcher's port)");
            }
        }
        for (Object name : services.keySet()) {
            if (String.valueOf(name).endsWith("-service") && !isService(String.valueOf(name))) {
                problem(COMPOSE, "service " + name + " is not a PlatformService");
            }
        }
        Map<String, String> mysql = environment(map(services.get("mysql")).get("environment"));
        for (String schema : PlatformService.allSchemas()) {
            if (!mysql.containsKey(passwordVariable(schema))) {
                problem(COMPOSE, "mysql: no " + passwordVariable(schema) + " for the init script (schema " + schema
                        + ")");
            }
        }
    }

    // --- Kubernetes ----------------------------------------------------------------------------------------------

    private void kubernetesServices() {
        for (PlatformService service : PlatformService.values()) {
            String name = service.serviceName();
            String path = K8S_SERVICES + name + ".yaml";
            List<Map<?, ?>> documents = yamlAll(path);
            if (documents == null) {
                problem(path, "missing: no Kubernetes manifest for " + name);
                continue;
            }
            for (String kind : List.of("Deployment", "Service", "HorizontalPodAutoscaler", "PodDisruptionBudget")) {
                if (resource(documents, kind, name) == null) {
                    problem(path, "no " + kind + " named " + name);
                }
            }
            Map<?, ?> deployment = resource(documents, "Deployment", name);
            if (deployment == null) {
                continue;
            }
            Map<?, ?> container = list(at(deployment, "spec", "template", "spec", "containers")).stream()
                    .map(Nodes::map).filter(c -> name.equals(c.get("name"))).findFirst().orElse(Map.of());
            if (!String.valueOf(container.get("image")).startsWith("eventcommerce/" + name + ":")) {
                problem(path, name + ": no container " + name + " with image eventcommerce/" + name);
            }
            Map<String, String> env = new LinkedHashMap<>();
            for (Object entry : list(container.get("env"))) {
                Map<?, ?> variable = map(entry);
                Object secretKey = at(variable, "valueFrom", "secretKeyRef", "key");
                Object value = variable.get("value");
                env.put(String.valueOf(variable.get("name")),
                        secretKey != null ? "secret:" + secretKey : value == null ? null : String.valueOf(value));
            }
            expect(path, name, env, "QUARKUS_DATASOURCE_PASSWORD", "secret:" + service.passwordVariable());
            settings(path, service, env);
            boolean configMap = list(container.get("envFrom")).stream()
                    .anyMatch(e -> (name + "-config").equals(at(e, "configMapRef", "name")));
            if (!configMap) {
                problem(path, name + ": envFrom does not read the ConfigMap " + name + "-config");
            }
        }
        for (String path : sources.files().keySet()) {
            if (path.startsWith(K8S_SERVICES)) {
                String name = path.substring(K8S_SERVICES.length(), path.length() - ".yaml".length());
                if (!isService(name)) {
                    problem(path, name + " is not a PlatformService");
                }
            }
        }
    }

    private void kustomization() {
        Map<?, ?> kustomization = (Map<?, ?>) yaml(KUSTOMIZATION);
        if (kustomization == null) {
            return;
        }
        List<?> resources = list(kustomization.get("resources"));
        Map<String, List<?>> generators = new LinkedHashMap<>();
        for (Object generator : list(kustomization.get("configMapGenerator"))) {
            generators.put(String.valueOf(map(generator).get("name")), list(map(generator).get("literals")));
        }
        Set<Object> images = new HashSet<>();
        for (Object image : list(kustomization.get("images"))) {
            images.add(map(image).get("name"));
        }
        for (PlatformService service : PlatformService.values()) {
            String name = service.serviceName();
            if (!resources.contains("k8s/services/" + name + ".yaml")) {
                problem(KUSTOMIZATION, "resources do not list k8s/services/" + name + ".yaml");
            }
            List<?> literals = generators.get(name + "-config");
            if (literals == null) {
                problem(KUSTOMIZATION, "no configMapGenerator " + name + "-config");
            } else {
                for (String literal : List.of("QUARKUS_DATASOURCE_JDBC_URL=" + jdbcUrl(service),
                        "QUARKUS_DATASOURCE_USERNAME=" + service.schema())) {
                    if (!literals.contains(literal)) {
                        problem(KUSTOMIZATION, name + "-config: no literal " + literal);
                    }
                }
            }
            if (!images.contains("eventcommerce/" + name)) {
                problem(KUSTOMIZATION, "images: no eventcommerce/" + name);
            }
        }
        List<?> connectorFiles = List.of();
        for (Object generator : list(kustomization.get("configMapGenerator"))) {
            if ("debezium-connectors".equals(map(generator).get("name"))) {
                connectorFiles = list(map(generator).get("files"));
            }
        }
        for (String connector : DeployFiles.connectorNames()) {
            if (!connectorFiles.contains("debezium/connectors/" + connector + ".json")) {
                problem(KUSTOMIZATION, "configMapGenerator debezium-connectors does not list debezium/connectors/"
                        + connector + ".json");
            }
        }
        if (!resources.contains("k8s/kafka/topics.yaml")) {
            problem(KUSTOMIZATION, "resources do not list k8s/kafka/topics.yaml");
        }
    }

    private void topics() {
        List<Map<?, ?>> documents = yamlAll(K8S_TOPICS);
        if (documents == null) {
            return;
        }
        Map<String, Map<?, ?>> declared = new LinkedHashMap<>();
        for (Map<?, ?> document : documents) {
            if ("KafkaTopic".equals(document.get("kind"))) {
                Object name = Objects.requireNonNullElse(at(document, "spec", "topicName"),
                        at(document, "metadata", "name"));
                declared.put(String.valueOf(name), map(document.get("spec")));
            }
        }
        for (PlatformTopic topic : PlatformTopic.values()) {
            Map<?, ?> spec = declared.remove(topic.topic());
            if (spec == null) {
                problem(K8S_TOPICS, "no KafkaTopic " + topic.topic() + " (owner " + topic.owner() + ")");
                continue;
            }
            sized(topic.topic(), spec, MIN_PARTITIONS);
            Map<?, ?> config = map(spec.get("config"));
            Object cleanup = config.get("cleanup.policy");
            if (topic.retention() == PlatformTopic.Retention.HISTORY) {
                if (!Long.valueOf(-1).equals(number(config.get("retention.ms")))
                        || !(cleanup == null || "delete".equals(cleanup))) {
                    problem(K8S_TOPICS, topic.topic() + " keeps domain history: it needs retention.ms -1 and no"
                            + " compaction, has retention.ms " + config.get("retention.ms") + ", cleanup.policy "
                            + cleanup);
                }
            } else if (topic.retention() == PlatformTopic.Retention.BOUNDED) {
                Long retention = number(config.get("retention.ms"));
                if (retention == null || retention <= 0 || !(cleanup == null || "delete".equals(cleanup))) {
                    problem(K8S_TOPICS, topic.topic() + " carries personal data in transit: it needs a finite"
                            + " retention.ms and no compaction, has retention.ms " + config.get("retention.ms")
                            + ", cleanup.policy " + cleanup);
                }
            } else if (!"compact".equals(cleanup)) {
                problem(K8S_TOPICS, topic.topic() + " holds the latest state per key: it needs cleanup.policy"
                        + " compact, has " + cleanup);
            }
        }
        for (List<ConsumedChannel> consumed : channels.values()) {
            for (ConsumedChannel channel : consumed) {
                Map<?, ?> spec = declared.remove(channel.deadLetterTopic());
                if (spec == null) {
                    problem(K8S_TOPICS, "no KafkaTopic " + channel.deadLetterTopic() + " (dead letters of channel "
                            + channel.channel() + ", group " + channel.group() + ")");
                    continue;
                }
                sized(channel.deadLetterTopic(), spec, 1);
                Long retention = number(map(spec.get("config")).get("retention.ms"));
                if (retention == null || retention <= 0) {
                    problem(K8S_TOPICS, channel.deadLetterTopic() + " needs a finite retention.ms (dead letters"
                            + " wait for a person, not forever)");
                }
            }
        }
        // The audit connector's topics are transport to compliance's trail (the trail is the record): kept long
        // enough to ride out a week-long outage of compliance-service, then deleted.
        for (String audit : DeployFiles.auditTopics()) {
            Map<?, ?> spec = declared.remove(audit);
            if (spec == null) {
                problem(K8S_TOPICS, "no KafkaTopic " + audit + " (audit connector, deploy/debezium/connectors/audit.json)");
                continue;
            }
            sized(audit, spec, 1);
            Long retention = number(map(spec.get("config")).get("retention.ms"));
            if (retention == null || retention < 7L * 24 * 3600 * 1000) {
                problem(K8S_TOPICS, audit + " needs a finite retention.ms of at least 7 days, has " + retention);
            }
        }
        Map<?, ?> auditDeadLetters = declared.remove(DeployFiles.AUDIT_DEAD_LETTER_TOPIC);
        if (auditDeadLetters == null) {
            problem(K8S_TOPICS, "no KafkaTopic " + DeployFiles.AUDIT_DEAD_LETTER_TOPIC + " (audit trail dead letters)");
        }
        for (String stale : declared.keySet()) {
            problem(K8S_TOPICS, "KafkaTopic " + stale + " is neither a PlatformTopic, an audit topic nor a channel's"
                    + " dead-letter topic");
        }
    }

    private void sized(String topic, Map<?, ?> spec, int minPartitions) {
        Long partitions = number(spec.get("partitions"));
        Long replicas = number(spec.get("replicas"));
        if (partitions == null || partitions < minPartitions) {
            problem(K8S_TOPICS, topic + " needs at least " + minPartitions + " partitions, has " + partitions);
        }
        if (replicas == null || replicas < MIN_REPLICAS) {
            problem(K8S_TOPICS, topic + " needs at least " + MIN_REPLICAS + " replicas, has " + replicas);
        }
    }

    // --- The database --------------------------------------------------------------------------------------------

    private void database() {
        String sql = sources.get(INIT_SQL);
        if (sql == null) {
            problem(INIT_SQL, "missing");
        } else {
            for (String schema : PlatformService.allSchemas()) {
                String quoted = Pattern.quote(schema);
                Map<String, Pattern> statements = new LinkedHashMap<>();
                statements.put("CREATE DATABASE IF NOT EXISTS " + schema,
                        Pattern.compile("CREATE DATABASE IF NOT EXISTS " + quoted + "\\s"));
                statements.put("CREATE USER IF NOT EXISTS '" + schema + "'@'%' IDENTIFIED BY '${"
                        + passwordVariable(schema) + "}'", Pattern.compile("CREATE USER IF NOT EXISTS '" + quoted
                        + "'@'%'\\s+IDENTIFIED BY '\\$\\{" + passwordVariable(schema) + "}'"));
                statements.put("GRANT ALL PRIVILEGES ON " + schema + ".* TO '" + schema + "'@'%'",
                        Pattern.compile("GRANT ALL PRIVILEGES ON " + quoted + "\\.\\*\\s+TO '" + quoted + "'@'%'"));
                statements.forEach((statement, pattern) -> {
                    if (!pattern.matcher(sql).find()) {
                        problem(INIT_SQL, "schema " + schema + ": no " + statement);
                    }
                });
            }
            String audit = PlatformService.AUDIT_SCHEMA;
            if (!Pattern.compile("CREATE DATABASE IF NOT EXISTS " + audit + "\\s").matcher(sql).find()) {
                problem(INIT_SQL, "schema " + audit + ": no CREATE DATABASE IF NOT EXISTS " + audit);
            }
            if (!sql.contains("GRANT " + PlatformService.AUDIT_GRANTS + " ON " + audit + ".* TO 'compliance'@'%'")) {
                problem(INIT_SQL, "schema " + audit + ": no GRANT " + PlatformService.AUDIT_GRANTS + " ON " + audit
                        + ".* TO 'compliance'@'%'");
            }
            // The one exception: the retention purge's user may drop partitions of the entry table, nothing more.
            String retentionGrant = "GRANT " + PlatformService.RETENTION_GRANTS + " ON " + PlatformService.RETENTION_TABLE
                    + " TO '" + PlatformService.RETENTION_USER + "'@'%'";
            if (!sql.contains(retentionGrant)) {
                problem(INIT_SQL, "no " + retentionGrant + " (compliance-service's retention purge)");
            }
            if (!sql.contains("CREATE USER IF NOT EXISTS '" + PlatformService.RETENTION_USER + "'@'%' IDENTIFIED BY '${"
                    + PlatformService.RETENTION_PASSWORD_VARIABLE + "}'")) {
                problem(INIT_SQL, "no CREATE USER for " + PlatformService.RETENTION_USER);
            }
            if (Pattern.compile("GRANT [^;]*\\b(ALL|UPDATE|DELETE|DROP)\\b[^;]* ON " + audit + "\\.").matcher(
                    sql.replace(retentionGrant, "")).find()) {
                problem(INIT_SQL, "schema " + audit + " is append-only: no ALL, UPDATE, DELETE or DROP on it");
            }
            Matcher created = Pattern.compile("CREATE DATABASE IF NOT EXISTS (\\w+)").matcher(sql);
            while (created.find()) {
                if (!PlatformService.allSchemas().contains(created.group(1)) && !audit.equals(created.group(1))) {
                    problem(INIT_SQL, "schema " + created.group(1) + " belongs to no PlatformService and is not"
                            + " planned");
                }
            }
        }
        for (String path : List.of(INIT_SCRIPT, K8S_SECRETS)) {
            String text = sources.get(path);
            if (text == null || !text.contains(PlatformService.RETENTION_PASSWORD_VARIABLE)) {
                problem(path, "no " + PlatformService.RETENTION_PASSWORD_VARIABLE + " (compliance-service's retention"
                        + " purge)");
            }
            for (String schema : PlatformService.allSchemas()) {
                if (text == null || !text.contains(passwordVariable(schema))) {
                    problem(path, "no " + passwordVariable(schema) + " (schema " + schema + ")");
                }
            }
        }
        String deployReadme = sources.get(DEPLOY_README);
        for (String schema : PlatformService.allSchemas()) {
            String user = schema.toUpperCase(java.util.Locale.ROOT) + "_DB";
            if (deployReadme == null || !Pattern.compile("for user in [^;]*\\b" + user + "\\b").matcher(deployReadme)
                    .find()) {
                problem(DEPLOY_README, "the secret-creating loop has no " + user + " (schema " + schema + ")");
            }
        }
    }

    /** The one connector reads the outbox table of every schema, planned ones included. */
    private void outboxConnector() {
        String text = sources.get(OUTBOX_CONNECTOR);
        if (text == null) {
            problem(OUTBOX_CONNECTOR, "missing");
            return;
        }
        JsonNode connector;
        try {
            connector = new ObjectMapper().readTree(text);
        } catch (IOException e) {
            problem(OUTBOX_CONNECTOR, "not JSON: " + e.getMessage());
            return;
        }
        List<String> databases = Arrays.stream(connector.path("database.include.list").asText().split(","))
                .map(String::trim).toList();
        Pattern tables = Pattern.compile(connector.path("table.include.list").asText());
        for (String schema : PlatformService.allSchemas()) {
            if (!databases.contains(schema)) {
                problem(OUTBOX_CONNECTOR, "database.include.list has no " + schema);
            }
            if (!tables.matcher(schema + ".outbox_event").matches()) {
                problem(OUTBOX_CONNECTOR, "table.include.list does not match " + schema + ".outbox_event");
            }
        }
    }

    /**
     * A connector that names one of the platform's own transforms ({@code io.eventcommerce.*}) fails to start on a
     * worker without its jar: every way of running installs it (the embedded stack's classpath, the compose worker's
     * plugin path, the Strimzi build).
     */
    private void connectorPlugins() {
        for (String path : List.of(OUTBOX_CONNECTOR, AUDIT_CONNECTOR)) {
            String text = sources.get(path);
            if (text == null) {
                problem(path, "missing");
                continue;
            }
            JsonNode connector;
            try {
                connector = new ObjectMapper().readTree(text);
            } catch (IOException e) {
                problem(path, "not JSON: " + e.getMessage());
                continue;
            }
            boolean own = false;
            for (var fields = connector.fields(); fields.hasNext(); ) {
                var field = fields.next();
                if (field.getKey().matches("transforms\\.[^.]+\\.type")
                        && field.getValue().asText().startsWith("io.eventcommerce.")) {
                    own = true;
                }
            }
            if (!own) {
                continue;
            }
            String pom = Objects.requireNonNullElse(sources.get(STACK_RUNTIME_POM), "");
            if (!pom.contains("<artifactId>" + TRANSFORMS_MODULE + "</artifactId>")) {
                problem(STACK_RUNTIME_POM, path + " uses the platform's transforms, but the embedded Connect"
                        + " worker's classpath has no " + TRANSFORMS_MODULE);
            }
            String compose = Objects.requireNonNullElse(sources.get(COMPOSE), "");
            if (!compose.contains(TRANSFORMS_JAR)) {
                problem(COMPOSE, path + " uses the platform's transforms, but the connect service does not mount "
                        + TRANSFORMS_JAR);
            }
            String connect = Objects.requireNonNullElse(sources.get(K8S_CONNECT), "");
            if (!connect.contains("artifact: " + TRANSFORMS_MODULE)) {
                problem(K8S_CONNECT, path + " uses the platform's transforms, but the Strimzi build has no "
                        + TRANSFORMS_MODULE + " artifact");
            }
        }
    }

    // --- Docs ----------------------------------------------------------------------------------------------------

    private void docs() {
        Map<String, List<String>> services = tableRows(README, "## Services");
        for (PlatformService service : PlatformService.values()) {
            List<String> row = services.remove(service.serviceName());
            if (row == null || row.size() < 5) {
                problem(README, "the services table has no row for " + service.serviceName());
                continue;
            }
            if (!row.get(1).equals(String.valueOf(service.defaultPort()))) {
                problem(README, service.serviceName() + ": port " + row.get(1) + ", not " + service.defaultPort());
            }
            for (PlatformTopic topic : service.publishes()) {
                if (!row.get(3).contains("`" + topic.topic() + "`")) {
                    problem(README, service.serviceName() + ": publishes " + topic.topic() + ", not in its row");
                }
            }
            for (ConsumedChannel channel : channels.getOrDefault(service, List.of())) {
                if (!row.get(4).contains("`" + channel.topic() + "`")) {
                    problem(README, service.serviceName() + ": consumes " + channel.topic() + ", not in its row");
                }
            }
        }
        for (String stale : services.keySet()) {
            problem(README, "the services table lists " + stale + ", which is not a PlatformService");
        }

        Map<String, List<String>> topics = tableRows(EVENTS_DOC, "## Topics");
        for (PlatformTopic topic : PlatformTopic.values()) {
            List<String> row = topics.get("`" + topic.topic() + "`");
            if (row == null || row.size() < 5) {
                problem(EVENTS_DOC, "the topics table has no row for " + topic.topic());
                continue;
            }
            if (!row.get(3).contains(topic.owner())) {
                problem(EVENTS_DOC, topic.topic() + ": producer is " + topic.owner() + ", not in its row");
            }
            for (Map.Entry<PlatformService, List<ConsumedChannel>> consumer : channels.entrySet()) {
                boolean consumes = consumer.getValue().stream().anyMatch(c -> c.topic().equals(topic.topic()));
                if (consumes && !row.get(4).contains(consumer.getKey().serviceName())) {
                    problem(EVENTS_DOC, topic.topic() + ": consumed by " + consumer.getKey().serviceName()
                            + ", not in its row");
                }
            }
        }
    }

    /** The rows of the first Markdown table after {@code heading}, by their first cell. */
    private Map<String, List<String>> tableRows(String path, String heading) {
        Map<String, List<String>> rows = new LinkedHashMap<>();
        String text = sources.get(path);
        int start = text == null ? -1 : text.indexOf("\n" + heading + "\n");
        if (start < 0) {
            problem(path, "no section " + heading);
            return rows;
        }
        int line = 0;
        for (String row : text.substring(start + heading.length() + 2).split("\n")) {
            if (row.startsWith("|")) {
                // Line 0 is the header, line 1 the |---| separator.
                if (line++ >= 2) {
                    List<String> cells = Arrays.stream(row.substring(1).split("\\|")).map(String::trim).toList();
                    // A linked name ([orders-service](orders-service/README.md)) is keyed by its text.
                    rows.put(cells.get(0).replaceFirst("^\\[([^]]*)]\\(.*\\)$", "$1"), cells);
                }
            } else if (line > 0) {
                break;
            }
        }
        return rows;
    }

    // --- Helpers -------------------------------------------------------------------------------------------------

    /** The entry's settings are set, and no setting of the service's own ({@code ORDERS_...}) that it lacks. */
    private void settings(String path, PlatformService service, Map<String, String> environment) {
        Set<String> expected = new HashSet<>();
        new TreeMap<>(service.settings()).forEach((property, value) -> {
            expected.add(PlatformService.environmentName(property));
            expect(path, service.serviceName(), environment, PlatformService.environmentName(property), value);
        });
        for (String secret : service.secretProperties()) {
            String name = PlatformService.environmentName(secret);
            expected.add(name);
            if (!environment.containsKey(name)) {
                problem(path, service.serviceName() + ": " + name + " is not set (a secret the service needs to"
                        + " start)");
            }
        }
        String own = PlatformService.environmentName(service.schema()) + "_";
        for (String name : environment.keySet()) {
            if (name.startsWith(own) && !expected.contains(name)) {
                problem(path, service.serviceName() + ": sets " + name + ", which is not a setting of its"
                        + " PlatformService entry");
            }
        }
    }

    private void expect(String path, String service, Map<String, String> environment, String name, String value) {
        String actual = environment.get(name);
        if (!value.equals(actual)) {
            problem(path, service + ": " + name + (actual == null ? " is not set" : " is " + actual) + ", expected "
                    + value);
        }
    }

    private void problem(String path, String message) {
        problems.add(path + ": " + message);
    }

    private static boolean isService(String name) {
        return Arrays.stream(PlatformService.values()).anyMatch(s -> s.serviceName().equals(name));
    }

    private static String jdbcUrl(PlatformService service) {
        return "jdbc:mysql://mysql:3306/" + service.schema();
    }

    private static String passwordVariable(String schema) {
        return schema.toUpperCase(java.util.Locale.ROOT) + "_DB_PASSWORD";
    }

    private Object yaml(String path) {
        String text = sources.get(path);
        if (text == null) {
            problem(path, "missing");
            return null;
        }
        return new Yaml().load(text);
    }

    private List<Map<?, ?>> yamlAll(String path) {
        String text = sources.get(path);
        if (text == null) {
            if (!path.startsWith(K8S_SERVICES)) {
                problem(path, "missing");
            }
            return null;
        }
        List<Map<?, ?>> documents = new ArrayList<>();
        for (Object document : new Yaml().loadAll(text)) {
            if (document != null) {
                documents.add(map(document));
            }
        }
        return documents;
    }

    private Document xml(String path) {
        String text = sources.get(path);
        if (text == null) {
            problem(path, "missing");
            return null;
        }
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            return factory.newDocumentBuilder().parse(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            problem(path, "not XML: " + e.getMessage());
            return null;
        }
    }
}
