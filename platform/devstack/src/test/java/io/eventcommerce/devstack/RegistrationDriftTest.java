package io.eventcommerce.devstack;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

import static io.eventcommerce.devstack.RegistrationDrift.COMPOSE;
import static io.eventcommerce.devstack.RegistrationDrift.EVENTS_DOC;
import static io.eventcommerce.devstack.RegistrationDrift.INIT_SQL;
import static io.eventcommerce.devstack.RegistrationDrift.K8S_SECRETS;
import static io.eventcommerce.devstack.RegistrationDrift.K8S_SERVICES;
import static io.eventcommerce.devstack.RegistrationDrift.K8S_TOPICS;
import static io.eventcommerce.devstack.RegistrationDrift.KUSTOMIZATION;
import static io.eventcommerce.devstack.RegistrationDrift.README;
import static io.eventcommerce.devstack.RegistrationDrift.ROOT_POM;
import static io.eventcommerce.devstack.RegistrationDrift.SYSTEM_TESTS_POM;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every way of running (root pom, system tests, docker-compose, Kubernetes, MySQL init, docs) agrees with the
 * registry of services and topics. A failure names the file and what it lacks; docs/new-service.md lists the steps.
 */
class RegistrationDriftTest {

    private static ProjectFiles project;

    @BeforeAll
    static void readProject() {
        project = ProjectFiles.read(Path.of(System.getProperty("platform.root", "../..")).toAbsolutePath().normalize());
    }

    @Test
    void everyWayOfRunningMatchesTheRegistry() {
        assertThat(RegistrationDrift.check(project)).isEmpty();
    }

    @Test
    void aServiceMissingFromComposeIsNamed() {
        String compose = project.get(COMPOSE);
        int start = compose.indexOf("  catalog-service:\n");
        int end = compose.indexOf("  orders-service:\n");
        assertThat(start).isPositive();

        List<String> problems = RegistrationDrift.check(project.with(COMPOSE,
                compose.substring(0, start) + compose.substring(end)));

        assertThat(problems).containsExactly(COMPOSE + ": no service catalog-service");
    }

    @Test
    void aMissingSettingOfTheSagaIsNamedInComposeAndKubernetes() {
        String k8s = K8S_SERVICES + "orders-service.yaml";
        ProjectFiles drifted = project
                .with(COMPOSE, without(project.get(COMPOSE), "      ORDERS_SAGA_AWAIT: stock,fraud\n"))
                .with(k8s, without(project.get(k8s),
                        "            - name: ORDERS_SAGA_AWAIT\n              value: stock,fraud\n"));

        assertThat(RegistrationDrift.check(drifted)).containsExactly(
                COMPOSE + ": orders-service: ORDERS_SAGA_AWAIT is not set, expected stock,fraud",
                k8s + ": orders-service: ORDERS_SAGA_AWAIT is not set, expected stock,fraud");
    }

    @Test
    void aDifferentSettingIsNamed() {
        ProjectFiles drifted = project.with(COMPOSE, project.get(COMPOSE)
                .replace("ORDERS_SAGA_AWAIT: stock,fraud", "ORDERS_SAGA_AWAIT: stock"));

        assertThat(RegistrationDrift.check(drifted))
                .containsExactly(COMPOSE + ": orders-service: ORDERS_SAGA_AWAIT is stock, expected stock,fraud");
    }

    @Test
    void aSettingTheRegistryDoesNotHaveIsNamed() {
        ProjectFiles drifted = project.with(COMPOSE, project.get(COMPOSE)
                .replace("ORDERS_SAGA_AWAIT: stock,fraud",
                        "ORDERS_SAGA_AWAIT: stock,fraud\n      ORDERS_SAGA_REPLY_TIMEOUT: PT1M"));

        assertThat(RegistrationDrift.check(drifted)).containsExactly(COMPOSE + ": orders-service: sets"
                + " ORDERS_SAGA_REPLY_TIMEOUT, which is not a setting of its PlatformService entry");
    }

    @Test
    void aMissingKubernetesManifestAndItsKustomizationEntriesAreNamed() {
        String k8s = K8S_SERVICES + "catalog-service.yaml";
        ProjectFiles drifted = project.with(k8s, null).with(KUSTOMIZATION, without(project.get(KUSTOMIZATION),
                "  - k8s/services/catalog-service.yaml\n"));

        assertThat(RegistrationDrift.check(drifted)).containsExactly(
                k8s + ": missing: no Kubernetes manifest for catalog-service",
                KUSTOMIZATION + ": resources do not list k8s/services/catalog-service.yaml");
    }

    @Test
    void aMissingTopicAndDeadLetterTopicAreNamed() {
        String topics = project.get(K8S_TOPICS);
        String drifted = withoutDocument(withoutDocument(topics, "  name: orders.payment\n"),
                "  name: compliance.fraud.orders-service.dlq\n");

        assertThat(RegistrationDrift.check(project.with(K8S_TOPICS, drifted))).containsExactly(
                K8S_TOPICS + ": no KafkaTopic orders.payment (owner orders-service)",
                K8S_TOPICS + ": no KafkaTopic compliance.fraud.orders-service.dlq (dead letters of channel"
                        + " compliance-fraud, group orders-service)");
    }

    @Test
    void aDomainTopicThatForgetsItsHistoryIsNamed() {
        String topics = project.get(K8S_TOPICS);
        int orders = topics.indexOf("  name: orders.order\n");
        String drifted = topics.substring(0, orders)
                + topics.substring(orders).replaceFirst("retention.ms: -1", "retention.ms: 604800000");

        assertThat(RegistrationDrift.check(project.with(K8S_TOPICS, drifted))).containsExactly(K8S_TOPICS
                + ": orders.order keeps domain history: it needs retention.ms -1 and no compaction, has retention.ms"
                + " 604800000, cleanup.policy null");
    }

    @Test
    void aModuleMissingFromTheMavenBuildIsNamed() {
        ProjectFiles drifted = project
                .with(ROOT_POM, without(project.get(ROOT_POM), "        <module>orders-service</module>\n"))
                .with(SYSTEM_TESTS_POM, project.get(SYSTEM_TESTS_POM)
                        .replace("<artifactId>orders-service</artifactId>", "<artifactId>orders</artifactId>"));

        assertThat(RegistrationDrift.check(drifted)).containsExactly(
                ROOT_POM + ": no <module>orders-service</module>",
                SYSTEM_TESTS_POM + ": no dependency on orders-service (type pom), so the system tests could run"
                        + " before it is packaged");
    }

    @Test
    void aSchemaMissingFromTheDatabaseSetupIsNamed() {
        ProjectFiles drifted = project
                .with(INIT_SQL, without(project.get(INIT_SQL),
                        "CREATE DATABASE IF NOT EXISTS orders     CHARACTER SET utf8mb4;\n"))
                .with(K8S_SECRETS, without(project.get(K8S_SECRETS), "  ORDERS_DB_PASSWORD: change-me\n"));

        assertThat(RegistrationDrift.check(drifted)).containsExactly(
                INIT_SQL + ": schema orders: no CREATE DATABASE IF NOT EXISTS orders",
                K8S_SECRETS + ": no ORDERS_DB_PASSWORD (schema orders)");
    }

    @Test
    void aSchemaTheOutboxConnectorDoesNotReadIsNamed() {
        String connector = RegistrationDrift.OUTBOX_CONNECTOR;
        ProjectFiles drifted = project.with(connector, project.get(connector)
                .replace("catalog,orders,", "catalog,").replace("(catalog|orders|", "(catalog|"));

        assertThat(RegistrationDrift.check(drifted)).containsExactly(
                connector + ": database.include.list has no orders",
                connector + ": table.include.list does not match orders.outbox_event");
    }

    @Test
    void anAuditTopicOrAnAppendOnlyGrantThatDriftsIsNamed() {
        String topics = project.get(K8S_TOPICS);
        int start = topics.indexOf("  name: audit.orders.customer\n");
        int docStart = topics.lastIndexOf("---", start);
        int docEnd = topics.indexOf("---", start);
        String sql = project.get(INIT_SQL);
        ProjectFiles drifted = project.with(K8S_TOPICS, topics.substring(0, docStart) + topics.substring(docEnd))
                .with(INIT_SQL, sql.replace("GRANT SELECT, INSERT, CREATE, ALTER, INDEX, REFERENCES ON compliance_audit",
                        "GRANT ALL PRIVILEGES ON compliance_audit"));

        assertThat(RegistrationDrift.check(drifted)).containsExactlyInAnyOrder(
                K8S_TOPICS + ": no KafkaTopic audit.orders.customer (audit connector,"
                        + " deploy/debezium/connectors/audit.json)",
                INIT_SQL + ": schema compliance_audit: no GRANT SELECT, INSERT, CREATE, ALTER, INDEX, REFERENCES ON"
                        + " compliance_audit.* TO 'compliance'@'%'",
                INIT_SQL + ": schema compliance_audit is append-only: no ALL, UPDATE, DELETE or DROP on it");
    }

    @Test
    void docsThatMissAServiceOrTopicAreNamed() {
        String readme = project.get(README);
        String row = readme.lines().filter(l -> l.startsWith("| [orders-service](")).findFirst().orElseThrow();
        String events = project.get(EVENTS_DOC);
        String topicRow = events.lines().filter(l -> l.startsWith("| `catalog.inventory` |")).findFirst()
                .orElseThrow();
        ProjectFiles drifted = project.with(README, readme.replace(row + "\n", ""))
                .with(EVENTS_DOC, events.replace(topicRow + "\n", ""));

        assertThat(RegistrationDrift.check(drifted)).containsExactly(
                README + ": the services table has no row for orders-service",
                EVENTS_DOC + ": the topics table has no row for catalog.inventory");
    }

    @Test
    void aChannelWhoseDeadLetterTopicBreaksTheConventionIsNamed() {
        String properties = RegistrationDrift.properties(PlatformService.ORDERS);
        ProjectFiles drifted = project.with(properties, project.get(properties)
                .replace("dead-letter-queue.topic=catalog.product.orders-service.dlq",
                        "dead-letter-queue.topic=catalog.product.dlq"));

        assertThat(RegistrationDrift.check(drifted)).contains(properties + ": channel catalog-product dead-letters"
                + " to catalog.product.dlq, not catalog.product.orders-service.dlq (Topics.deadLetter(topic, group))");
    }

    private static String without(String text, String part) {
        assertThat(text).contains(part);
        return text.replace(part, "");
    }

    /** The text without the YAML document (between "---" lines) that contains {@code marker}. */
    private static String withoutDocument(String text, String marker) {
        int at = text.indexOf(marker);
        assertThat(at).isPositive();
        int start = text.lastIndexOf("---\n", at);
        int end = text.indexOf("---\n", at);
        return end < 0 ? text.substring(0, start) : text.substring(0, start) + text.substring(end);
    }

    @Test
    void aConnectorTransformMissingFromAWayOfRunningIsNamed() {
        String compose = project.get(RegistrationDrift.COMPOSE);
        String connect = project.get(RegistrationDrift.K8S_CONNECT);
        assertThat(compose).contains(RegistrationDrift.TRANSFORMS_JAR);

        List<String> problems = RegistrationDrift.check(project
                .with(RegistrationDrift.COMPOSE, compose.replace(RegistrationDrift.TRANSFORMS_JAR, "elsewhere.jar"))
                .with(RegistrationDrift.K8S_CONNECT, connect.replace("artifact: audit-transforms", "artifact: x")));

        assertThat(problems).anyMatch(p -> p.startsWith(RegistrationDrift.COMPOSE) && p.contains("does not mount"))
                .anyMatch(p -> p.startsWith(RegistrationDrift.K8S_CONNECT) && p.contains("Strimzi build"));
    }
}
