package io.eventcommerce.insights.rebuild.rest;

import io.eventcommerce.insights.rebuild.service.ReadModelRebuild;
import io.eventcommerce.insights.rebuild.service.RebuildState;
import io.eventcommerce.servicekit.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Rebuilding the read models from the topics' history, and its progress (admins). */
@Path("/admin/read-models/rebuild")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Read models")
@RolesAllowed(Roles.ADMIN)
public class ReadModelResource {

    private final ReadModelRebuild rebuild;

    public ReadModelResource(ReadModelRebuild rebuild) {
        this.rebuild = rebuild;
    }

    @POST
    @Operation(summary = "Rebuild every read model from the domain topics, from their beginning (admin)",
            description = "202 with the rebuild's status; it runs in the background (GET for its progress). The live "
                    + "consumers wait while it runs and go on from their offsets afterwards. 409 while a rebuild runs;"
                    + " force=true takes over one left RUNNING by a process that died.")
    public Response start(@QueryParam("force") @DefaultValue("false") boolean force) {
        return Response.accepted(rebuild.start(force)).build();
    }

    @GET
    @Operation(summary = "The last rebuild: NEVER, RUNNING, DONE or FAILED, with its counts (admin)",
            description = "eventsSkipped counts what the live path dead-letters (not an event, or data breaking its "
                    + "contract). After FAILED the live consumers stay stopped until a rebuild succeeds.")
    public RebuildState.Status status() {
        return rebuild.status();
    }
}
