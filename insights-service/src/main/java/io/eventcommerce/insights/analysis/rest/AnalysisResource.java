package io.eventcommerce.insights.analysis.rest;

import io.eventcommerce.insights.analysis.service.AnalysisRun;
import io.eventcommerce.insights.analysis.service.AnalysisRuns;
import io.eventcommerce.servicekit.problem.DomainException;
import io.eventcommerce.servicekit.rest.Page;
import io.eventcommerce.servicekit.security.Caller;
import io.eventcommerce.servicekit.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.core.Context;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;
import java.util.UUID;

/** The analyses (forecasts, customer values, trends, ...): which there are, starting one, and its progress. */
@Path("/analysis")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Analyses")
@RolesAllowed({Roles.ANALYST, Roles.ADMIN, Roles.CATALOG_MANAGER})
public class AnalysisResource {

    public record Kind(String kind, String description) {
    }

    private final AnalysisRuns runs;
    private final Caller caller;

    public AnalysisResource(AnalysisRuns runs, Caller caller) {
        this.runs = runs;
        this.caller = caller;
    }

    @GET
    @Path("kinds")
    @Operation(summary = "The analyses there are: kind and what a run computes")
    public List<Kind> kinds() {
        return runs.jobs().values().stream().map(j -> new Kind(j.kind(), j.description())).toList();
    }

    @POST
    @Path("kinds/{kind}/runs")
    @RolesAllowed({Roles.ANALYST, Roles.ADMIN})
    @Operation(summary = "Start a run of an analysis now (analyst, admin)",
            description = "202 with the run (RUNNING) and its Location; it runs in the background, GET it for its "
                    + "progress (itemsDone of itemsTotal) and, once COMPLETED, its summary. 404 for an unknown kind, "
                    + "409 while a run of the kind goes on; force=true (admin) takes over one left RUNNING by a "
                    + "process that stopped.")
    public Response start(@PathParam("kind") @Pattern(regexp = "[a-z][a-z-]{0,39}", message = "an analysis kind")
                          String kind,
                          @QueryParam("force") @DefaultValue("false") boolean force, @Context UriInfo uri) {
        if (force && !caller.hasRole(Roles.ADMIN)) {
            throw new DomainException(DomainException.Kind.NOT_ALLOWED, "only an admin may force a run");
        }
        AnalysisRun run = runs.start(kind, caller.name(), force);
        return Response.accepted(run).location(uri.getBaseUriBuilder().path("analysis/runs/{id}").build(run.id()))
                .build();
    }

    @GET
    @Path("runs")
    @Operation(summary = "Runs of every analysis, or of one kind, newest first, paged")
    public Page<AnalysisRun> list(
            @QueryParam("kind") @Pattern(regexp = "[a-z][a-z-]{0,39}", message = "an analysis kind") String kind,
            @QueryParam("page") @DefaultValue("0") @Min(0) @Max(Page.MAX_PAGE) int page,
            @QueryParam("size") @DefaultValue(Page.DEFAULT_SIZE) @Min(1) @Max(Page.MAX_SIZE) int size) {
        return runs.list(kind, page, size);
    }

    @GET
    @Path("runs/{id}")
    @Operation(summary = "One run: status, progress, summary or error")
    public AnalysisRun run(@PathParam("id") UUID id) {
        return runs.find(id).orElseThrow(() -> DomainException.notFound("analysis run", id));
    }
}
