package io.eventcommerce.systemtests;

import io.eventcommerce.devstack.DevTokens;
import io.eventcommerce.devstack.PlatformService;
import io.eventcommerce.devstack.PlatformStack;
import io.eventcommerce.devstack.Ports;
import io.eventcommerce.devstack.ServiceProcess;
import io.eventcommerce.testkit.TestStack;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The packaged orders-service in the production profile refuses to start with the payment simulator unless
 * {@code orders.payment.gateway=simulator} is set: a deployment that forgot its gateway must not take test tokens as
 * money.
 */
class PaymentSimulatorGuardIT {

    @Test
    void ordersServiceWithoutAChosenGatewayExitsNamingTheSetting() throws Exception {
        PlatformStack stack = TestStack.get();
        Path root = Path.of(System.getProperty("platform.root", "../..")).toAbsolutePath().normalize();
        Path work = Path.of("target", "simulator-guard").toAbsolutePath();
        Path publicKey = work.resolve("public-key.pem");
        Files.createDirectories(work);
        Files.writeString(publicKey, DevTokens.publicKeyPem());

        Map<String, String> config = new LinkedHashMap<>(PlatformService.ORDERS.stackConfig(stack));
        // Everything localConfig() sets but the gateway.
        config.putAll(PlatformService.ORDERS.localConfig());
        config.remove("orders.payment.gateway");
        config.put("mp.jwt.verify.publickey.location", publicKey.toString());
        // An address where no broker listens: this instance must not join the platform's consumer groups.
        config.put("kafka.bootstrap.servers", "127.0.0.1:" + Ports.free());
        ServiceProcess orders = ServiceProcess.start(PlatformService.ORDERS, root, Ports.free(), config,
                work.resolve("orders-service.log"));
        try {
            await().atMost(Duration.ofMinutes(3)).until(() -> ProcessHandle.of(orders.pid())
                    .map(p -> !p.isAlive()).orElse(true));
            assertThat(Files.readString(orders.logFile()))
                    .contains("Refusing to start")
                    .contains("orders.payment.gateway=simulator");
        } finally {
            orders.stop();
        }
    }
}
