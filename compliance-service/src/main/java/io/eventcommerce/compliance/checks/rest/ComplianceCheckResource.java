package io.eventcommerce.compliance.checks.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.eventcommerce.compliance.checks.service.ComplianceChecks;
import io.eventcommerce.servicekit.rest.Page;
import io.eventcommerce.servicekit.security.Caller;
import io.eventcommerce.servicekit.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
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
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** The compliance checks (PCI, GDPR): what each holds the data to, their runs with evidence, and their alerts. */
@Path("/compliance")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Compliance checks")
@RolesAllowed({Roles.COMPLIANCE_OFFICER, Roles.ADMIN})
public class ComplianceCheckResource {

    private static final String CHECK_NAME = "[a-z0-9]+(-[a-z0-9]+)*";

    private final ComplianceChecks checks;
    private final Caller caller;
    private final ObjectMapper json;

    public ComplianceCheckResource(ComplianceChecks checks, Caller caller, ObjectMapper json) {
        this.checks = checks;
        this.caller = caller;
        this.json = json;
    }

    public record RunSummary(UUID id, String check, String trigger, String requestedBy, String status, String summary,
                             Instant startedAt, Instant finishedAt) {
    }

    public record RunView(RunSummary run, JsonNode evidence) {
    }

    public record CheckView(String name, String description, RunSummary lastRun) {
    }

    public record AlertView(UUID id, String check, String subject, String detail, String state, UUID firstRunId,
                            UUID lastRunId, Instant raisedAt, Instant lastSeenAt, int timesSeen, Instant resolvedAt,
                            Instant acknowledgedAt, String acknowledgedBy, String acknowledgement) {
    }

    public record Acknowledgement(@NotNull @Size(min = 1, max = 2000) String comment) {
    }

    @GET
    @Path("checks")
    @Operation(summary = "Every compliance check with what it holds the data to and its last run")
    public List<CheckView> list() {
        return checks.all().stream().map(c -> new CheckView(c.name(), c.description(),
                checks.latest(c.name()).map(ComplianceCheckResource::summary).orElse(null))).toList();
    }

    @POST
    @Path("checks/{check}/runs")
    @Operation(summary = "Run a check now",
            description = "Runs the check at once and answers with the run: PASS, FAIL (its findings are alerts) or "
                    + "ERROR (it could not look; the evidence says why). Checks also run on a schedule "
                    + "(compliance.checks.every).")
    public Response run(@PathParam("check") @Pattern(regexp = CHECK_NAME, message = "a check name") String check) {
        ComplianceChecks.CheckRun run = checks.run(check, ComplianceChecks.Trigger.ON_DEMAND, caller.name());
        return Response.created(URI.create("/compliance/check-runs/" + run.id())).entity(view(run)).build();
    }

    @GET
    @Path("check-runs")
    @Operation(summary = "Runs of the checks, newest first", description = "Filter by check and status.")
    public Page<RunSummary> runs(
            @QueryParam("check") @Pattern(regexp = CHECK_NAME, message = "a check name") String check,
            @QueryParam("status") @Pattern(regexp = "PASS|FAIL|ERROR", message = "PASS, FAIL or ERROR") String status,
            @QueryParam("page") @DefaultValue("0") @Min(0) @Max(Page.MAX_PAGE) int page,
            @QueryParam("size") @DefaultValue(Page.DEFAULT_SIZE) @Min(1) @Max(Page.MAX_SIZE) int size) {
        return checks.runs(check, status == null ? null : ComplianceChecks.Status.valueOf(status), page, size)
                .map(ComplianceCheckResource::summary);
    }

    @GET
    @Path("check-runs/{runId}")
    @Operation(summary = "One run with its evidence: what the check looked at and what it found")
    public RunView runById(@PathParam("runId") UUID runId) {
        return view(checks.runById(runId));
    }

    @GET
    @Path("alerts")
    @Operation(summary = "What the checks found, newest first",
            description = "state=OPEN (still found by the check's last run) or RESOLVED; acknowledged=true|false.")
    public Page<AlertView> alerts(
            @QueryParam("check") @Pattern(regexp = CHECK_NAME, message = "a check name") String check,
            @QueryParam("state") @Pattern(regexp = "OPEN|RESOLVED", message = "OPEN or RESOLVED") String state,
            @QueryParam("acknowledged") Boolean acknowledged,
            @QueryParam("page") @DefaultValue("0") @Min(0) @Max(Page.MAX_PAGE) int page,
            @QueryParam("size") @DefaultValue(Page.DEFAULT_SIZE) @Min(1) @Max(Page.MAX_SIZE) int size) {
        return checks.alerts(check, state == null ? null : state.equals("OPEN"), acknowledged, page, size)
                .map(ComplianceCheckResource::view);
    }

    @GET
    @Path("alerts/{alertId}")
    @Operation(summary = "One alert")
    public AlertView alert(@PathParam("alertId") UUID alertId) {
        return view(checks.alert(alertId));
    }

    @POST
    @Path("alerts/{alertId}/acknowledgement")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Acknowledge an alert: seen, and being dealt with",
            description = "The alert stays open until a run of its check no longer finds it. 409 if it was "
                    + "acknowledged already.")
    public AlertView acknowledge(@PathParam("alertId") UUID alertId, @NotNull @Valid Acknowledgement acknowledgement) {
        return view(checks.acknowledge(alertId, caller.name(), acknowledgement.comment()));
    }

    private static RunSummary summary(ComplianceChecks.CheckRun run) {
        return new RunSummary(run.id(), run.check(), run.trigger().name(), run.requestedBy(), run.status().name(),
                run.summary(), run.startedAt(), run.finishedAt());
    }

    private RunView view(ComplianceChecks.CheckRun run) {
        try {
            return new RunView(summary(run), json.readTree(run.evidence()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static AlertView view(ComplianceChecks.Alert a) {
        return new AlertView(a.id(), a.check(), a.subject(), a.detail(), a.open() ? "OPEN" : "RESOLVED",
                a.firstRunId(), a.lastRunId(), a.raisedAt(), a.lastSeenAt(), a.timesSeen(), a.resolvedAt(),
                a.acknowledgedAt(), a.acknowledgedBy(), a.acknowledgement());
    }
}
