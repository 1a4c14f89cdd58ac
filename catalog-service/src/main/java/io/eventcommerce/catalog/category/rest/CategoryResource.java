package io.eventcommerce.catalog.category.rest;

import io.eventcommerce.catalog.category.domain.Category;
import io.eventcommerce.catalog.category.service.CategoryService;
import io.eventcommerce.servicekit.rest.Page;
import io.eventcommerce.servicekit.security.Roles;
import io.quarkus.security.Authenticated;
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
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.Instant;
import java.util.UUID;

@Path("/categories")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Categories")
public class CategoryResource {

    private final CategoryService categories;

    public CategoryResource(CategoryService categories) {
        this.categories = categories;
    }

    public record CreateCategory(@NotBlank @Size(max = 120) String name,
                                 @Size(max = 140) @Pattern(regexp = "[a-z0-9]+(-[a-z0-9]+)*",
                                         message = "lower-case letters, digits and single hyphens") String slug,
                                 UUID parentId) {
    }

    public record ChangeCategory(@NotBlank @Size(max = 120) String name, UUID parentId) {
    }

    public record CategoryView(UUID id, String name, String slug, UUID parentId, long version, Instant createdAt,
                               Instant updatedAt) {

        static CategoryView of(Category c) {
            return new CategoryView(c.id(), c.name(), c.slug(), c.parentId(), c.version(), c.createdAt(), c.updatedAt());
        }
    }

    @POST
    @RolesAllowed({Roles.CATALOG_MANAGER, Roles.ADMIN})
    public Response create(@NotNull @Valid CreateCategory request, @jakarta.ws.rs.core.Context UriInfo uri) {
        Category category = categories.create(request.name(), request.slug(), request.parentId());
        return Response.created(uri.getAbsolutePathBuilder().path(category.id().toString()).build())
                .entity(CategoryView.of(category)).build();
    }

    @GET
    @Authenticated
    public Page<CategoryView> list(@QueryParam("parentId") UUID parentId,
                                   @QueryParam("page") @DefaultValue("0") @Min(0) @Max(Page.MAX_PAGE) int page,
                                   @QueryParam("size") @DefaultValue(Page.DEFAULT_SIZE) @Min(1) @Max(Page.MAX_SIZE) int size) {
        return categories.list(parentId, page, size).map(CategoryView::of);
    }

    @GET
    @Path("{id}")
    @Authenticated
    public CategoryView get(@PathParam("id") UUID id) {
        return CategoryView.of(categories.get(id));
    }

    /** Rename and/or move under another parent (null: make it a root). */
    @PUT
    @Path("{id}")
    @RolesAllowed({Roles.CATALOG_MANAGER, Roles.ADMIN})
    public CategoryView change(@PathParam("id") UUID id, @NotNull @Valid ChangeCategory request) {
        return CategoryView.of(categories.change(id, request.name(), request.parentId()));
    }
}
