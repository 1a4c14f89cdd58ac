package io.eventcommerce.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What every service's OpenAPI document must say about each of its operations: who may call it (roles), how it
 * fails (problem+json 4xx responses), and for a list, a capped page size and page number. {@link #gaps} names
 * each omission.
 */
public final class OpenApiDocument {

    private static final Set<String> METHODS = Set.of("get", "post", "put", "patch", "delete");
    private static final String PROBLEM = "application/problem+json";
    /** What redocly's no-server-example.com refuses. */
    private static final Pattern PLACEHOLDER_HOST = Pattern.compile("^(.*[/.])?(example\\.com|localhost)([/:?].*|$)");
    private static final Pattern PATH_PARAMETER = Pattern.compile("\\{([^}]+)}");

    private final String json;
    private final JsonNode root;

    private OpenApiDocument(String json, JsonNode root) {
        this.json = json;
        this.root = root;
    }

    public static OpenApiDocument parse(String json) {
        try {
            return new OpenApiDocument(json, new ObjectMapper().readTree(json));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes the document as served, for tools outside the build (a linter, a client generator). */
    public Path save(Path file) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            return Files.writeString(file, json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The number of operations in the document. */
    public int operations() {
        int count = 0;
        for (Iterator<Map.Entry<String, JsonNode>> paths = root.path("paths").fields(); paths.hasNext(); ) {
            for (Iterator<String> methods = paths.next().getValue().fieldNames(); methods.hasNext(); ) {
                count += METHODS.contains(methods.next()) ? 1 : 0;
            }
        }
        return count;
    }

    /**
     * Every operation that does not state its roles, its error responses, or (for a list) a page size capped at
     * {@code maxPageSize} and a page number capped at {@code maxPage}.
     */
    public List<String> gaps(int maxPageSize, int maxPage) {
        List<String> gaps = new ArrayList<>();
        root.path("paths").fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(op -> {
            if (!METHODS.contains(op.getKey())) {
                return;
            }
            String name = op.getKey().toUpperCase() + " " + path.getKey();
            JsonNode operation = op.getValue();
            if (!operation.path("security").isArray() || operation.path("security").isEmpty()) {
                gaps.add(name + ": no security requirement");
            }
            if (!operation.path("description").asText("").contains("Roles: ")) {
                gaps.add(name + ": no roles in its description");
            }
            JsonNode responses = operation.path("responses");
            List<String> expected = new ArrayList<>(List.of("400", "401", "403"));
            if (path.getKey().contains("{")) {
                expected.add("404");
            }
            if (!op.getKey().equals("get")) {
                expected.add("409");
            }
            for (String status : expected) {
                if (!responses.path(status).path("content").has(PROBLEM)) {
                    gaps.add(name + ": no problem+json " + status + " response");
                }
            }
            String success = responses.path("200").path("content").path("application/json").path("schema")
                    .path("$ref").asText("");
            if (op.getKey().equals("get") && success.startsWith("#/components/schemas/Page")) {
                boolean capped = false;
                boolean pageCapped = false;
                for (JsonNode parameter : operation.path("parameters")) {
                    int maximum = parameter.path("schema").path("maximum").asInt(Integer.MAX_VALUE);
                    if ("size".equals(parameter.path("name").asText()) && maximum <= maxPageSize) {
                        capped = true;
                    }
                    if ("page".equals(parameter.path("name").asText()) && maximum <= maxPage) {
                        pageCapped = true;
                    }
                }
                if (!capped) {
                    gaps.add(name + ": a list without a size parameter capped at " + maxPageSize);
                }
                if (!pageCapped) {
                    gaps.add(name + ": a list without a page parameter capped at " + maxPage);
                }
            }
        }));
        return gaps;
    }
    /**
     * What keeps a client generator (and {@code redocly lint}'s recommended rules) from taking the document as it is:
     * an operation without a unique, URL-safe operationId, a summary, a success and a 4xx response; a path parameter
     * not declared, or declared but not in the path; a security requirement naming an undefined scheme; a tag used
     * but not declared with a description, or declared twice; no servers (or a placeholder one, or one with a trailing
     * slash); no licence with an identifier or URL; a component schema nothing refers to; two paths that can match
     * one URL with neither more specific (redocly's no-ambiguous-paths: {@code /a/runs/{id}} and {@code /a/{x}/runs}).
     */
    public List<String> clientGeneratorGaps() {
        List<String> gaps = new ArrayList<>();
        JsonNode servers = root.path("servers");
        if (!servers.isArray() || servers.isEmpty()) {
            gaps.add("no servers");
        }
        for (JsonNode server : servers) {
            String url = server.path("url").asText("");
            if (url.isEmpty() || PLACEHOLDER_HOST.matcher(url).matches() || (url.endsWith("/") && !url.equals("/"))) {
                gaps.add("server '" + url + "': empty, example.com or localhost, or with a trailing slash");
            }
        }
        JsonNode license = root.path("info").path("license");
        if (license.path("name").asText("").isBlank()
                || (license.path("identifier").asText("").isBlank() && license.path("url").asText("").isBlank())) {
            gaps.add("info: no licence with a name and an identifier or URL");
        }
        Map<String, String> tagDescriptions = new HashMap<>();
        for (JsonNode tag : root.path("tags")) {
            if (tagDescriptions.put(tag.path("name").asText(), tag.path("description").asText("")) != null) {
                gaps.add("tag '" + tag.path("name").asText() + "' declared twice");
            }
        }
        Set<String> schemes = new HashSet<>();
        root.path("components").path("securitySchemes").fieldNames().forEachRemaining(schemes::add);
        Map<String, String> operationIds = new HashMap<>();
        root.path("paths").fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(op -> {
            if (!METHODS.contains(op.getKey())) {
                return;
            }
            String name = op.getKey().toUpperCase() + " " + path.getKey();
            JsonNode operation = op.getValue();
            String id = operation.path("operationId").asText("");
            if (id.isEmpty()) {
                gaps.add(name + ": no operationId");
            } else if (!id.matches("[A-Za-z0-9_.~-]+")) {
                gaps.add(name + ": operationId '" + id + "' is not URL-safe");
            } else if (operationIds.putIfAbsent(id, name) != null) {
                gaps.add(name + ": operationId '" + id + "' also names " + operationIds.get(id));
            }
            if (operation.path("summary").asText("").isBlank()) {
                gaps.add(name + ": no summary");
            }
            List<String> statuses = new ArrayList<>();
            operation.path("responses").fieldNames().forEachRemaining(statuses::add);
            if (statuses.stream().noneMatch(status -> status.startsWith("2"))) {
                gaps.add(name + ": no 2xx response");
            }
            if (statuses.stream().noneMatch(status -> status.startsWith("4"))) {
                gaps.add(name + ": no 4xx response");
            }
            Set<String> declared = new HashSet<>();
            for (JsonNode parameters : List.of(path.getValue().path("parameters"), operation.path("parameters"))) {
                for (JsonNode parameter : parameters) {
                    if ("path".equals(parameter.path("in").asText())) {
                        declared.add(parameter.path("name").asText());
                    }
                }
            }
            Set<String> inPath = new HashSet<>();
            Matcher matcher = PATH_PARAMETER.matcher(path.getKey());
            while (matcher.find()) {
                inPath.add(matcher.group(1));
            }
            if (!declared.equals(inPath)) {
                gaps.add(name + ": path parameters " + inPath + " but declared " + declared);
            }
            for (JsonNode requirement : operation.path("security")) {
                requirement.fieldNames().forEachRemaining(scheme -> {
                    if (!schemes.contains(scheme)) {
                        gaps.add(name + ": security scheme '" + scheme + "' is not defined");
                    }
                });
            }
            for (JsonNode tag : operation.path("tags")) {
                if (tagDescriptions.getOrDefault(tag.asText(), "").isBlank()) {
                    gaps.add(name + ": tag '" + tag.asText() + "' has no description");
                }
            }
        }));
        List<String> paths = new ArrayList<>();
        root.path("paths").fieldNames().forEachRemaining(paths::add);
        for (int i = 0; i < paths.size(); i++) {
            for (int j = i + 1; j < paths.size(); j++) {
                if (ambiguous(paths.get(i), paths.get(j))) {
                    gaps.add("paths " + paths.get(i) + " and " + paths.get(j) + " can match one URL");
                }
            }
        }
        Set<String> referenced = new HashSet<>();
        collectRefs(root, referenced);
        root.path("components").path("schemas").fieldNames().forEachRemaining(schema -> {
            if (!referenced.contains("#/components/schemas/" + schema)) {
                gaps.add("component schema '" + schema + "' is not used");
            }
        });
        return gaps;
    }

    /**
     * Whether some URL matches both paths and neither wins by having a fixed segment where the other has a
     * parameter at every place they differ: a router (or a generated client) cannot tell which one is meant.
     */
    static boolean ambiguous(String a, String b) {
        String[] left = a.split("/", -1);
        String[] right = b.split("/", -1);
        if (left.length != right.length) {
            return false;
        }
        boolean leftFixedWhereRightIsNot = false;
        boolean rightFixedWhereLeftIsNot = false;
        for (int i = 0; i < left.length; i++) {
            boolean leftParameter = left[i].startsWith("{");
            boolean rightParameter = right[i].startsWith("{");
            if (!leftParameter && !rightParameter && !left[i].equals(right[i])) {
                return false;
            }
            leftFixedWhereRightIsNot |= !leftParameter && rightParameter;
            rightFixedWhereLeftIsNot |= leftParameter && !rightParameter;
        }
        return leftFixedWhereRightIsNot && rightFixedWhereLeftIsNot;
    }

    private static void collectRefs(JsonNode node, Set<String> refs) {
        if (node.isObject()) {
            JsonNode ref = node.get("$ref");
            if (ref != null && ref.isTextual()) {
                refs.add(ref.asText());
            }
        }
        node.forEach(child -> collectRefs(child, refs));
    }
}
