package io.eventcommerce.devstack;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The fraud commands' wiring: what they send where (a local HTTP server plays compliance-service and records the
 * requests), what they print, and how they read a label file. The endpoints themselves are tested in
 * compliance-service (FraudModelIT).
 */
class FraudCommandsTest {

    private static final String MODEL = """
            {"version":7,"label":"v7","status":"CANDIDATE","examples":1200,"fraudExamples":48,
             "trainedFrom":"2026-01-01T00:00:00Z","trainedTo":"2026-11-30T00:00:00Z",
             "evaluation":{"modelVersion":"v7","cutoff":"2026-09-01T00:00:00Z","trainExamples":840,"trainFraud":30,
               "testExamples":360,"testFraud":18,"reviewAt":0.2,"rejectAt":0.6,
               "model":{"rocAuc":0.912,"averagePrecision":0.55,"precisionAtReview":0.3,"recallAtReview":0.8,
                        "precisionAtReject":0.7,"recallAtReject":0.4,"legitimateHeldShare":0.05,
                        "legitimateDeclinedShare":0.004},
               "modelWithRules":{"rocAuc":0.92,"averagePrecision":0.56,"precisionAtReview":0.3,"recallAtReview":0.85,
                        "precisionAtReject":0.7,"recallAtReject":0.45,"legitimateHeldShare":0.06,
                        "legitimateDeclinedShare":0.005},
               "rulesOnly":{"rocAuc":0.701,"averagePrecision":0.25,"precisionAtReview":0.1,"recallAtReview":0.6,
                        "precisionAtReject":0.3,"recallAtReject":0.2,"legitimateHeldShare":0.2,
                        "legitimateDeclinedShare":0.01}}}""";

    record Request(String method, String path, String body, String roles) {
    }

    private final List<Request> requests = Collections.synchronizedList(new ArrayList<>());
    private HttpServer server;
    private String url;
    private int status = 201;

    @TempDir
    Path root;

    @BeforeEach
    void startCompliance() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            String token = exchange.getRequestHeaders().getFirst("Authorization").substring("Bearer ".length());
            JsonNode claims = FraudCommands.JSON.readTree(Base64.getUrlDecoder().decode(token.split("\\.")[1]));
            requests.add(new Request(exchange.getRequestMethod(), exchange.getRequestURI().getPath(), body,
                    claims.path("groups").toString()));
            String path = exchange.getRequestURI().getPath();
            String answer;
            int code;
            if (path.equals("/fraud/labels")) {
                int n = FraudCommands.JSON.readTree(body).path("labels").size();
                answer = "{\"recorded\":" + n + "}";
                code = 200;
            } else if (path.equals("/fraud/models")) {
                answer = status == 201 ? MODEL : "{\"title\":\"Conflict\",\"status\":409,"
                        + "\"detail\":\"Too few labelled outcomes to train on: 3 fraud\"}";
                code = status;
            } else {
                answer = "{\"version\":7,\"label\":\"v7\"}";
                code = 200;
            }
            byte[] bytes = answer.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(code, bytes.length);
            exchange.getResponseBody().write(bytes);
            exchange.close();
        });
        server.start();
        url = "http://127.0.0.1:" + server.getAddress().getPort();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private String run(String... args) {
        StringWriter out = new StringWriter();
        CommandLine commandLine = Launcher.commandLine();
        commandLine.setOut(new PrintWriter(out));
        StringWriter err = new StringWriter();
        commandLine.setErr(new PrintWriter(err));
        int code = commandLine.execute(args);
        assertThat(code).as("exit code; stderr: %s", err).isZero();
        return out.toString();
    }

    private String fail(String... args) {
        StringWriter err = new StringWriter();
        CommandLine commandLine = Launcher.commandLine();
        commandLine.setOut(new PrintWriter(new StringWriter()));
        commandLine.setErr(new PrintWriter(err));
        assertThat(commandLine.execute(args)).isNotZero();
        return err.toString();
    }

    @Test
    void retrainPostsAsAnAdminAndPrintsTheVersionAndItsEvaluationAgainstTheRules() {
        String out = run("fraud", "retrain", "--url", url);
        assertThat(requests).singleElement().satisfies(r -> {
            assertThat(r.method() + " " + r.path()).isEqualTo("POST /fraud/models");
            assertThat(r.roles()).contains("admin");
        });
        assertThat(out).contains("Trained v7 (version 7, CANDIDATE) on 1,200 labelled orders (48 fraud)")
                .contains("Hold-out: 360 orders (18 fraud)").contains("It decides nothing yet");
        assertThat(out.lines().filter(l -> l.startsWith("model ")).findFirst().orElseThrow()).contains("0.912");
        assertThat(out.lines().filter(l -> l.startsWith("rules baseline")).findFirst().orElseThrow())
                .contains("0.701", "20.0%");
    }

    @Test
    void activateAndShadowCallTheirEndpointsForTheNewVersion() {
        assertThat(run("fraud", "retrain", "--url", url, "--activate")).contains("Activated v7");
        assertThat(run("fraud", "retrain", "--url", url, "--shadow")).contains("Shadowing v7");
        assertThat(requests.stream().map(r -> r.method() + " " + r.path())).containsExactly("POST /fraud/models",
                "POST /fraud/models/7/activation", "POST /fraud/models", "POST /fraud/models/7/shadow");
        assertThat(fail("fraud", "retrain", "--url", url, "--activate", "--shadow")).contains("mutually exclusive");
    }

    @Test
    void aRefusalIsReportedWithTheProblemsDetail() {
        status = 409;
        assertThat(fail("fraud", "retrain", "--url", url)).contains("answered 409", "Too few labelled outcomes");
    }

    @Test
    void withoutARunningPlatformTheCommandsSaySo() throws IOException {
        assertThat(fail("fraud", "retrain", "--root", root.toString()))
                .contains("compliance-service is not running", "./platformctl up --detach");
        int free;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            free = socket.getLocalPort();
        }
        assertThat(fail("fraud", "retrain", "--url", "http://127.0.0.1:" + free))
                .contains("does not answer at", "is the platform running");
    }

    @Test
    void labelImportSendsTheGeneratorsFileInBatches() throws IOException {
        List<String> lines = new ArrayList<>(List.of("order_id,label,pattern,look_alike,episode,chargeback_at"));
        List<UUID> ids = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            UUID id = UUID.randomUUID();
            ids.add(id);
            lines.add(i % 2 == 0 ? id + ",1,card-testing,,3,2026-10-01T00:00:00Z" : id + ",0,,big-spender,,");
        }
        Path file = Files.write(root.resolve("fraud-labels.csv"), lines);
        String out = run("fraud", "labels", "import", file.toString(), "--url", url, "--batch-size", "2");
        assertThat(requests).hasSize(3).allSatisfy(r -> {
            assertThat(r.method() + " " + r.path()).isEqualTo("POST /fraud/labels");
            assertThat(r.roles()).contains("admin");
        });
        JsonNode first = FraudCommands.JSON.readTree(requests.get(0).body()).path("labels");
        assertThat(first).hasSize(2);
        assertThat(first.get(0).path("orderId").asText()).isEqualTo(ids.get(0).toString());
        assertThat(first.get(0).path("fraud").asBoolean()).isTrue();
        assertThat(first.get(0).path("detail").asText()).contains("card-testing");
        assertThat(first.get(1).path("fraud").asBoolean()).isFalse();
        assertThat(FraudCommands.JSON.readTree(requests.get(2).body()).path("labels")).hasSize(1);
        assertThat(out).contains("Imported 5 labels (3 fraud, 2 legitimate)");
    }

    @Test
    void aBrokenLabelFileNamesTheLineAndSendsNothing() throws IOException {
        Path file = Files.write(root.resolve("bad.csv"), List.of("order_id,label", UUID.randomUUID() + ",1",
                "not-a-uuid,0"));
        assertThat(fail("fraud", "labels", "import", file.toString(), "--url", url))
                .contains("Line 3", "not a UUID");
        Path badLabel = Files.write(root.resolve("bad2.csv"), List.of("order_id,label", UUID.randomUUID() + ",yes"));
        assertThat(fail("fraud", "labels", "import", badLabel.toString(), "--url", url)).contains("0 or 1");
        Path noHeader = Files.write(root.resolve("bad3.csv"), List.of("id,fraud", UUID.randomUUID() + ",1"));
        assertThat(fail("fraud", "labels", "import", noHeader.toString(), "--url", url)).contains("order_id and label");
        assertThat(fail("fraud", "labels", "import", root.resolve("missing.csv").toString(), "--url", url))
                .contains("No label file");
        assertThat(fail("fraud", "labels", "import", file.toString(), "--url", url, "--batch-size", "0"))
                .contains("--batch-size");
        assertThat(requests).isEmpty();
    }

    @Test
    void parsingKeepsTheLastLabelOfAnOrderAndSkipsBlankLines() {
        UUID id = UUID.randomUUID();
        List<FraudCommands.Label> labels = FraudCommands.parse(List.of("order_id,label,pattern", id + ",0,", "",
                id + ",1,ato"));
        assertThat(labels).containsExactly(new FraudCommands.Label(id, true, "imported label: pattern ato"));
        assertThatThrownBy(() -> FraudCommands.parse(List.of())).isInstanceOf(StackException.class);
    }

    @Test
    void helpListsTheFraudCommands() {
        assertThat(run("fraud", "--help")).contains("retrain", "labels");
        assertThat(run("fraud", "retrain", "--help")).contains("--activate", "--shadow", "--url");
        assertThat(run("fraud", "labels", "import", "--help")).contains("--batch-size", "FILE");
    }
}
