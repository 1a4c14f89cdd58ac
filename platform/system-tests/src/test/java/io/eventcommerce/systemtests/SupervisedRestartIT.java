package io.eventcommerce.systemtests;

import io.eventcommerce.devstack.PlatformService;
import io.eventcommerce.devstack.RunningServices;
import io.eventcommerce.devstack.ServiceProcess;
import io.eventcommerce.devstack.Supervisor;
import io.eventcommerce.events.Topics;
import io.eventcommerce.testkit.Deadlines;
import io.eventcommerce.testkit.TopicProbe;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static io.eventcommerce.systemtests.CatalogToOrdersIT.placeOrder;
import static io.eventcommerce.systemtests.Platform.orderOutcome;
import static io.eventcommerce.systemtests.Platform.reserved;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * catalog-service is SIGKILLed from outside (as the kernel's out-of-memory killer would) while the launcher's
 * {@link Supervisor} watches it, the one {@code ./platformctl up} runs: {@code status} says it is restarting during
 * the back-off, then it is started again on its own, its new pid and restart are in the run's state file and
 * {@code status} reports it ready with one restart. The order placed before the crash is paid; the one placed while
 * it was down times out (the back-off outlasts the saga's reply timeout, see {@link SupervisedRun}) and its stock,
 * reserved once catalog-service is back and reads the order, is given back.
 */
class SupervisedRestartIT {

    private static final String CATALOG = PlatformService.CATALOG.serviceName();

    @Test
    void aKilledServiceIsStartedAgainStatusSaysSoAndTheOrdersPlacedMeanwhileEnd() {
        RunningServices services = Platform.services();
        String productId = Platform.stockedProduct(10);
        String customerId = Platform.createCustomer("supervised-" + UUID.randomUUID() + "@example.com");
        try (SupervisedRun run = SupervisedRun.start("supervised-run")) {
            String before = placeOrder(customerId, productId, 1);
            await().atMost(Deadlines.ASYNC).until(() -> reserved(productId) == 1);
            long killed = services.get(PlatformService.CATALOG).pid();
            ProcessHandle.of(killed).orElseThrow().destroyForcibly();
            String whileDown = placeOrder(customerId, productId, 2);
            run.awaitStatus(CATALOG, "RESTARTING");

            long restarted = run.awaitRestarted(CATALOG, killed, 1);
            assertThat(services.get(PlatformService.CATALOG).pid()).isEqualTo(restarted);
            assertThat(run.status()).containsPattern(CATALOG + " +READY +pid " + restarted + " +restarts 1 ");

            await().atMost(Deadlines.ASYNC).untilAsserted(() -> {
                assertThat(orderOutcome(before)).isEqualTo("PAID");
                assertThat(orderOutcome(whileDown)).isEqualTo("CANCELLED TIMEOUT");
            });
            // Reserved once the restarted catalog-service read the order, released when it read the cancel.
            TopicProbe.awaitKey(Topics.CATALOG_RESERVATION, whileDown, "StockReserved");
            await().atMost(Deadlines.ASYNC).until(() -> reserved(productId) == 1);
        }
        // Supervision over: the restarted process is the platform's catalog-service for the tests that follow.
        assertThat(ServiceProcess.isReady(services.get(PlatformService.CATALOG).uri())).isTrue();
    }
}
