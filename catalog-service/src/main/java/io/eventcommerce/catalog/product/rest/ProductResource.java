package io.eventcommerce.catalog.product.rest;

import io.eventcommerce.catalog.CatalogConfig;
import io.eventcommerce.catalog.product.domain.Product;
import io.eventcommerce.catalog.product.domain.ProductDetails;
import io.eventcommerce.catalog.product.domain.ProductStatus;
import io.eventcommerce.catalog.product.service.ProductService;
import io.eventcommerce.servicekit.rest.Page;
import io.eventcommerce.servicekit.security.Caller;
import io.eventcommerce.servicekit.security.Roles;
import io.quarkus.security.Authenticated;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
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
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

@Path("/products")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Products")
public class ProductResource {

    private final ProductService products;
    private final CatalogConfig config;
    private final Caller caller;

    public ProductResource(ProductService products, CatalogConfig config, Caller caller) {
        this.products = products;
        this.config = config;
        this.caller = caller;
    }

    /**
     * A product as clients send it, to create it (POST) or to replace its editable fields (PUT). The SKU is part of
     * the representation but never changes: a PUT with another SKU is refused.
     */
    public record ProductRequest(
            @NotBlank @Size(max = 64) @Pattern(regexp = "[A-Za-z0-9][A-Za-z0-9._-]*",
                    message = "letters, digits, '.', '_' and '-'") String sku,
            @NotBlank @Size(max = 200) String name,
            @Size(max = 10_000) String description,
            @Size(max = 100) String brand,
            @NotNull UUID categoryId,
            @NotNull @DecimalMin(value = "0.00", inclusive = false) @Digits(integer = 10, fraction = 2) BigDecimal price,
            @DecimalMin("0.00") @Digits(integer = 10, fraction = 2) BigDecimal cost,
            @Pattern(regexp = "[A-Z]{3}", message = "an ISO 4217 code such as USD") String currency,
            @Pattern(regexp = "DRAFT|ACTIVE|DISCONTINUED", message = "DRAFT, ACTIVE or DISCONTINUED") String status,
            @Size(max = 50) Map<@NotBlank @Size(max = 64) String, @NotNull @Size(max = 255) String> attributes) {

        ProductDetails details(String defaultCurrency) {
            return new ProductDetails(name.trim(), description, brand, categoryId, price, cost,
                    currency == null ? defaultCurrency : currency,
                    status == null ? ProductStatus.DRAFT : ProductStatus.valueOf(status), attributes);
        }
    }

    /**
     * A product as the API shows it. {@code cost} is for the catalog's own staff and is left out for everyone else.
     */
    public record ProductView(UUID id, String sku, String name, String description, String brand, UUID categoryId,
                              BigDecimal price, BigDecimal cost, String currency, String status,
                              Map<String, String> attributes, long version, Instant createdAt, Instant updatedAt) {
    }

    @POST
    @RolesAllowed({Roles.CATALOG_MANAGER, Roles.ADMIN})
    @Operation(summary = "Create a product", description = "Publishes ProductCreated on catalog.product.")
    public Response create(@NotNull @Valid ProductRequest request, @Context UriInfo uri) {
        Product product = products.create(request.sku(), request.details(config.defaultCurrency()));
        return Response.created(uri.getAbsolutePathBuilder().path(product.id().toString()).build())
                .entity(view(product)).build();
    }

    @PUT
    @Path("{id}")
    @RolesAllowed({Roles.CATALOG_MANAGER, Roles.ADMIN})
    @Operation(summary = "Replace a product's editable fields",
            description = "Publishes ProductUpdated on catalog.product with the changed fields, if any changed.")
    public ProductView update(@PathParam("id") UUID id, @NotNull @Valid ProductRequest request) {
        return view(products.update(id, request.sku(), request.details(config.defaultCurrency())));
    }

    @GET
    @Path("{id}")
    @Authenticated
    public ProductView get(@PathParam("id") UUID id) {
        return view(products.get(id));
    }

    @GET
    @Authenticated
    public Page<ProductView> list(@QueryParam("categoryId") UUID categoryId,
                                  @QueryParam("status") @Pattern(regexp = "DRAFT|ACTIVE|DISCONTINUED",
                                          message = "DRAFT, ACTIVE or DISCONTINUED") String status,
                                  @QueryParam("page") @DefaultValue("0") @Min(0) int page,
                                  @QueryParam("size") @DefaultValue(Page.DEFAULT_SIZE) @Min(1) @Max(Page.MAX_SIZE) int size) {
        return products.list(categoryId, status == null ? null : ProductStatus.valueOf(status), page, size)
                .map(this::view);
    }

    private ProductView view(Product p) {
        boolean staff = caller.hasAnyRole(Roles.CATALOG_MANAGER, Roles.ADMIN);
        return new ProductView(p.id(), p.sku(), p.name(), p.description(), p.brand(), p.categoryId(), p.price(),
                staff ? p.cost() : null, p.currency(), p.status().name(), p.attributes(), p.version(), p.createdAt(),
                p.updatedAt());
    }
}
