package io.eventcommerce.devstack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;

/**
 * {@code ./platformctl fraud retrain|labels import}: compliance-service's fraud model endpoints on the running
 * platform, called with a development admin token (compliance-service/README.md, "The fraud model").
 */
@Command(name = "fraud", mixinStandardHelpOptions = true,
        description = "Retrains compliance-service's fraud model or imports outcome labels into it.",
        subcommands = {FraudCommands.Retrain.class, FraudCommands.Labels.class})
final class FraudCommands {

    static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    /** Labels per request: well below compliance-service's limit of 5,000 per request. */
    static final int DEFAULT_BATCH = 1000;
    static final int MAX_BATCH = 5000;

    private FraudCommands() {
    }

    /** What both commands share: where compliance-service answers, and calls to it as an admin. */
    abstract static class ComplianceCommand implements Callable<Integer> {

        @CommandLine.Mixin
        PlatformCommand.Location location;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Option(names = "--url", description = "compliance-service's address (default: the one './platformctl up' "
                + "started, e.g. http://127.0.0.1:8083; give it for Docker Compose or Kubernetes).")
        URI url;

        PrintWriter out() {
            return spec.commandLine().getOut();
        }

        URI compliance() {
            if (url != null) {
                return url;
            }
            RunState state = location.state();
            String service = PlatformService.COMPLIANCE.serviceName();
            String address = state.exists() ? state.get(service + ".url") : null;
            if (address == null || state.process(service).isEmpty()) {
                throw new StackException(service + " is not running: start the platform with './platformctl up "
                        + "--detach' (see './platformctl status'), or give its address with --url");
            }
            return URI.create(address);
        }

        /** The JSON answer of a 2xx; anything else is an error naming the call and the problem's detail. */
        JsonNode call(String method, String path, Object body) {
            URI target = compliance().resolve(path);
            String token = DevTokens.issue("dev-admin", Set.of("admin"), Map.of(), Duration.ofMinutes(10));
            try {
                HttpRequest.Builder request = HttpRequest.newBuilder(target).timeout(Duration.ofMinutes(10))
                        .header("Authorization", "Bearer " + token).header("Accept", "application/json");
                if (body == null) {
                    request.method(method, HttpRequest.BodyPublishers.noBody());
                } else {
                    request.header("Content-Type", "application/json")
                            .method(method, HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(body)));
                }
                HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
                JsonNode json = response.body().isBlank() ? JSON.nullNode() : JSON.readTree(response.body());
                if (response.statusCode() / 100 != 2) {
                    String detail = json.path("detail").asText(response.body());
                    throw new StackException(method + " " + path + " answered " + response.statusCode() + ": "
                            + detail);
                }
                return json;
            } catch (ConnectException e) {
                throw new StackException("compliance-service does not answer at " + compliance() + ": is the "
                        + "platform running? ('./platformctl status'; start it with './platformctl up --detach')", e);
            } catch (IOException e) {
                throw new StackException(method + " " + target + " failed: " + e.getMessage(), e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new StackException("Interrupted", e);
            }
        }
    }

    @Command(name = "retrain", mixinStandardHelpOptions = true,
            description = "Fits a new fraud model version on the labelled outcomes (POST /fraud/models) and prints "
                    + "its hold-out evaluation against the rules-only baseline; --activate or --shadow puts it to "
                    + "work.")
    static final class Retrain extends ComplianceCommand {

        @ArgGroup(exclusive = true)
        Use use;

        static final class Use {
            @Option(names = "--activate", required = true,
                    description = "Activate the new version: it decides every order from now on.")
            boolean activate;

            @Option(names = "--shadow", required = true,
                    description = "Shadow the new version: it scores every order beside the active one.")
            boolean shadow;
        }

        @Override
        public Integer call() {
            JsonNode created = call("POST", "/fraud/models", null);
            int version = created.path("version").asInt();
            out().print(describe(created));
            if (use != null && use.activate) {
                JsonNode active = call("POST", "/fraud/models/" + version + "/activation", null);
                out().printf("Activated %s: it decides every order from now on.%n", active.path("label").asText());
            } else if (use != null && use.shadow) {
                JsonNode shadow = call("POST", "/fraud/models/" + version + "/shadow", null);
                out().printf("Shadowing %s: it scores every order beside the active version and decides nothing."
                        + "%n", shadow.path("label").asText());
            } else {
                out().printf("It decides nothing yet: './platformctl fraud retrain' again with --activate or "
                        + "--shadow, or POST /fraud/models/%d/activation.%n", version);
            }
            out().flush();
            return 0;
        }
    }

    @Command(name = "labels", mixinStandardHelpOptions = true, description = "Outcome labels of orders.",
            subcommands = {Import.class})
    static final class Labels {
    }

    @Command(name = "import", mixinStandardHelpOptions = true,
            description = "Imports a label file (the data generator's fraud-labels.csv: order_id,label,... with "
                    + "label 1 for fraud, 0 for legitimate) into compliance-service (POST /fraud/labels), in "
                    + "batches. An imported label never overrides a chargeback's or an officer's.")
    static final class Import extends ComplianceCommand {

        @Parameters(paramLabel = "FILE", description = "The CSV file, e.g. .platform/generated/fraud-labels.csv")
        Path file;

        @Option(names = "--batch-size", defaultValue = "" + DEFAULT_BATCH,
                description = "Labels per request (1..5000, default ${DEFAULT-VALUE}).")
        int batchSize;

        @Override
        public Integer call() {
            if (batchSize < 1 || batchSize > MAX_BATCH) {
                throw new CommandLine.ParameterException(spec.commandLine(), "--batch-size must be 1.." + MAX_BATCH);
            }
            List<Label> labels = parse(read(file));
            int recorded = 0;
            for (int from = 0; from < labels.size(); from += batchSize) {
                List<Label> batch = labels.subList(from, Math.min(labels.size(), from + batchSize));
                recorded += call("POST", "/fraud/labels", Map.of("labels", batch)).path("recorded").asInt();
                out().printf("%,d of %,d labels recorded%n", recorded, labels.size());
                out().flush();
            }
            long fraud = labels.stream().filter(Label::fraud).count();
            out().printf("Imported %,d labels (%,d fraud, %,d legitimate) from %s%n", recorded, fraud,
                    labels.size() - fraud, file);
            out().flush();
            return 0;
        }
    }

    /** One label as POST /fraud/labels takes it. */
    record Label(UUID orderId, boolean fraud, String detail) {
    }

    private static List<String> read(Path file) {
        try {
            return Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new StackException("No label file " + file + " (the data generator writes "
                    + ".platform/generated/fraud-labels.csv: './platformctl generate')");
        } catch (IOException e) {
            throw new StackException("Cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * The labels of a file with a header naming at least {@code order_id} and {@code label} (0 or 1); the data
     * generator's {@code pattern} and {@code look_alike} columns become the label's detail. Its values never contain
     * commas or quotes (ids, numbers, pattern names, ISO times), so a plain split reads it.
     */
    static List<Label> parse(List<String> lines) {
        if (lines.isEmpty() || lines.get(0).isBlank()) {
            throw new StackException("The label file is empty; it needs a header line with order_id and label");
        }
        List<String> header = List.of(lines.get(0).strip().toLowerCase(Locale.ROOT).split(",", -1));
        int orderId = header.indexOf("order_id");
        int label = header.indexOf("label");
        int pattern = header.indexOf("pattern");
        int lookAlike = header.indexOf("look_alike");
        if (orderId < 0 || label < 0) {
            throw new StackException("The label file's header must name order_id and label, was: " + lines.get(0));
        }
        Map<UUID, Label> labels = new LinkedHashMap<>();
        for (int i = 1; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty()) {
                continue;
            }
            String[] cells = line.split(",", -1);
            if (cells.length < header.size()) {
                throw new StackException("Line " + (i + 1) + " has " + cells.length + " columns, the header "
                        + header.size() + ": " + line);
            }
            UUID id;
            try {
                id = UUID.fromString(cells[orderId].strip());
            } catch (IllegalArgumentException e) {
                throw new StackException("Line " + (i + 1) + ": order_id is not a UUID: " + cells[orderId]);
            }
            String value = cells[label].strip();
            if (!value.equals("0") && !value.equals("1")) {
                throw new StackException("Line " + (i + 1) + ": label must be 0 or 1, was " + value);
            }
            List<String> detail = new ArrayList<>();
            if (pattern >= 0 && !cells[pattern].isBlank()) {
                detail.add("pattern " + cells[pattern].strip());
            }
            if (lookAlike >= 0 && !cells[lookAlike].isBlank()) {
                detail.add("look-alike " + cells[lookAlike].strip());
            }
            // A later line for the same order wins, as a second import of it would.
            labels.put(id, new Label(id, value.equals("1"), detail.isEmpty() ? "imported label"
                    : "imported label: " + String.join(", ", detail)));
        }
        return List.copyOf(labels.values());
    }

    /** A new version and its stored evaluation, as a few lines and a table: model, model with rules, rules. */
    static String describe(JsonNode model) {
        StringBuilder s = new StringBuilder();
        JsonNode e = model.path("evaluation");
        s.append(String.format(Locale.ROOT, "Trained %s (version %d, %s) on %,d labelled orders (%,d fraud), placed "
                        + "%s to %s.%n", model.path("label").asText(), model.path("version").asInt(),
                model.path("status").asText(), model.path("examples").asInt(), model.path("fraudExamples").asInt(),
                model.path("trainedFrom").asText("?"), model.path("trainedTo").asText("?")));
        s.append(String.format(Locale.ROOT, "Hold-out: %,d orders (%,d fraud) placed from %s; trained on %,d "
                        + "(%,d fraud). Thresholds: review %.2f, reject %.2f.%n", e.path("testExamples").asInt(),
                e.path("testFraud").asInt(), e.path("cutoff").asText("?"), e.path("trainExamples").asInt(),
                e.path("trainFraud").asInt(), e.path("reviewAt").asDouble(), e.path("rejectAt").asDouble()));
        s.append(String.format(Locale.ROOT, "%-20s %8s %9s %11s %11s %11s %11s %11s %11s%n", "", "ROC-AUC",
                "avg prec", "prec@REV", "recall@REV", "prec@REJ", "recall@REJ", "legit held", "legit decl"));
        for (String[] row : new String[][] {{"model", "model"}, {"model + hard rules", "modelWithRules"},
                {"rules baseline", "rulesOnly"}}) {
            JsonNode f = e.path(row[1]);
            s.append(String.format(Locale.ROOT, "%-20s %8.3f %9.3f %10.1f%% %10.1f%% %10.1f%% %10.1f%% %10.1f%% "
                            + "%10.1f%%%n", row[0], f.path("rocAuc").asDouble(), f.path("averagePrecision").asDouble(),
                    100 * f.path("precisionAtReview").asDouble(), 100 * f.path("recallAtReview").asDouble(),
                    100 * f.path("precisionAtReject").asDouble(), 100 * f.path("recallAtReject").asDouble(),
                    100 * f.path("legitimateHeldShare").asDouble(),
                    100 * f.path("legitimateDeclinedShare").asDouble()));
        }
        return s.toString();
    }
}
