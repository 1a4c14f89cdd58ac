package io.eventcommerce.compliance.fraud.rest;

import io.eventcommerce.compliance.fraud.service.CustomerSignal;
import io.eventcommerce.compliance.fraud.service.FraudLabels;
import io.eventcommerce.compliance.fraud.service.HighRiskCategories;
import io.eventcommerce.servicekit.security.Caller;
import io.eventcommerce.servicekit.security.Roles;
import io.eventcommerce.servicekit.time.Timestamps;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.event.Event;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** What fraud scoring is told rather than learns: high-risk categories, and outcomes known outside the platform. */
@Path("/fraud")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Fraud model")
public class FraudSettingsResource {

    /** Labels per request at most. */
    public static final int MAX_LABELS = 5_000;
    /** CustomerSignal.cause of an imported label (no event carries it). */
    public static final String LABEL_IMPORT = "LabelImport";

    private final HighRiskCategories categories;
    private final FraudLabels labels;
    private final Caller caller;
    private final Event<CustomerSignal> signals;

    public FraudSettingsResource(HighRiskCategories categories, FraudLabels labels, Caller caller,
                                 Event<CustomerSignal> signals) {
        this.categories = categories;
        this.labels = labels;
        this.caller = caller;
        this.signals = signals;
    }


    public record CategoryNote(@Size(max = 500) String note) {
    }

    public record Label(@NotNull UUID orderId, @NotNull Boolean fraud, @Size(max = 500) String detail) {
    }

    public record LabelBatch(@NotEmpty @Size(max = MAX_LABELS) List<@NotNull @Valid Label> labels) {
    }

    public record LabelsRecorded(int recorded) {
    }

    @GET
    @Path("high-risk-categories")
    @RolesAllowed({Roles.COMPLIANCE_OFFICER, Roles.ADMIN})
    @Operation(summary = "The categories marked high-risk")
    public List<HighRiskCategories.HighRiskCategory> highRiskCategories() {
        return categories.list();
    }

    @PUT
    @Path("high-risk-categories/{categoryId}")
    @RolesAllowed({Roles.COMPLIANCE_OFFICER, Roles.ADMIN})
    @Operation(summary = "Mark a category high-risk",
            description = "Orders placed from now on count the share of their amount in it (feature "
                    + "HIGH_RISK_CATEGORY_SHARE). Marking it again replaces the note.")
    public HighRiskCategories.HighRiskCategory mark(@PathParam("categoryId") UUID categoryId,
                                                    @Valid CategoryNote note) {
        return categories.mark(categoryId, note == null ? null : note.note(), caller.name());
    }

    @DELETE
    @Path("high-risk-categories/{categoryId}")
    @RolesAllowed({Roles.COMPLIANCE_OFFICER, Roles.ADMIN})
    @Operation(summary = "Unmark a high-risk category")
    public void unmark(@PathParam("categoryId") UUID categoryId) {
        categories.unmark(categoryId);
    }

    @POST
    @Path("labels")
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Import known outcomes of orders (fraud or legitimate) for training",
            description = "For outcomes known outside the platform: a previous system's labels, or the data "
                    + "generator's ground truth (fraud-labels.csv). An imported label never overrides a chargeback's "
                    + "or an officer's. All or nothing.")
    public LabelsRecorded importLabels(@NotNull @Valid LabelBatch batch) {
        Instant now = Timestamps.now();
        QuarkusTransaction.requiringNew().run(() -> {
            batch.labels().forEach(l -> labels.label(l.orderId(), l.fraud(), FraudLabels.Source.IMPORT, l.detail(),
                    now));
            // The labelled customers' risk scores count fraud labels: refreshed in the same transaction.
            labels.customersOf(batch.labels().stream().map(Label::orderId).distinct().toList())
                    .forEach(customer -> signals.fire(new CustomerSignal(customer, LABEL_IMPORT, null)));
        });
        return new LabelsRecorded(batch.labels().size());
    }
}
