package io.eventcommerce.catalog.product.rest;

import io.eventcommerce.catalog.CatalogConfig;
import io.eventcommerce.catalog.product.domain.Product;
import io.eventcommerce.catalog.product.domain.ProductDetails;
import io.eventcommerce.catalog.product.domain.ProductSearch;
import io.eventcommerce.catalog.product.domain.ProductStatus;
import io.eventcommerce.catalog.product.service.ProductService;
import io.eventcommerce.catalog.vendor.rest.VendorAccess;
import io.eventcommerce.servicekit.problem.ApiException;
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
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

@Path("/products")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Products")
public class ProductResource {

    private final ProductService products;
    private final CatalogConfig config;
    private final Caller caller;
    private final VendorAccess vendorAccess;

    public ProductResource(ProductService products, CatalogConfig config, Caller caller, VendorAccess vendorAccess) {
        this.products = products;
        this.config = config;
        this.caller = caller;
        this.vendorAccess = vendorAccess;
    }

    /**
     * A product as clients send it, to create it (POST) or to replace its editable fields (PUT). The SKU is part of
     * the representation but never changes: a PUT with another SKU is refused. So is the vendor: set on POST (null for
     * a platform product), on PUT null or the current one.
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
            @Size(max = 50) Map<@NotBlank @Size(max = 64) String, @NotNull @Size(max = 255) String> attributes,
            UUID vendorId,
            @Size(max = 100) @Pattern(regexp = "\\S(.*\\S)?", message = "no leading or trailing spaces")
            String vendorProductId) {

        /** The fields; a status left out is null (a create makes it DRAFT, an update keeps the current one). */
        ProductDetails details(String defaultCurrency) {
            return new ProductDetails(vendorProductId, name.trim(), description, brand, categoryId, price, cost,
                    currency == null ? defaultCurrency : currency,
                    status == null ? null : ProductStatus.valueOf(status), attributes);
        }
    }

    /**
     * A product as the API shows it. {@code cost} is for the catalog's own staff and the product's vendor, and is left
     * out for everyone else.
     */
    public record ProductView(UUID id, String sku, String name, String description, String brand, UUID categoryId,
                              BigDecimal price, BigDecimal cost, String currency, String status,
                              Map<String, String> attributes, UUID vendorId, String vendorProductId, long version,
                              Instant createdAt, Instant updatedAt) {
    }

    @POST
    @RolesAllowed({Roles.CATALOG_MANAGER, Roles.ADMIN})
    @Operation(summary = "Create a product", description = "Publishes ProductCreated on catalog.product. With "
            + "vendorId, the product is that vendor's (vendors onboard their own through CSV uploads).")
    public Response create(@NotNull @Valid ProductRequest request, @Context UriInfo uri) {
        ProductDetails details = request.details(config.defaultCurrency());
        Product product = products.create(request.sku(), request.vendorId(),
                details.status() == null ? details.withStatus(ProductStatus.DRAFT) : details);
        return Response.created(uri.getAbsolutePathBuilder().path(product.id().toString()).build())
                .entity(view(product)).build();
    }

    @PUT
    @Path("{id}")
    @RolesAllowed({Roles.CATALOG_MANAGER, Roles.ADMIN, Roles.VENDOR})
    @Operation(summary = "Replace a product's editable fields",
            description = "Publishes ProductUpdated on catalog.product with the changed fields, if any changed. "
                    + "Leaving out status keeps it. A vendor changes only its own products (another vendor's product "
                    + "answers 404), never the vendor and never the status (403 if the request would change it), "
                    + "and not at all while the vendor is suspended (409).")
    public ProductView update(@PathParam("id") UUID id, @NotNull @Valid ProductRequest request) {
        visible(id);
        ProductService.Editor editor = vendorAccess.scope().isPresent() ? ProductService.Editor.VENDOR
                : ProductService.Editor.STAFF;
        return view(products.update(id, request.sku(), request.vendorId(), request.details(config.defaultCurrency()),
                editor));
    }

    @GET
    @Path("{id}")
    @Authenticated
    @Operation(summary = "A product", description = "A vendor sees only its own products; any other id answers 404.")
    public ProductView get(@PathParam("id") UUID id) {
        return view(visible(id));
    }

    @GET
    @Authenticated
    @Operation(summary = "Search products, page by page",
            description = "q: words to find in name, brand and description (every word required, each matched as "
                    + "the start of a word), or the start of an SKU. Filters: a category with its subcategories, "
                    + "status, vendor, brand, price range. sort: RELEVANCE (default with q), SKU (default without), "
                    + "NAME, PRICE_ASC, PRICE_DESC, NEWEST. A vendor finds only its own products, whatever vendorId "
                    + "it asks for.")
    public Page<ProductView> list(@QueryParam("q") @Size(max = 200) String q,
                                  @QueryParam("categoryId") UUID categoryId,
                                  @QueryParam("status") @Pattern(regexp = "DRAFT|ACTIVE|DISCONTINUED",
                                          message = "DRAFT, ACTIVE or DISCONTINUED") String status,
                                  @QueryParam("vendorId") UUID vendorId,
                                  @QueryParam("brand") @Size(max = 100) String brand,
                                  @QueryParam("minPrice") @DecimalMin("0.00") BigDecimal minPrice,
                                  @QueryParam("maxPrice") @DecimalMin("0.00") BigDecimal maxPrice,
                                  @QueryParam("sort") @Pattern(regexp = "RELEVANCE|SKU|NAME|PRICE_ASC|PRICE_DESC|NEWEST",
                                          message = "RELEVANCE, SKU, NAME, PRICE_ASC, PRICE_DESC or NEWEST")
                                  String sort,
                                  @QueryParam("page") @DefaultValue("0") @Min(0) @Max(Page.MAX_PAGE) int page,
                                  @QueryParam("size") @DefaultValue(Page.DEFAULT_SIZE) @Min(1) @Max(Page.MAX_SIZE) int size) {
        Optional<UUID> scope = vendorAccess.scope();
        if (scope.isPresent() && vendorId != null && !vendorId.equals(scope.get())) {
            return Page.of(List.of(), page, size, 0);
        }
        if (minPrice != null && maxPrice != null && minPrice.compareTo(maxPrice) > 0) {
            throw ApiException.invalidField("minPrice", "must not exceed maxPrice");
        }
        ProductSearch.Order order = sort != null ? ProductSearch.Order.valueOf(sort)
                : q == null || q.isBlank() ? ProductSearch.Order.SKU : ProductSearch.Order.RELEVANCE;
        return products.search(q == null || q.isBlank() ? null : q, categoryId,
                status == null ? null : ProductStatus.valueOf(status), scope.orElse(vendorId),
                brand == null || brand.isBlank() ? null : brand.trim(), minPrice, maxPrice, order, page, size)
                .map(this::view);
    }

    /** The product, unless the caller is a vendor and the product is not its own: then 404, as if it did not exist. */
    private Product visible(UUID id) {
        Product product = products.get(id);
        if (!vendorAccess.maySee(product.vendorId())) {
            throw ApiException.notFound("Product", id);
        }
        return product;
    }

    private ProductView view(Product p) {
        boolean mayKnowCost = caller.hasAnyRole(Roles.CATALOG_MANAGER, Roles.ADMIN)
                || p.vendorId() != null && vendorAccess.scope().map(p.vendorId()::equals).orElse(false);
        return new ProductView(p.id(), p.sku(), p.name(), p.description(), p.brand(), p.categoryId(), p.price(),
                mayKnowCost ? p.cost() : null, p.currency(), p.status().name(), p.attributes(), p.vendorId(),
                p.vendorProductId(), p.version(), p.createdAt(), p.updatedAt());
    }
}
