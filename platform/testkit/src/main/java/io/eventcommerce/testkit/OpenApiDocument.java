package io.eventcommerce.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What every service's OpenAPI document must say about each of its operations: who may call it (roles), how it
 * fails (problem+json 4xx responses), and for a list, a capped page size and page number. {@link #gaps} names
 * each omission.
 */
public final class OpenApiDocument {

    private static final Set<String> METHODS = Set.of("get", "post", "put", "patch", "delete");
    private static final String PROBLEM = "application/problem+json";

    private final JsonNode root;

    private OpenApiDocument(JsonNode root) {
        this.root = root;
    }

    public static OpenApiDocument parse(String json) {
        try {
            return new OpenApiDocument(new ObjectMapper().readTree(json));
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
}
