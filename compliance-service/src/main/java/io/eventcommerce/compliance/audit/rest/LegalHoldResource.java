package io.eventcommerce.compliance.audit.rest;

import io.eventcommerce.compliance.audit.service.LegalHolds;
import io.eventcommerce.servicekit.rest.Page;
import io.eventcommerce.servicekit.security.Roles;
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
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.Instant;
import java.util.UUID;

/** Legal holds on the audit trail: what they cover survives the retention purge until they are released. */
@Path("/audit/legal-holds")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Audit trail")
@RolesAllowed({Roles.COMPLIANCE_OFFICER, Roles.ADMIN})
public class LegalHoldResource {

    private final LegalHolds holds;

    public LegalHoldResource(LegalHolds holds) {
        this.holds = holds;
    }

    /**
     * @param subject  a data subject, {@code customer:<id>} or {@code vendor:<id>}
     * @param schema   with {@code table} (and optionally {@code entity}, the row's key as entries name it): an entity
     * @param committedFrom with or without {@code committedTo} (exclusive): a commit-time range of the changes
     */
    public record NewHold(@NotBlank @Size(max = 100) String caseReference, @NotBlank @Size(max = 1000) String reason,
                          @Size(max = 80) @Pattern(regexp = "[a-z]+:[^\\s]+", message = "kind:id, e.g. customer:<uuid>")
                          String subject,
                          @Size(min = 1, max = 64) String schema, @Size(min = 1, max = 64) String table,
                          @Size(min = 1, max = 500) String entity, Instant committedFrom, Instant committedTo) {
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Place a legal hold on the audit entries of a subject, an entity and/or a commit-time range",
            description = "At least one scope part; every part given must match. 201 with the hold and its Location."
                    + " Appended to the audit chain.")
    public Response create(@NotNull @Valid NewHold body, @Context SecurityContext security, @Context UriInfo uri) {
        LegalHolds.Hold hold = holds.create(body.caseReference().trim(), body.reason().trim(),
                new LegalHolds.Scope(body.subject(), body.schema(), body.table(), body.entity(), body.committedFrom(),
                        body.committedTo()), actor(security));
        return Response.created(uri.getAbsolutePathBuilder().path(hold.id().toString()).build()).entity(hold)
                .build();
    }

    @GET
    @Operation(summary = "Legal holds, newest first, paged; active=true or false filters")
    public Page<LegalHolds.Hold> list(
            @QueryParam("active") Boolean active,
            @QueryParam("page") @DefaultValue("0") @Min(0) @Max(Page.MAX_PAGE) int page,
            @QueryParam("size") @DefaultValue(Page.DEFAULT_SIZE) @Min(1) @Max(Page.MAX_SIZE) int size) {
        return holds.list(active, page, size);
    }

    @GET
    @Path("{id}")
    @Operation(summary = "One legal hold")
    public LegalHolds.Hold get(@PathParam("id") UUID id) {
        return holds.get(id);
    }

    @POST
    @Path("{id}/release")
    @Operation(summary = "Release a legal hold: from the next purge on it protects nothing",
            description = "409 when it was released already. Holds are never deleted. Appended to the audit chain.")
    public LegalHolds.Hold release(@PathParam("id") UUID id, @Context SecurityContext security) {
        return holds.release(id, actor(security));
    }

    static String actor(SecurityContext security) {
        return security.getUserPrincipal() == null ? "unknown" : "user:" + security.getUserPrincipal().getName();
    }
}
