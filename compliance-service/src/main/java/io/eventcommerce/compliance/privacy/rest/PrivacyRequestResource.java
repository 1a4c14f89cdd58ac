package io.eventcommerce.compliance.privacy.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.eventcommerce.compliance.privacy.domain.DataSubjectRequest;
import io.eventcommerce.compliance.privacy.domain.ServiceProgress;
import io.eventcommerce.compliance.privacy.service.PrivacyRequests;
import io.eventcommerce.servicekit.rest.Page;
import io.eventcommerce.servicekit.security.Caller;
import io.eventcommerce.servicekit.security.Roles;
import io.eventcommerce.servicekit.time.Timestamps;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

@Path("/privacy/requests")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Data-subject requests")
@RolesAllowed({Roles.COMPLIANCE_OFFICER, Roles.ADMIN})
public class PrivacyRequestResource {

    private final PrivacyRequests requests;
    private final Caller caller;
    private final ObjectMapper json;

    public PrivacyRequestResource(PrivacyRequests requests, Caller caller, ObjectMapper json) {
        this.requests = requests;
        this.caller = caller;
        this.json = json;
    }

    public record NewRequest(@NotNull UUID customerId,
                             @NotNull @Pattern(regexp = "ACCESS|ERASURE", message = "ACCESS or ERASURE") String type,
                             @NotBlank @Size(max = 500) String reason) {
    }

    public record RequestSummary(UUID id, UUID customerId, String type, String status, String reason,
                                 String requestedBy, Instant requestedAt, Instant deadline, Instant completedAt,
                                 boolean overdue) {
    }

    /** One service's part: for an erasure its evidence (tables and counts, never values) and self-check. */
    public record ServiceView(String service, String status, Instant answeredAt, boolean exported,
                              JsonNode erasure, Integer columnsScanned, Long plaintextMatches) {
    }

    public record RequestView(RequestSummary request, List<ServiceView> services) {
    }

    @POST
    @Operation(summary = "Open a data-subject request: ACCESS (GDPR Art. 15) or ERASURE (Art. 17)",
            description = "Publishes the request to every service (compliance.privacy-request) and answers 202; the "
                    + "request completes when each service in compliance.privacy.services has answered.")
    public Response open(@NotNull @Valid NewRequest body) {
        PrivacyRequests.Tracked tracked = requests.open(body.customerId(),
                DataSubjectRequest.Type.valueOf(body.type()), body.reason().strip(), caller.name());
        return Response.accepted(view(tracked)).build();
    }

    @GET
    @Operation(summary = "Data-subject requests, newest first, filtered by status, type or customer")
    public Page<RequestSummary> list(
            @QueryParam("status") @Pattern(regexp = "PENDING|COMPLETED|FAILED",
                    message = "PENDING, COMPLETED or FAILED") String status,
            @QueryParam("type") @Pattern(regexp = "ACCESS|ERASURE", message = "ACCESS or ERASURE") String type,
            @QueryParam("customerId") UUID customerId,
            @QueryParam("page") @DefaultValue("0") @Min(0) @Max(Page.MAX_PAGE) int page,
            @QueryParam("size") @DefaultValue(Page.DEFAULT_SIZE) @Min(1) @Max(Page.MAX_SIZE) int size) {
        return requests.list(status == null ? null : DataSubjectRequest.Status.valueOf(status),
                type == null ? null : DataSubjectRequest.Type.valueOf(type), customerId, page, size)
                .map(this::summary);
    }

    @GET
    @Path("{id}")
    @Operation(summary = "One request with every service's status; overdue when past its deadline unanswered")
    public RequestView get(@PathParam("id") UUID id) {
        return view(requests.get(id));
    }

    @GET
    @Path("{id}/export")
    @Operation(summary = "The assembled export of a completed access request: every service's data about the person",
            description = "409 for an erasure request, for one still waiting for a service, and for one whose exports "
                    + "a later erasure of the person cleared.")
    public ObjectNode export(@PathParam("id") UUID id) {
        return requests.export(id);
    }

    private RequestSummary summary(DataSubjectRequest r) {
        return new RequestSummary(r.id(), r.customerId(), r.type().name(), r.status().name(), r.reason(),
                r.requestedBy(), r.requestedAt(), r.deadline(), r.completedAt(), r.overdue(Timestamps.now()));
    }

    private RequestView view(PrivacyRequests.Tracked tracked) {
        return new RequestView(summary(tracked.request()), tracked.services().stream().map(this::service).toList());
    }

    private ServiceView service(ServiceProgress p) {
        return new ServiceView(p.service(), p.status().name(), p.answeredAt(), p.exportData() != null,
                p.evidence() == null ? null : read(p.evidence()), p.columnsScanned(), p.plaintextMatches());
    }

    private JsonNode read(String text) {
        try {
            return json.readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
