package io.eventcommerce.copilot;

import io.eventcommerce.testkit.PlatformStackResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;

/** Every @QuarkusTest of this module runs against the real stack (see platform/testkit). */
@WithTestResource(value = PlatformStackResource.class, scope = TestResourceScope.GLOBAL,
        initArgs = @ResourceArg(name = PlatformStackResource.SERVICE, value = "copilot-service"))
public class CopilotTestStack {
}
