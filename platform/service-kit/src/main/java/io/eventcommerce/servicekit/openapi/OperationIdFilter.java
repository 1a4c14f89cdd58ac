package io.eventcommerce.servicekit.openapi;

import io.quarkus.smallrye.openapi.OpenApiFilter;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.Operation;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns the operationIds SmallRye derives from the code ({@code operation-id-strategy=CLASS_METHOD}, e.g.
 * {@code PurchaseOrderResource_cancel}) into the names a client generator makes methods of
 * ({@code purchaseOrderCancel}): unique because a class's JAX-RS methods are, stable as long as the class and
 * method names are, and without the {@code Resource} of the Java class. An operationId given in
 * {@code @Operation} is kept as it is. Every service's OpenApiIT checks that the ids stay unique.
 */
@OpenApiFilter(OpenApiFilter.RunStage.BUILD)
public class OperationIdFilter implements OASFilter {

    private static final Pattern CLASS_METHOD = Pattern.compile("([A-Z][A-Za-z0-9]*?)(?:Resource)?_([a-z][A-Za-z0-9]*)");

    @Override
    public Operation filterOperation(Operation operation) {
        if (operation.getOperationId() != null) {
            operation.setOperationId(readable(operation.getOperationId()));
        }
        return operation;
    }

    static String readable(String operationId) {
        Matcher matcher = CLASS_METHOD.matcher(operationId);
        if (!matcher.matches()) {
            return operationId;
        }
        String resource = matcher.group(1);
        String method = matcher.group(2);
        return Character.toLowerCase(resource.charAt(0)) + resource.substring(1)
                + Character.toUpperCase(method.charAt(0)) + method.substring(1);
    }
}
