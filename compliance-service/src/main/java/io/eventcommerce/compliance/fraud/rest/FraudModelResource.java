package io.eventcommerce.compliance.fraud.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.eventcommerce.compliance.fraud.domain.FraudModelVersion;
import io.eventcommerce.compliance.fraud.service.FraudModels;
import io.eventcommerce.compliance.fraud.service.FraudScoring;
import io.eventcommerce.servicekit.security.Caller;
import io.eventcommerce.servicekit.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.core.Context;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.List;

@Path("/fraud/models")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Fraud model")
public class FraudModelResource {

    private final FraudModels models;
    private final FraudScoring scoring;
    private final Caller caller;
    private final ObjectMapper json;

    public FraudModelResource(FraudModels models, FraudScoring scoring, Caller caller, ObjectMapper json) {
        this.models = models;
        this.scoring = scoring;
        this.caller = caller;
        this.json = json;
    }

    /**
     * @param evaluation the hold-out figures (model, model with hard rules, rules-only baseline)
     * @param model      the scorecard: intercept and, per feature, transform, standardisation and weight
     */
    public record ModelView(int version, String label, String status, int examples, int fraudExamples,
                            Instant trainedFrom, Instant trainedTo, String createdBy, Instant createdAt,
                            Instant activatedAt, JsonNode evaluation, JsonNode model) {
    }

    public record Models(String deciding, double reviewThreshold, double rejectThreshold, List<ModelView> versions) {
    }

    @GET
    @RolesAllowed({Roles.COMPLIANCE_OFFICER, Roles.ADMIN})
    @Operation(summary = "The fraud model's versions, newest first, and which one decides",
            description = "deciding is the active version's label, or rules-v1 (the rules-only baseline) while none "
                    + "is active.")
    public Models list() {
        return new Models(models.activeVersion().orElse(FraudScoring.BASELINE_VERSION),
                scoring.policy().reviewAt(), scoring.policy().rejectAt(),
                models.list().stream().map(this::view).toList());
    }

    @GET
    @Path("{version}")
    @RolesAllowed({Roles.COMPLIANCE_OFFICER, Roles.ADMIN})
    @Operation(summary = "One version of the fraud model with its weights and evaluation")
    public ModelView get(@PathParam("version") int version) {
        return view(models.get(version));
    }

    @POST
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Retrain: fit a new version on the labelled outcomes and store its evaluation",
            description = "Trains on the earlier part of the labelled orders by placement time and evaluates on the "
                    + "later part against the rules-only baseline. The new version is a CANDIDATE: it decides nothing "
                    + "until activated. 409 when there are too few labelled outcomes.")
    public Response retrain(@Context UriInfo uri) {
        FraudModelVersion created = models.retrain(caller.name());
        return Response.created(uri.getAbsolutePathBuilder().path(String.valueOf(created.version())).build())
                .entity(view(created)).build();
    }

    @POST
    @Path("{version}/activation")
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Activate a version: it decides every order from now on",
            description = "The previously active version retires. 409 if the version is active already.")
    public ModelView activate(@PathParam("version") int version) {
        return view(models.activate(version));
    }

    @POST
    @Path("{version}/shadow")
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Shadow a version: it scores every order beside the active one and decides nothing",
            description = "Its score and decision are stored with each assessment (GET /fraud/assessments/{orderId}), "
                    + "to compare before activating. The previous shadow retires. 409 for the active version.")
    public ModelView shadow(@PathParam("version") int version) {
        return view(models.shadow(version));
    }

    private ModelView view(FraudModelVersion v) {
        try {
            return new ModelView(v.version(), v.label(), v.status().name(), v.examples(), v.positives(),
                    v.trainedFrom(), v.trainedTo(), v.createdBy(), v.createdAt(), v.activatedAt(),
                    json.readTree(v.evaluation()), json.readTree(v.model()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
