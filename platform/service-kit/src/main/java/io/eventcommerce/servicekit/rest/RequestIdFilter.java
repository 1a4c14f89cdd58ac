package io.eventcommerce.servicekit.rest;

import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * Gives every REST request its {@link RequestId} before anything else runs (also before a request is refused), and
 * echoes it in the {@value RequestId#HEADER} response header, error responses included.
 */
public class RequestIdFilter {

    private final RequestId requestId;

    public RequestIdFilter(RequestId requestId) {
        this.requestId = requestId;
    }

    @ServerRequestFilter(preMatching = true, priority = Priorities.AUTHENTICATION - 500)
    public void assign(ContainerRequestContext request) {
        requestId.assign(request.getHeaderString(RequestId.HEADER));
    }

    @ServerResponseFilter
    public void echo(ContainerResponseContext response) {
        requestId.value().ifPresent(id -> response.getHeaders().putSingle(RequestId.HEADER, id));
    }
}
