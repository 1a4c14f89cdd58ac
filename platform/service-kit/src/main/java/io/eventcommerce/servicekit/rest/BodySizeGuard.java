package io.eventcommerce.servicekit.rest;

import io.eventcommerce.servicekit.problem.Problem;
import io.eventcommerce.servicekit.problem.ProblemType;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import java.util.Optional;

/**
 * Keeps bodies that are read whole into memory (JSON and everything else but a streamed CSV file) at
 * {@code platform.http.max-buffered-body-bytes} (default 10 MiB, the Quarkus default for any body), even where a
 * service raises {@code quarkus.http.limits.max-body-size} for streamed uploads: a larger declared
 * {@code Content-Length} is refused with 413 problem+json before anything is read. A chunked body declares no length
 * and is still capped by {@code quarkus.http.limits.max-body-size} only.
 */
public class BodySizeGuard {

    private final long maxBufferedBody;

    public BodySizeGuard(@ConfigProperty(name = "platform.http.max-buffered-body-bytes", defaultValue = "10485760")
                         long maxBufferedBody) {
        this.maxBufferedBody = maxBufferedBody;
    }

    @ServerRequestFilter(preMatching = true)
    public Optional<Response> refuseLargeBufferedBodies(HttpHeaders headers) {
        String length = headers.getHeaderString(HttpHeaders.CONTENT_LENGTH);
        if (length == null || streamed(headers.getMediaType())) {
            return Optional.empty();
        }
        long bytes;
        try {
            bytes = Long.parseLong(length.trim());
        } catch (NumberFormatException e) {
            return Optional.empty(); // the HTTP layer refuses a malformed length itself
        }
        if (bytes <= maxBufferedBody) {
            return Optional.empty();
        }
        ProblemType type = ProblemType.PAYLOAD_TOO_LARGE;
        Problem problem = new Problem(type.uri(), type.title(), type.status(), "The body is " + bytes
                + " bytes; this request accepts at most " + maxBufferedBody, null, null);
        return Optional.of(Response.status(type.status()).type(Problem.MEDIA_TYPE).entity(problem).build());
    }

    private static boolean streamed(MediaType type) {
        return type != null && "text".equals(type.getType()) && "csv".equals(type.getSubtype());
    }
}
