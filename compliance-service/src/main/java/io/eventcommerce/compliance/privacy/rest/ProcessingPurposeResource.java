package io.eventcommerce.compliance.privacy.rest;

import io.eventcommerce.compliance.privacy.service.ProcessingPurposes;
import io.eventcommerce.servicekit.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;

/** The register of processing purposes, for the officer answering "why do you hold my data, and who has it?". */
@Path("/privacy/purposes")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Data-subject requests")
@RolesAllowed({Roles.COMPLIANCE_OFFICER, Roles.ADMIN})
public class ProcessingPurposeResource {

    private final ProcessingPurposes purposes;

    public ProcessingPurposeResource(ProcessingPurposes purposes) {
        this.purposes = purposes;
    }

    @GET
    @Operation(summary = "Every processing purpose with its lawful basis and the services processing for it",
            description = "A CONSENT purpose is held to the customers' consents by the check gdpr-consent.")
    public List<ProcessingPurposes.Purpose> list() {
        return List.copyOf(purposes.all().values());
    }
}
