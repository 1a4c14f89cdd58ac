package io.eventcommerce.testkit;

import io.eventcommerce.devstack.PlatformService;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.util.Map;

/**
 * Gives a service's {@code @QuarkusTest}s the real stack: database schema and user, Kafka, Debezium capturing its
 * outbox. (The development JWT key is in each service's {@code %test} profile: Quarkus must see a key at build
 * time or it generates its own.) Declare it once per module, e.g.
 *
 * <pre>{@code
 * @WithTestResource(value = PlatformStackResource.class, scope = TestResourceScope.GLOBAL,
 *         initArgs = @ResourceArg(name = PlatformStackResource.SERVICE, value = "orders-service"))
 * public class OrdersTestStack {}
 * }</pre>
 */
public class PlatformStackResource implements QuarkusTestResourceLifecycleManager {

    public static final String SERVICE = "service";

    private PlatformService service;

    @Override
    public void init(Map<String, String> initArgs) {
        String name = initArgs.get(SERVICE);
        if (name == null) {
            throw new IllegalArgumentException("PlatformStackResource needs the init argument '" + SERVICE + "'");
        }
        service = PlatformService.byName(name);
    }

    @Override
    public Map<String, String> start() {
        return service.stackConfig(TestStack.get());
    }

    @Override
    public void stop() {
        // The stack outlives each Quarkus application of the test JVM; TestStack stops it at JVM exit.
    }
}
