package io.eventcommerce.systemtests;

import io.eventcommerce.devstack.EmbeddedStack;
import io.eventcommerce.devstack.PlatformService;
import io.eventcommerce.devstack.PlatformStack;
import io.eventcommerce.devstack.RunningServices;
import io.eventcommerce.devstack.ServiceProcess;
import io.eventcommerce.devstack.Supervisor;
import io.eventcommerce.events.Topics;
import io.eventcommerce.testkit.Deadlines;
import io.eventcommerce.testkit.TopicProbe;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static io.eventcommerce.systemtests.CatalogToOrdersIT.placeOrder;
import static io.eventcommerce.systemtests.Platform.orderOutcome;
import static io.eventcommerce.systemtests.Platform.reserved;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Kafka Connect, then the Kafka broker of the embedded stack are SIGKILLed from outside while the launcher's
 * {@link Supervisor} watches them, the one {@code ./platformctl up} runs. Each is started again on its own, on its
 * ports and data (the broker keeps its cluster id and its topics); its new pid and restart are in the run's state
 * file, and {@code status} says it is restarting during the back-off and running with one restart afterwards. The
 * order placed while it was away times out (the back-off outlasts the saga's reply timeout, see
 * {@link SupervisedRun}) and gives back the stock catalog-service reserved once the order reached it; an order placed
 * once it is back is paid: Debezium and the services' Kafka clients found their way back by themselves.
 */
class SupervisedStackRestartIT {

    @Test
    void killedConnectAndKafkaAreStartedAgainStatusSaysSoAndOrdersGoThroughAgain() {
        PlatformStack stack = Platform.stack();
        // The supervisor restarts only the processes of the embedded stack; containers have a runtime of their own.
        assumeTrue(stack instanceof EmbeddedStack, "restarting the stack's processes needs the embedded stack");
        EmbeddedStack embedded = (EmbeddedStack) stack;
        RunningServices services = Platform.services();
        String productId = Platform.stockedProduct(20);
        String customerId = Platform.createCustomer("supervised-stack-" + UUID.randomUUID() + "@example.com");
        List<String> paid = new ArrayList<>();
        try (SupervisedRun run = SupervisedRun.start("supervised-stack-run")) {
            long connect = run.pid("connect");
            ProcessHandle.of(connect).orElseThrow().destroyForcibly();
            String whileConnectDown = placeOrder(customerId, productId, 1);
            run.awaitStatus("connect", "RESTARTING");
            long connectAgain = run.awaitRestarted("connect", connect, 1);
            assertThat(embedded.pids()).containsEntry("connect", connectAgain);
            assertThat(run.status()).containsPattern("connect +RUNNING +pid " + connectAgain + " +restarts 1 ");
            awaitTimedOutAndReleased(whileConnectDown, productId, paid.size());
            paid.add(awaitAnOrderPaid(customerId, productId));

            String clusterId = clusterId(stack);
            long kafka = run.pid("kafka");
            ProcessHandle.of(kafka).orElseThrow().destroyForcibly();
            String whileKafkaDown = placeOrder(customerId, productId, 1);
            run.awaitStatus("kafka", "RESTARTING");
            long kafkaAgain = run.awaitRestarted("kafka", kafka, 1);
            assertThat(embedded.pids()).containsEntry("kafka", kafkaAgain);
            // Started on its storage, not a formatted one: same cluster, and what was written before is still there.
            assertThat(clusterId(stack)).isEqualTo(clusterId);
            assertThat(TopicProbe.readAll(Topics.ORDERS_ORDER)).anyMatch(r -> whileConnectDown.equals(r.key()));
            assertThat(run.status()).containsPattern("kafka +RUNNING +pid " + kafkaAgain + " +restarts 1 ")
                    .as("Connect rode the broker's outage out without a restart")
                    .containsPattern("connect +RUNNING +pid " + connectAgain + " +restarts 1 ");
            awaitTimedOutAndReleased(whileKafkaDown, productId, paid.size());
            paid.add(awaitAnOrderPaid(customerId, productId));
            await().atMost(Deadlines.ASYNC).until(() -> reserved(productId) == paid.size());
            await().atMost(Deadlines.ASYNC).until(() -> PlatformStack.connectorNames().stream()
                    .allMatch(name -> stack.connect().state(name).running()));
        }
        // Supervision over: the restarted processes are the stack of the tests that follow.
        for (PlatformService service : PlatformService.values()) {
            await().atMost(Deadlines.ASYNC).until(() -> ServiceProcess.isReady(services.get(service).uri()));
        }
    }

    /**
     * The order placed during the outage is cancelled by the saga's timeout; once it reaches catalog-service its
     * stock is reserved and released again, leaving only the paid orders' units reserved.
     */
    private static void awaitTimedOutAndReleased(String orderId, String productId, int paidUnits) {
        await().atMost(Deadlines.ASYNC).until(() -> orderOutcome(orderId).equals("CANCELLED TIMEOUT"));
        TopicProbe.awaitKey(Topics.CATALOG_RESERVATION, orderId, "StockReserved");
        await().atMost(Deadlines.ASYNC).until(() -> reserved(productId) == paidUnits);
    }

    /**
     * Places an order, and another whenever the last one was cancelled, until one is paid: right after a restart the
     * consumers may still be finding the broker again, so the first order may run into the saga's timeout; what
     * counts is that orders go through again without anyone's help.
     */
    private static String awaitAnOrderPaid(String customerId, String productId) {
        List<String> placed = new ArrayList<>();
        await().atMost(Deadlines.ASYNC).until(() -> {
            String outcome = placed.isEmpty() ? "CANCELLED" : orderOutcome(placed.get(placed.size() - 1));
            if (outcome.startsWith("CANCELLED")) {
                String orderId = placeOrder(customerId, productId, 1);
                placed.add(orderId);
            }
            return outcome.equals("PAID");
        });
        System.out.printf("Supervised stack restart: %d order(s) placed until one was paid%n", placed.size());
        return placed.get(placed.size() - 1);
    }

    private static String clusterId(PlatformStack stack) {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                stack.kafkaBootstrapServers()))) {
            return admin.describeCluster().clusterId().get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("Cannot read the Kafka cluster id", e);
        }
    }
}
