package io.eventcommerce.servicekit.deadletter;

import io.eventcommerce.servicekit.problem.ApiException;
import io.eventcommerce.servicekit.rest.Page;
import io.eventcommerce.servicekit.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;

/**
 * The operator's view of this service's dead-letter topics and the way back from them (docs/operations.md,
 * "Dead letters"). Admins only: a replay applies events.
 */
@Path("/admin/dead-letters")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Dead letters")
public class DeadLetterResource {

    /** A dead-letter topic with its counts and a page of its pending records. */
    public record TopicView(String topic, String channel, long total, long replayed, long pending,
                            Page<DeadLetters.DeadLetter> records) {
    }

    private final DeadLetters deadLetters;

    public DeadLetterResource(DeadLetters deadLetters) {
        this.deadLetters = deadLetters;
    }

    @GET
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "List dead-letter topics", description = "Every dead-letter topic of this service's "
            + "channels: records in total, replayed (before the replay group's committed offset) and pending, with "
            + "one page of the pending records (partition, offset, key, event id, type, reason, time). ")
    public List<TopicView> list(@QueryParam("topic") String topic,
                                @QueryParam("page") @DefaultValue("0") @Min(0) int page,
                                @QueryParam("size") @DefaultValue(Page.DEFAULT_SIZE) @Min(1) @Max(Page.MAX_SIZE)
                                int size) {
        return deadLetters.states().stream()
                .filter(state -> topic == null || state.topic().equals(topic))
                .map(state -> new TopicView(state.topic(), state.channel(), state.total(), state.replayed(),
                        state.pending(), Page.of(deadLetters.pending(state.topic(), (long) page * size, size), page,
                        size, state.pending())))
                .toList();
    }

    @POST
    @Path("/{topic}/replay")
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Replay a dead-letter topic", description = "Hands every pending record (or, with "
            + "partition and offset, that one record) to the channel's own handler, as the channel would: an event "
            + "applied before changes nothing. A record that fails again is appended to the end of the topic with "
            + "the new reason. 503 if the database is unavailable: the replay stops there and nothing is lost. ")
    public DeadLetters.Replay replay(@PathParam("topic") String topic, @QueryParam("partition") @Min(0) Integer partition,
                                     @QueryParam("offset") @Min(0) Long offset) {
        if ((partition == null) != (offset == null)) {
            throw ApiException.invalidField(partition == null ? "partition" : "offset",
                    "give both partition and offset, or neither");
        }
        return partition == null ? deadLetters.replay(topic) : deadLetters.replay(topic, partition, offset);
    }
}
