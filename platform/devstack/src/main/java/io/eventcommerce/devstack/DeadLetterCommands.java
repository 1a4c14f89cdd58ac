package io.eventcommerce.devstack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * {@code ./platformctl dlq list|replay}: each running service's {@code /admin/dead-letters} endpoint, called with a
 * development admin token (docs/operations.md, "Dead letters").
 */
@Command(name = "dlq", mixinStandardHelpOptions = true, description = "Lists or replays the services' dead-letter topics.",
        subcommands = {DeadLetterCommands.List.class, DeadLetterCommands.Replay.class})
final class DeadLetterCommands {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private DeadLetterCommands() {
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "Per dead-letter topic: total, replayed, pending, and pending records.")
    static final class List implements java.util.concurrent.Callable<Integer> {

        @CommandLine.Mixin
        PlatformCommand.Location location;

        @Option(names = "--size", defaultValue = "20", description = "Pending records shown per topic (max 100).")
        int size;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() throws IOException, InterruptedException {
            PrintWriter out = spec.commandLine().getOut();
            for (Map.Entry<String, URI> service : services(location).entrySet()) {
                HttpResponse<String> response = send(HttpRequest.newBuilder(
                        service.getValue().resolve("/admin/dead-letters?size=" + size)).GET());
                check(service.getKey(), response);
                for (JsonNode topic : JSON.readTree(response.body())) {
                    out.printf("%-16s %-48s total %-5d replayed %-5d pending %d%n", service.getKey(),
                            topic.path("topic").asText(), topic.path("total").asLong(),
                            topic.path("replayed").asLong(), topic.path("pending").asLong());
                    for (JsonNode record : topic.path("records").path("items")) {
                        out.printf("    p%d@%d key=%s %s %s at %s: %s%n", record.path("partition").asInt(),
                                record.path("offset").asLong(), record.path("key").asText(),
                                record.path("type").asText(), record.path("eventId").asText(),
                                record.path("time").asText(), record.path("reason").asText());
                    }
                }
            }
            return 0;
        }
    }

    @Command(name = "replay", mixinStandardHelpOptions = true, description = "Replays a dead-letter topic's pending records (or one record) through "
            + "its channel's handler.")
    static final class Replay implements java.util.concurrent.Callable<Integer> {

        @CommandLine.Mixin
        PlatformCommand.Location location;

        @Parameters(description = "Dead-letter topic, e.g. catalog.product.orders-service.dlq")
        String topic;

        @Option(names = "--partition", description = "Only the record at this partition (with --offset).")
        Integer partition;

        @Option(names = "--offset", description = "Only the record at this offset (with --partition).")
        Long offset;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() throws IOException, InterruptedException {
            if ((partition == null) != (offset == null)) {
                throw new CommandLine.ParameterException(spec.commandLine(), "give --partition and --offset together");
            }
            String query = partition == null ? "" : "?partition=" + partition + "&offset=" + offset;
            for (Map.Entry<String, URI> service : services(location).entrySet()) {
                HttpResponse<String> response = send(HttpRequest.newBuilder(service.getValue().resolve(
                        "/admin/dead-letters/" + URLEncoder.encode(topic, StandardCharsets.UTF_8) + "/replay" + query))
                        .POST(HttpRequest.BodyPublishers.noBody()));
                if (response.statusCode() == 404 && partition == null) {
                    continue; // another service's topic
                }
                check(service.getKey(), response);
                JsonNode result = JSON.readTree(response.body());
                spec.commandLine().getOut().printf("%s: %s replayed %d, applied %d, failed again %d (appended to "
                                + "the topic with the new reason)%n", service.getKey(), topic,
                        result.path("replayed").asInt(), result.path("applied").asInt(),
                        result.path("failedAgain").asInt());
                return 0;
            }
            throw new StackException("No running service has the dead-letter topic " + topic);
        }
    }

    private static Map<String, URI> services(PlatformCommand.Location location) {
        RunState state = location.state();
        if (!state.exists()) {
            throw new StackException("The platform is not running (./platformctl up)");
        }
        Map<String, URI> services = new LinkedHashMap<>();
        for (PlatformService service : PlatformService.values()) {
            String url = state.get(service.serviceName() + ".url");
            if (url != null && state.process(service.serviceName()).isPresent()) {
                services.put(service.serviceName(), URI.create(url));
            }
        }
        return services;
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        String token = DevTokens.issue("dev-admin", Set.of("admin"), Map.of(), Duration.ofMinutes(5));
        // A replay may wait on locks or a large topic: no read timeout shorter than the work.
        return HTTP.send(request.header("Authorization", "Bearer " + token).header("Accept", "application/json")
                .build(), HttpResponse.BodyHandlers.ofString());
    }

    private static void check(String service, HttpResponse<String> response) {
        if (response.statusCode() != 200) {
            throw new StackException(service + " answered " + response.statusCode() + ": " + response.body());
        }
    }
}
