package io.eventcommerce.devstack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** The Kafka Connect REST API, as the launcher, the test kit and operators use it. */
public final class ConnectClient {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final URI base;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    public ConnectClient(URI base) {
        this.base = base;
    }

    public URI uri() {
        return base;
    }

    /** The worker answers its REST API. */
    public boolean answers() {
        try {
            return send(HttpRequest.newBuilder(base.resolve("/connectors")).GET()).statusCode() == 200;
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * Creates or updates a connector ({@code PUT /connectors/<name>/config}, idempotent). Retries while the
     * worker is still joining its group (409 "rebalance in progress", 5xx).
     */
    public void putConnector(String name, String configJson, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            try {
                HttpResponse<String> response = send(HttpRequest.newBuilder(base.resolve("/connectors/" + name + "/config"))
                        .header("Content-Type", "application/json")
                        .PUT(HttpRequest.BodyPublishers.ofString(configJson)));
                int status = response.statusCode();
                if (status == 200 || status == 201) {
                    return;
                }
                if (status != 409 && status < 500) {
                    throw new StackException("Connect rejected connector " + name + " (" + status + "): "
                            + response.body());
                }
            } catch (IOException e) {
                // not up yet; retried below
            }
            if (System.nanoTime() > deadline) {
                throw new StackException("Could not register connector " + name + " within " + timeout.toSeconds() + " s");
            }
            sleep(250);
        }
    }

    /** Connector and task states, e.g. {@code RUNNING}; empty if the connector does not exist. */
    public ConnectorState state(String name) {
        try {
            HttpResponse<String> response = send(HttpRequest.newBuilder(base.resolve("/connectors/" + name + "/status")).GET());
            if (response.statusCode() == 404) {
                return new ConnectorState(name, "MISSING", List.of(), null);
            }
            if (response.statusCode() != 200) {
                return new ConnectorState(name, "UNKNOWN", List.of(), response.body());
            }
            JsonNode status = JSON.readTree(response.body());
            List<String> tasks = new ArrayList<>();
            String trace = status.path("connector").path("trace").asText(null);
            for (JsonNode task : status.path("tasks")) {
                tasks.add(task.path("state").asText());
                if (trace == null) {
                    trace = task.path("trace").asText(null);
                }
            }
            return new ConnectorState(name, status.path("connector").path("state").asText(), tasks, trace);
        } catch (IOException e) {
            return new ConnectorState(name, "UNREACHABLE", List.of(), e.getMessage());
        }
    }

    public List<String> connectors() {
        try {
            HttpResponse<String> response = send(HttpRequest.newBuilder(base.resolve("/connectors")).GET());
            List<String> names = new ArrayList<>();
            JSON.readTree(response.body()).forEach(n -> names.add(n.asText()));
            return names;
        } catch (IOException e) {
            throw new StackException("Connect at " + base + " is unreachable: " + e.getMessage(), e);
        }
    }

    /** Waits until the connector and all its tasks run; fails at once with Connect's trace if one failed. */
    public void awaitRunning(String name, Duration timeout) {
        Await.until("connector " + name + " to run", timeout, () -> {
            ConnectorState state = state(name);
            if (state.failed()) {
                throw new StackException("Connector " + name + " failed: " + state.trace());
            }
        }, () -> state(name).running());
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws IOException {
        try {
            return http.send(request.timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StackException("interrupted");
        }
    }

    /** What {@code GET /connectors/<name>/status} says. */
    public record ConnectorState(String name, String connector, List<String> tasks, String trace) {

        public boolean running() {
            return "RUNNING".equals(connector) && !tasks.isEmpty() && tasks.stream().allMatch("RUNNING"::equals);
        }

        public boolean failed() {
            return "FAILED".equals(connector) || tasks.contains("FAILED");
        }

        @Override
        public String toString() {
            return connector + (tasks.isEmpty() ? "" : " tasks=" + tasks);
        }
    }
}
