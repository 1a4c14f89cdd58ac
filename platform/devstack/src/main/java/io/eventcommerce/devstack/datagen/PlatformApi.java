package io.eventcommerce.devstack.datagen;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.eventcommerce.devstack.DevTokens;
import io.eventcommerce.devstack.StackException;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.function.Supplier;

/** The generator's only way in: the services' public REST APIs, with development tokens. */
final class PlatformApi {

    /** What an API answered: its status and JSON body. */
    record Reply(int status, JsonNode body) {
        boolean ok() {
            return status >= 200 && status < 300;
        }

        String text() {
            return body == null ? "" : body.toString();
        }
    }

    /** Bodies are maps of strings, numbers and lists; times are passed as ISO-8601 strings. */
    static final ObjectMapper JSON = new ObjectMapper();

    /**
     * HTTP/1.1: the JDK client's default HTTP/2 upgrade (h2c) let a service's GOAWAY frame fail a request in the
     * middle of the first start's load, which then stopped the whole platform.
     */
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();
    private final URI catalog;
    private final URI orders;
    private final String staff = DevTokens.issue("data-generator", Set.of("admin", "catalog-manager", "support"),
            Map.of(), Duration.ofHours(12));
    private final String approver = DevTokens.issue("data-generator-approver", Set.of("catalog-manager"), Map.of(),
            Duration.ofHours(12));

    PlatformApi(URI catalog, URI orders) {
        this.catalog = catalog;
        this.orders = orders;
    }

    Reply catalog(String method, String path, Object body) {
        return send(catalog, method, path, body, staff);
    }

    Reply orders(String method, String path, Object body) {
        return send(orders, method, path, body, staff);
    }

    /**
     * A request to catalog-service as a second member of staff: a purchase order is approved by someone other than
     * whoever created and submitted it.
     */
    Reply catalogAsApprover(String method, String path, Object body) {
        return send(catalog, method, path, body, approver);
    }

    /** A request to catalog-service as the customer (reviews are written by their authors). */
    Reply catalogAsCustomer(UUID customerId, String method, String path, Object body) {
        String token = DevTokens.issue("customer-" + customerId, Set.of("customer"),
                Map.of("customer_id", customerId.toString()), Duration.ofHours(1));
        return send(catalog, method, path, body, token);
    }

    /**
     * Uploads a CSV file as a stream (text/csv) with an analyst's token: the competitor feed is tens of MB at seed
     * scale, so it is neither read into memory nor sent again when the connection breaks.
     */
    static Reply uploadCsv(URI base, String path, java.nio.file.Path file) {
        String analyst = DevTokens.issue("data-generator-analyst", Set.of("analyst"), Map.of(), Duration.ofHours(1));
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10)).build();
        try {
            HttpRequest request = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofMinutes(30))
                    .header("Authorization", "Bearer " + analyst).header("Accept", "application/json")
                    .header("Content-Type", "text/csv; charset=UTF-8")
                    .POST(HttpRequest.BodyPublishers.ofFile(file)).build();
            HttpResponse<byte[]> response = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
            JsonNode json = response.body().length == 0 ? null : JSON.readTree(response.body());
            return new Reply(response.statusCode(), json);
        } catch (IOException e) {
            throw new StackException("POST " + base.resolve(path) + " failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StackException("Interrupted", e);
        }
    }

    /** The id of what a POST created; anything but 201 is an error naming the request. */
    String create(Reply reply, String what) {
        if (reply.status() != 201) {
            throw new StackException("Creating " + what + " failed with " + reply.status() + ": " + reply.text());
        }
        return reply.body().path("id").asText();
    }

    /**
     * The id of what a POST created or, if the service answered 409 because it already holds something with the same
     * natural key (a slug, SKU, code or e-mail address), the id of that: a platform that holds data (the first
     * start's small set, an earlier run) is added to, not refused.
     */
    String createOrReuse(Reply reply, String what, Supplier<Optional<String>> existing) {
        if (reply.status() == 409) {
            return existing.get().orElseThrow(() -> new StackException("Creating " + what + " conflicted with "
                    + "something that could not be found by its key: " + reply.text()));
        }
        return create(reply, what);
    }

    /** The id of the first item of a paged catalog list that matches, reading page after page. */
    Optional<String> findInCatalog(String path, Predicate<JsonNode> match) {
        String separator = path.contains("?") ? "&" : "?";
        for (int page = 0; ; page++) {
            Reply reply = catalog("GET", path + separator + "size=100&page=" + page, null);
            if (!reply.ok()) {
                throw new StackException("Reading " + path + " failed with " + reply.status() + ": " + reply.text());
            }
            for (JsonNode item : reply.body().path("items")) {
                if (match.test(item)) {
                    return Optional.of(item.path("id").asText());
                }
            }
            if (page + 1 >= reply.body().path("totalPages").asInt(0)) {
                return Optional.empty();
            }
        }
    }

    /** The items of a list that is either a page ({@code items}) or a plain array. */
    static JsonNode items(Reply reply) {
        return reply.body() != null && reply.body().isObject() ? reply.body().path("items") : reply.body();
    }

    static String query(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    /**
     * Sends the request; a 503 (the service rolled back on a lock conflict) is sent again after its Retry-After, and
     * a request whose connection broke is sent again up to twice: every write of the generator is idempotent (ids
     * derived from the seed, natural keys reused on 409), so a second copy changes nothing.
     */
    private Reply send(URI base, String method, String path, Object body, String token) {
        Reply reply = sendRetryingBrokenConnections(base, method, path, body, token);
        for (int attempt = 0; reply.status() == 503 && attempt < 10; attempt++) {
            try {
                Thread.sleep(1000L * (attempt + 1));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new StackException("Interrupted", e);
            }
            reply = sendRetryingBrokenConnections(base, method, path, body, token);
        }
        return reply;
    }

    private Reply sendRetryingBrokenConnections(URI base, String method, String path, Object body, String token) {
        for (int attempt = 1; ; attempt++) {
            try {
                return sendOnce(base, method, path, body, token);
            } catch (StackException e) {
                if (!(e.getCause() instanceof IOException) || attempt == 3) {
                    throw e;
                }
                try {
                    Thread.sleep(2000L * attempt);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw new StackException("Interrupted", interrupted);
                }
            }
        }
    }

    private Reply sendOnce(URI base, String method, String path, Object body, String token) {
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path))
                    .timeout(Duration.ofMinutes(5))
                    .header("Authorization", "Bearer " + token)
                    .header("Accept", "application/json");
            if (body == null) {
                request.method(method, HttpRequest.BodyPublishers.noBody());
            } else {
                request.header("Content-Type", "application/json")
                        .method(method, HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(body)));
            }
            HttpResponse<byte[]> response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            JsonNode json = response.body().length == 0 ? null : JSON.readTree(response.body());
            return new Reply(response.statusCode(), json);
        } catch (IOException e) {
            throw new StackException(method + " " + base.resolve(path) + " failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StackException("Interrupted", e);
        }
    }
}
