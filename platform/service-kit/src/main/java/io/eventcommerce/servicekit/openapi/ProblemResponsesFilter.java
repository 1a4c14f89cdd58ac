package io.eventcommerce.servicekit.openapi;

import io.eventcommerce.servicekit.problem.Problem;
import io.eventcommerce.servicekit.problem.ProblemType;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;
import org.eclipse.microprofile.openapi.models.security.SecurityRequirement;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Completes every operation of a service's OpenAPI document with what the code says but the generator does not:
 * the roles allowed (Quarkus puts them in the security requirement; this states them in the description too) and
 * the problem+json error responses the platform answers with ({@code ProblemMappers}): 400 malformed, 401, 403,
 * 404 for a path naming a resource, 409 for a write that can conflict, 422 for input that fails validation.
 * Registered with {@code mp.openapi.filter} in each service.
 */
public class ProblemResponsesFilter implements OASFilter {

    static final String PROBLEM_SCHEMA = "Problem";

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getComponents() == null) {
            openAPI.setComponents(OASFactory.createComponents());
        }
        openAPI.getComponents().addSchema(PROBLEM_SCHEMA, problemSchema());
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return;
        }
        openAPI.getPaths().getPathItems().forEach((path, item) ->
                item.getOperations().forEach((method, operation) -> complete(path, method, item, operation)));
    }

    private static void complete(String path, PathItem.HttpMethod method, PathItem item, Operation operation) {
        Set<String> roles = roles(operation.getSecurity());
        boolean secured = operation.getSecurity() != null && !operation.getSecurity().isEmpty();
        if (secured) {
            String who = roles.isEmpty() ? "any authenticated caller" : String.join(", ", roles);
            String description = operation.getDescription() == null ? "" : operation.getDescription() + "\n\n";
            if (!description.contains("Roles: ")) {
                operation.setDescription(description + "Roles: " + who + ".");
            }
        }
        boolean write = method == PathItem.HttpMethod.POST || method == PathItem.HttpMethod.PUT
                || method == PathItem.HttpMethod.PATCH || method == PathItem.HttpMethod.DELETE;
        boolean takesInput = operation.getRequestBody() != null || hasParameters(item, operation);
        APIResponses responses = operation.getResponses() == null ? OASFactory.createAPIResponses()
                : operation.getResponses();
        operation.setResponses(responses);
        problem(responses, ProblemType.MALFORMED_REQUEST, "The request could not be read (malformed JSON, a wrong "
                + "type, an unknown field)");
        if (secured) {
            problem(responses, ProblemType.UNAUTHORIZED, "No valid token");
            problem(responses, ProblemType.FORBIDDEN, "The token's roles do not allow this operation");
        }
        if (path.contains("{")) {
            problem(responses, ProblemType.NOT_FOUND, "The resource does not exist, or belongs to someone the "
                    + "caller may not see");
        }
        if (write) {
            problem(responses, ProblemType.CONFLICT, "The resource's state does not allow this (see the "
                    + "operation's description), or a concurrent write won");
        }
        if (takesInput) {
            problem(responses, ProblemType.VALIDATION_FAILED, "The input is invalid; errors[] names each field");
        }
    }

    private static boolean hasParameters(PathItem item, Operation operation) {
        List<Parameter> parameters = new ArrayList<>();
        if (item.getParameters() != null) {
            parameters.addAll(item.getParameters());
        }
        if (operation.getParameters() != null) {
            parameters.addAll(operation.getParameters());
        }
        return !parameters.isEmpty();
    }

    private static Set<String> roles(List<SecurityRequirement> requirements) {
        Set<String> roles = new LinkedHashSet<>();
        if (requirements != null) {
            for (SecurityRequirement requirement : requirements) {
                Map<String, List<String>> schemes = requirement.getSchemes();
                if (schemes != null) {
                    schemes.values().stream().filter(v -> v != null).flatMap(Collection::stream).forEach(roles::add);
                }
            }
        }
        return roles;
    }

    /** Sets the status's response to a problem+json one, keeping a description the operation already gave. */
    private static void problem(APIResponses responses, ProblemType type, String description) {
        String key = Integer.toString(type.status());
        var existing = responses.getAPIResponse(key);
        String text = existing != null && existing.getDescription() != null
                && !isGeneric(existing.getDescription()) ? existing.getDescription() : description;
        Content content = OASFactory.createContent().addMediaType(Problem.MEDIA_TYPE,
                OASFactory.createMediaType().schema(OASFactory.createSchema()
                        .ref("#/components/schemas/" + PROBLEM_SCHEMA)));
        responses.addAPIResponse(key, OASFactory.createAPIResponse().description(text).content(content));
    }

    private static boolean isGeneric(String description) {
        return Set.of("Bad Request", "Not Authorized", "Not Allowed", "Not Found").contains(description);
    }

    private static Schema problemSchema() {
        Schema string = OASFactory.createSchema().addType(Schema.SchemaType.STRING);
        Schema fieldError = OASFactory.createSchema().addType(Schema.SchemaType.OBJECT)
                .addProperty("field", string).addProperty("message", string);
        return OASFactory.createSchema().addType(Schema.SchemaType.OBJECT)
                .description("RFC 9457 problem details; type is one of " + ProblemType.BASE + "<kind>")
                .addProperty("type", OASFactory.createSchema().addType(Schema.SchemaType.STRING).format("uri"))
                .addProperty("title", string)
                .addProperty("status", OASFactory.createSchema().addType(Schema.SchemaType.INTEGER))
                .addProperty("detail", string)
                .addProperty("instance", string)
                .addProperty("errors", OASFactory.createSchema().addType(Schema.SchemaType.ARRAY).items(fieldError));
    }
}
