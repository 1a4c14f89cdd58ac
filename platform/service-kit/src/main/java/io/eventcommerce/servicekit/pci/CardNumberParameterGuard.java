package io.eventcommerce.servicekit.pci;

import io.eventcommerce.servicekit.problem.Problem;
import io.eventcommerce.servicekit.problem.ProblemType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * PCI DSS, the URL half of {@link CardNumberGuard}: a query or path parameter that contains a card number is
 * refused (422) before the resource method runs, so nothing is changed, and the answer names the parameter but
 * never repeats its value. No parameter of any endpoint takes a card number; tokenization takes it in the body.
 * URLs end up in access logs, proxies and browser history, which is why a card number may never be in one.
 */
public class CardNumberParameterGuard {

    private static final Logger LOG = Logger.getLogger(CardNumberParameterGuard.class);

    @ServerRequestFilter
    public Optional<Response> refuseCardNumbers(UriInfo uri) {
        List<Problem.FieldError> errors = new ArrayList<>();
        collect(uri.getPathParameters(true), errors);
        collect(uri.getQueryParameters(true), errors);
        if (errors.isEmpty()) {
            return Optional.empty();
        }
        String path = CardNumbers.mask(uri.getPath());
        LOG.warnf("Refused a card number in parameter(s) %s on %s",
                errors.stream().map(Problem.FieldError::field).toList(), path);
        ProblemType type = ProblemType.VALIDATION_FAILED;
        Problem problem = new Problem(type.uri(), type.title(), type.status(), "The request carries a payment card "
                + "number in a parameter; card numbers are accepted only for tokenization", path, errors);
        return Optional.of(Response.status(type.status()).type(Problem.MEDIA_TYPE).entity(problem).build());
    }

    private static void collect(MultivaluedMap<String, String> parameters, List<Problem.FieldError> errors) {
        for (Map.Entry<String, List<String>> parameter : parameters.entrySet()) {
            boolean card = parameter.getValue().stream()
                    .anyMatch(value -> value != null && value.length() >= 13 && CardNumbers.containsCardNumber(value));
            if (card) {
                errors.add(new Problem.FieldError(CardNumbers.mask(parameter.getKey()),
                        "must not contain a card number"));
            }
        }
    }
}
