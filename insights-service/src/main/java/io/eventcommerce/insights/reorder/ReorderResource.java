package io.eventcommerce.insights.reorder;

import io.eventcommerce.servicekit.rest.Page;
import io.eventcommerce.servicekit.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.UUID;

/** The reorder job's suggestions, for purchasing (catalog managers) and analysts. */
@Path("/reorder/suggestions")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Reorder")
@RolesAllowed({Roles.ANALYST, Roles.ADMIN, Roles.CATALOG_MANAGER})
public class ReorderResource {

    private final ReorderSuggestions suggestions;

    public ReorderResource(ReorderSuggestions suggestions) {
        this.suggestions = suggestions;
    }

    @GET
    @Operation(summary = "Reorder suggestions, newest first, paged",
            description = "Each published as ReorderSuggested on insights.reorder (catalog-service drafts a purchase "
                    + "order from it), with its inputs: lead time and its source, forecast run, warehouse share, "
                    + "demand over lead time, safety stock, reorder point, stock and on order. productId and "
                    + "warehouseId filter.")
    public Page<ReorderSuggestions.Suggestion> list(
            @QueryParam("productId") UUID productId,
            @QueryParam("warehouseId") UUID warehouseId,
            @QueryParam("page") @DefaultValue("0") @Min(0) @Max(Page.MAX_PAGE) int page,
            @QueryParam("size") @DefaultValue(Page.DEFAULT_SIZE) @Min(1) @Max(Page.MAX_SIZE) int size) {
        return suggestions.list(productId, warehouseId, page, size);
    }

    @GET
    @Path("{id}")
    @Operation(summary = "One reorder suggestion with its inputs", description = "404 if there is none.")
    public ReorderSuggestions.Suggestion get(@PathParam("id") UUID id) {
        return suggestions.get(id);
    }
}
