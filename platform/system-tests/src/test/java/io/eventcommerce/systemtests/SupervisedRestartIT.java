package io.eventcommerce.systemtests;

import io.eventcommerce.devstack.EmbeddedStack;
import io.eventcommerce.devstack.Launcher;
import io.eventcommerce.devstack.PlatformService;
import io.eventcommerce.devstack.PlatformStack;
import io.eventcommerce.devstack.RunState;
import io.eventcommerce.devstack.RunningServices;
import io.eventcommerce.devstack.ServiceProcess;
import io.eventcommerce.devstack.Supervisor;
import io.eventcommerce.events.EventCodec;
import io.eventcommerce.events.EventEnvelope;
import io.eventcommerce.events.compliance.FraudAssessed;
import io.eventcommerce.testkit.Database;
import io.eventcommerce.testkit.Deadlines;
import io.eventcommerce.testkit.TopicProbe;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.eventcommerce.systemtests.Platform.ADDRESS;
import static io.eventcommerce.systemtests.Platform.SUPPORT;
import static io.eventcommerce.systemtests.Platform.orders;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * catalog-service is SIGKILLed from outside (as the kernel's out-of-memory killer would) while the launcher's
 * {@link Supervisor} watches it, the one {@code ./platformctl up} runs: it is started again on its own, its new pid
 * and restart are in the run's state file, {@code platformctl status} reports it ready with one restart, and the
 * orders placed before the crash and while it was down all end: paid, or cancelled with their stock given back,
 * never left waiting and never holding a reservation they do not need.
 */
class SupervisedRestartIT {

    private static final Database ORDERS_DB = Database.of("orders");
    private static final Database CATALOG_DB = Database.of("catalog");
    private static final String CATALOG = PlatformService.CATALOG.serviceName();

    @Test
    void aKilledServiceIsStartedAgainStatusSaysSoAndTheOrdersPlacedMeanwhileEnd() {
        RunningServices services = Platform.services();
        PlatformStack stack = Platform.stack();
        Path root = Path.of("target", "supervised-run").toAbsolutePath();
        RunState state = RunState.read(root.resolve(".platform"));
        state.delete();
        Map<String, Long> pids = new HashMap<>(stack instanceof EmbeddedStack embedded ? embedded.pids() : Map.of());
        pids.put("launcher", ProcessHandle.current().pid());
        state.started(stack, pids, services);

        String productId = Platform.stockedProduct(10);
        String customerId = Platform.createCustomer("supervised-" + UUID.randomUUID() + "@example.com");
        try (Supervisor ignored = Supervisor.start(services, stack, state, Duration.ofMinutes(3))) {
            String before = place(customerId, productId, 1);
            awaitReserved(productId, 1);
            long killed = services.get(PlatformService.CATALOG).pid();
            ProcessHandle.of(killed).orElseThrow().destroyForcibly();
            String whileDown = place(customerId, productId, 2);
            List.of(before, whileDown).forEach(SupervisedRestartIT::approveFraud);

            await().atMost(Deadlines.ASYNC).untilAsserted(() -> {
                RunState now = RunState.read(root.resolve(".platform"));
                assertThat(now.get(CATALOG + ".pid")).isNotEqualTo(String.valueOf(killed));
                assertThat(now.get(CATALOG + ".state")).isEqualTo("running");
                assertThat(now.restarts(CATALOG)).isEqualTo(1);
            });
            long restarted = services.get(PlatformService.CATALOG).pid();
            assertThat(restarted).isNotEqualTo(killed);
            assertThat(ProcessHandle.of(killed)).isEmpty();
            assertThat(platformctlStatus(root)).containsPattern(CATALOG + " +READY +pid " + restarted + " +restarts 1 ");

            await().atMost(Deadlines.ASYNC).untilAsserted(() ->
                    assertThat(List.of(orderStatus(before), orderStatus(whileDown))).allMatch(s -> s.equals("PAID")
                            || s.equals("CANCELLED")));
            assertThat(orderStatus(before)).isEqualTo("PAID");
            int paid = 1 + (orderStatus(whileDown).equals("PAID") ? 2 : 0);
            // Cancelled while catalog-service was away (the saga's reply timeout): its reservation, made once
            // catalog-service read the order, is released again.
            await().atMost(Deadlines.ASYNC).untilAsserted(() -> assertThat(((Number) CATALOG_DB.query(
                    "SELECT SUM(reserved) AS reserved FROM stock_level WHERE product_id = ?", productId).get(0)
                    .get("reserved")).intValue()).isEqualTo(paid));
        } finally {
            state.delete();
        }
        // Supervision over: the restarted process is the platform's catalog-service for the tests that follow.
        assertThat(ServiceProcess.isReady(services.get(PlatformService.CATALOG).uri())).isTrue();
    }

    private static String platformctlStatus(Path root) {
        StringWriter out = new StringWriter();
        CommandLine commandLine = new CommandLine(new Launcher());
        commandLine.setOut(new PrintWriter(out));
        commandLine.execute("status", "--root", root.toString());
        return out.toString();
    }

    private static String place(String customerId, String productId, int quantity) {
        return orders(SUPPORT).body(Map.of("customerId", customerId, "shippingAddress", ADDRESS,
                        "paymentToken", "tok_approve", "lines", List.of(Map.of("productId", productId,
                                "quantity", quantity))))
                .post("/orders").then().statusCode(201).extract().path("id");
    }

    private static void approveFraud(String orderId) {
        EventEnvelope<FraudAssessed> envelope = EventEnvelope.wrap(new FraudAssessed(UUID.fromString(orderId), null,
                new BigDecimal("0.100"), FraudAssessed.APPROVE, List.of(), null, Instant.now()),
                "compliance-service", Instant.now());
        TopicProbe.send(FraudAssessed.TYPE.topic(), orderId, EventCodec.toJson(envelope),
                Map.of("id", envelope.eventId().toString(), "eventType", envelope.type()));
    }

    private static String orderStatus(String orderId) {
        return (String) ORDERS_DB.query("SELECT status FROM customer_order WHERE id = ?", orderId).get(0)
                .get("status");
    }

    private static void awaitReserved(String productId, int reserved) {
        await().atMost(Deadlines.ASYNC).untilAsserted(() -> assertThat(((Number) CATALOG_DB.query(
                "SELECT SUM(reserved) AS reserved FROM stock_level WHERE product_id = ?", productId).get(0)
                .get("reserved")).intValue()).isEqualTo(reserved));
    }
}
