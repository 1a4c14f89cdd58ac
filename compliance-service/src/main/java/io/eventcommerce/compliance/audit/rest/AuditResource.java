package io.eventcommerce.compliance.audit.rest;

import io.eventcommerce.compliance.audit.service.AuditCheckpoints;
import io.eventcommerce.compliance.audit.service.AuditEntries;
import io.eventcommerce.compliance.audit.service.AuditRetention;
import io.eventcommerce.compliance.audit.service.AuditVerification;
import io.eventcommerce.servicekit.problem.DomainException;
import io.eventcommerce.servicekit.rest.Page;
import io.eventcommerce.servicekit.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
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

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;

@Path("/audit")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Audit trail")
@RolesAllowed({Roles.COMPLIANCE_OFFICER, Roles.ADMIN})
public class AuditResource {

    private final AuditEntries entries;
    private final AuditVerification verification;
    private final AuditCheckpoints checkpoints;
    private final AuditRetention retention;

    public AuditResource(AuditEntries entries, AuditVerification verification, AuditCheckpoints checkpoints,
                         AuditRetention retention) {
        this.entries = entries;
        this.verification = verification;
        this.checkpoints = checkpoints;
        this.retention = retention;
    }

    /** The checkpoints with the key that signed them: everything an auditor needs to check them offline. */
    public record CheckpointExport(String algorithm, String publicKey, String keyId, String signedTextFormat,
                                   Page<AuditCheckpoints.Checkpoint> checkpoints) {
    }

    @GET
    @Path("entries")
    @Operation(summary = "Audit entries, filtered by schema, table, entity, actor and commit time, paged",
            description = "entity is the row's primary key (columns joined by '/'); from/to bound the source commit"
                    + " time (ISO-8601, to exclusive). sort=NEWEST (default) or SEQUENCE. Personal-data fields are"
                    + " the connector's hash tokens, or null and listed in shreddedFields once the subject's key was"
                    + " destroyed.")
    public Page<AuditEntries.Entry> list(
            @QueryParam("schema") @Size(max = 64) String schema,
            @QueryParam("table") @Size(max = 64) String table,
            @QueryParam("entity") @Size(max = 500) String entity,
            @QueryParam("actor") @Size(max = 200) String actor,
            @QueryParam("from") String from,
            @QueryParam("to") String to,
            @QueryParam("sort") @DefaultValue("NEWEST") @Pattern(regexp = "NEWEST|SEQUENCE",
                    message = "NEWEST or SEQUENCE") String sort,
            @QueryParam("page") @DefaultValue("0") @Min(0) @Max(Page.MAX_PAGE) int page,
            @QueryParam("size") @DefaultValue(Page.DEFAULT_SIZE) @Min(1) @Max(Page.MAX_SIZE) int size) {
        Instant since = time("from", from);
        Instant until = time("to", to);
        if (since != null && until != null && !since.isBefore(until)) {
            throw DomainException.invalid("to", "must be after from");
        }
        return entries.list(new AuditEntries.Filter(schema, table, entity, actor, since, until),
                AuditEntries.Sort.valueOf(sort), page, size);
    }

    @GET
    @Path("entries/{seq}")
    @Operation(summary = "One audit entry by its sequence")
    public AuditEntries.Entry get(@PathParam("seq") @Min(1) long seq) {
        return entries.get(seq);
    }

    @GET
    @Path("verify")
    @Operation(summary = "Verify the chain, whole or a sequence range",
            description = "Streams the range in sequence order and reports ok, or the first problem with its exact"
                    + " sequence and kind: MISSING (a gap, or fewer entries than the head of the chain), CHANGED (an"
                    + " entry's content does not match its hash), OUT_OF_ORDER (an entry sits at another place than"
                    + " it was written at), INSERTED (an entry links to no predecessor, and the next one links past"
                    + " it), BROKEN_LINK, REWRITTEN (the chain disagrees with a signed checkpoint: recomputed).")
    public AuditVerification.Report verify(@QueryParam("from") @Min(1) Long from, @QueryParam("to") @Min(1) Long to) {
        if (from != null && to != null && from > to) {
            throw DomainException.invalid("to", "must not be below from");
        }
        return verification.verify(from, to);
    }

    @GET
    @Path("checkpoints")
    @Operation(summary = "Signed checkpoints, newest first, with the Ed25519 public key (X.509, base64)",
            description = "Each checkpoint's signature is over signedText: ec-audit-checkpoint:<seq>:<hash>:<takenAt"
                    + " ISO-8601 UTC>, UTF-8.")
    public CheckpointExport checkpoints(
            @QueryParam("page") @DefaultValue("0") @Min(0) @Max(Page.MAX_PAGE) int page,
            @QueryParam("size") @DefaultValue(Page.DEFAULT_SIZE) @Min(1) @Max(Page.MAX_SIZE) int size) {
        List<AuditCheckpoints.Checkpoint> items = checkpoints.list(page, size);
        return new CheckpointExport(AuditCheckpoints.ALGORITHM, checkpoints.publicKey(), checkpoints.keyId(),
                "ec-audit-checkpoint:<seq>:<hash>:<takenAt>", Page.of(items, page, size, checkpoints.count()));
    }

    @POST
    @Path("checkpoints")
    @Operation(summary = "Sign a checkpoint of the chain's head now",
            description = "201 with the checkpoint; 409 while the chain is empty.")
    public Response checkpoint() {
        AuditCheckpoints.Checkpoint taken = checkpoints.take(true)
                .orElseThrow(() -> DomainException.conflict("the audit chain is empty: nothing to sign"));
        return Response.status(Response.Status.CREATED).entity(taken).build();
    }

    @POST
    @Path("purge")
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Run the retention purge now (admin)",
            description = "Drops the monthly partitions past compliance.audit.retention, keeping what active legal"
                    + " holds cover; 200 with what was dropped and held, 204 when nothing has expired, 409 while"
                    + " another purge runs or when the expired part is no intact prefix of the chain. Appended to"
                    + " the chain.")
    public Response purge(@jakarta.ws.rs.core.Context jakarta.ws.rs.core.SecurityContext security) {
        return retention.purge(LegalHoldResource.actor(security)).map(p -> Response.ok(p).build())
                .orElseGet(() -> Response.noContent().build());
    }

    @GET
    @Path("purges")
    @Operation(summary = "Retention purges, newest first, paged")
    public Page<AuditRetention.Purge> purges(
            @QueryParam("page") @DefaultValue("0") @Min(0) @Max(Page.MAX_PAGE) int page,
            @QueryParam("size") @DefaultValue(Page.DEFAULT_SIZE) @Min(1) @Max(Page.MAX_SIZE) int size) {
        return retention.list(page, size);
    }

    private static Instant time(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw DomainException.invalid(field, "an ISO-8601 instant, e.g. 2026-01-31T12:00:00Z");
        }
    }
}
