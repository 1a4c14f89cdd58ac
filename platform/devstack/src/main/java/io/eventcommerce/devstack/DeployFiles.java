package io.eventcommerce.devstack;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The files of {@code deploy/} (packaged into this module's jar by the build), read exactly as docker-compose and
 * Kubernetes read them.
 */
public final class DeployFiles {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Z0-9_]+)}");

    private DeployFiles() {
    }

    public static String read(String path) {
        try (InputStream in = DeployFiles.class.getClassLoader().getResourceAsStream("deploy/" + path)) {
            if (in == null) {
                throw new StackException("deploy/" + path + " is not on the classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The body of {@code PUT /connectors/<name>/config}. */
    public static String connectorConfig(String name) {
        return read("debezium/connectors/" + name + ".json");
    }

    /** Names of the connectors under deploy/debezium/connectors (file names without .json), sorted. */
    public static List<String> connectorNames() {
        return ConnectorNames.ALL;
    }

    /** Read once: the list is fixed for a classpath, and readiness checks ask for it on every poll. */
    private static final class ConnectorNames {
        private static final List<String> ALL = listConnectorNames();
    }

    private static List<String> listConnectorNames() {
        URL directory = DeployFiles.class.getClassLoader().getResource("deploy/debezium/connectors");
        if (directory == null) {
            throw new StackException("deploy/debezium/connectors is not on the classpath");
        }
        try {
            URI uri = directory.toURI();
            if ("jar".equals(uri.getScheme())) {
                try (FileSystem jar = FileSystems.newFileSystem(uri, Map.of())) {
                    return jsonFileNames(jar.provider().getPath(uri));
                }
            }
            return jsonFileNames(Path.of(uri));
        } catch (IOException | URISyntaxException e) {
            throw new StackException("Cannot list deploy/debezium/connectors: " + e.getMessage(), e);
        }
    }

    private static List<String> jsonFileNames(Path directory) throws IOException {
        try (Stream<Path> files = Files.list(directory)) {
            return files.map(f -> f.getFileName().toString()).filter(n -> n.endsWith(".json"))
                    .map(n -> n.substring(0, n.length() - ".json".length())).sorted().toList();
        }
    }

    /**
     * The topics of the audit connector (deploy/debezium/connectors/audit.json): {@code <topic.prefix>.<schema>.<table>}
     * for each table of its table.include.list, which is a plain comma-separated list for that reason, and
     * {@code <topic.prefix>.transaction}, Debezium's BEGIN/END markers (provide.transaction.metadata).
     */
    public static List<String> auditTopics() {
        try {
            com.fasterxml.jackson.databind.JsonNode audit = new com.fasterxml.jackson.databind.ObjectMapper()
                    .readTree(connectorConfig("audit"));
            String prefix = audit.path("topic.prefix").asText();
            java.util.List<String> topics = new java.util.ArrayList<>(java.util.Arrays.stream(audit
                    .path("table.include.list").asText().split(",")).map(String::trim).filter(t -> !t.isEmpty())
                    .map(t -> prefix + "." + t).toList());
            if (audit.path("provide.transaction.metadata").asBoolean(false)) {
                topics.add(prefix + ".transaction");
            }
            return topics.stream().sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Where compliance-service puts an audit record that is no Debezium row change (ComplianceConfig.Audit). */
    public static final String AUDIT_DEAD_LETTER_TOPIC = "audit.compliance-service-audit.dlq";

    /** deploy/mysql/platform-init.sql with its password placeholders filled in. */
    public static String initSql(Map<String, String> variables) {
        return render(read("mysql/platform-init.sql"), variables);
    }

    static String render(String template, Map<String, String> variables) {
        Matcher matcher = PLACEHOLDER.matcher(template);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            String value = variables.get(matcher.group(1));
            if (value == null) {
                throw new StackException("No value for ${" + matcher.group(1) + "}");
            }
            if (value.contains("'") || value.contains("\\")) {
                throw new StackException("${" + matcher.group(1) + "} must not contain quotes or backslashes");
            }
            matcher.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        matcher.appendTail(out);
        return out.toString();
    }
}
