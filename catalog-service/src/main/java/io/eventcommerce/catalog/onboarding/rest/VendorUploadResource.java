package io.eventcommerce.catalog.onboarding.rest;

import io.eventcommerce.catalog.onboarding.domain.UploadError;
import io.eventcommerce.catalog.onboarding.domain.UploadErrorType;
import io.eventcommerce.catalog.onboarding.domain.VendorUpload;
import io.eventcommerce.catalog.onboarding.service.UploadErrorExport;
import io.eventcommerce.catalog.onboarding.service.UploadService;
import io.eventcommerce.catalog.onboarding.service.UploadWorker;
import io.eventcommerce.catalog.vendor.rest.VendorAccess;
import io.eventcommerce.servicekit.problem.ApiException;
import io.eventcommerce.servicekit.problem.Problem;
import io.eventcommerce.servicekit.problem.ProblemType;
import io.eventcommerce.servicekit.rest.Page;
import io.eventcommerce.servicekit.security.Caller;
import io.eventcommerce.servicekit.security.Roles;
import io.eventcommerce.servicekit.time.Timestamps;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;
import java.util.regex.Matcher;

/**
 * A vendor's CSV uploads: send a file, read the history and the refused rows. A vendor acts only for itself;
 * another vendor's id answers 404, exactly as an unknown one. See docs/vendor-onboarding.md.
 */
@Path("/vendors/{vendorId}/uploads")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Vendor onboarding")
public class VendorUploadResource {

    public static final String CSV = "text/csv";
    private static final java.util.regex.Pattern DISPOSITION_FILENAME = java.util.regex.Pattern.compile(
            "filename\\s*=\\s*(\"([^\"]*)\"|([^;\\s]+))", java.util.regex.Pattern.CASE_INSENSITIVE);
    private static final int MAX_FILE_NAME = 255;

    private final UploadService uploads;
    private final UploadErrorExport errorExport;
    private final UploadWorker worker;
    private final VendorAccess access;
    private final Caller caller;

    public VendorUploadResource(UploadService uploads, UploadErrorExport errorExport, UploadWorker worker,
                                VendorAccess access, Caller caller) {
        this.uploads = uploads;
        this.errorExport = errorExport;
        this.worker = worker;
        this.access = access;
        this.caller = caller;
    }

    /**
     * An upload and its progress: totalRows is the file's row count, rowsDone = validRows + errorRows the rows
     * processed so far; rowsPerSecond since processing began, estimatedFinishAt at that rate (null when final).
     */
    public record UploadView(UUID id, UUID vendorId, UUID warehouseId, String fileName, String status,
                             String failureReason, int totalRows, int rowsDone, int validRows, int errorRows,
                             int createdCount, int updatedCount, Double rowsPerSecond, Instant estimatedFinishAt,
                             String uploadedBy, Instant startedAt, Instant processingStartedAt, Instant finishedAt,
                             long version) {

        static UploadView of(VendorUpload u) {
            Instant now = Timestamps.now();
            Double rate = u.rowsPerSecond(now);
            return new UploadView(u.id(), u.vendorId(), u.warehouseId(), u.fileName(), u.status().name(),
                    u.failureReason(), u.totalRows(), u.rowsDone(), u.validRows(), u.errorRows(), u.createdCount(),
                    u.updatedCount(), rate == null ? null : Math.round(rate * 10) / 10.0, u.estimatedFinishAt(now),
                    u.uploadedBy(), u.startedAt(), u.processingStartedAt(), u.finishedAt(), u.version());
        }
    }

    /** A refused row: where, why (a stable type code and a message naming every problem), and its text. */
    public record UploadErrorView(int rowNumber, String type, String message, String originalRow) {

        static UploadErrorView of(UploadError e) {
            return new UploadErrorView(e.id().rowNo(), e.type().name(), e.message(), e.originalRow());
        }
    }

    @POST
    @Consumes(MediaType.WILDCARD)
    @RolesAllowed({Roles.VENDOR, Roles.CATALOG_MANAGER, Roles.ADMIN})
    @Operation(summary = "Upload a CSV file of products",
            description = "The body is the file (text/csv, UTF-8), read as a stream: a header row naming the columns "
                    + "sku, vendor_product_id, product_name, category, price, stock_quantity (required) and brand, "
                    + "description, cost, currency (optional), then one product per row. Valid rows create or update "
                    + "the vendor's products (ProductCreated / ProductUpdated on catalog.product) and set their stock "
                    + "in the warehouse through the ledger; refused rows are kept with their row number, type and "
                    + "text. Answers 202 once the file is stored; a worker processes it in the background: poll the "
                    + "upload (Location) until it is COMPLETED, FAILED or CANCELLED. The refused-rows file "
                    + "(errors.csv), corrected, may be sent back as it is: its error_row, error_type and "
                    + "error_message columns are ignored, and a ' that neutralised a formula is removed.")
    @APIResponse(responseCode = "202", description = "The upload, QUEUED, with the file's row count",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = UploadView.class)))
    @APIResponse(responseCode = "404", description = "No such vendor, or not the caller's")
    @APIResponse(responseCode = "409", description = "The vendor is suspended")
    @APIResponse(responseCode = "413", description = "The file is larger than catalog.onboarding.max-file-bytes "
            + "(200 MiB by default); nothing was stored",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = "Problem")))
    @APIResponse(responseCode = "415", description = "The body is not text/csv in UTF-8")
    @APIResponse(responseCode = "422", description = "Empty file, unusable header row, more data rows than "
            + "catalog.onboarding.max-rows (1,000,000 by default), or unknown warehouse; nothing was written")
    public Response upload(@PathParam("vendorId") UUID vendorId,
                           @Parameter(description = "The warehouse whose stock the rows' stock_quantity sets")
                           @QueryParam("warehouseId") @NotNull UUID warehouseId,
                           @Parameter(description = "The file's name, for the history; else taken from "
                                   + "Content-Disposition")
                           @QueryParam("filename") @Size(max = MAX_FILE_NAME) String filename,
                           @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType,
                           @HeaderParam("Content-Disposition") String disposition,
                           @Context HttpHeaders headers,
                           @RequestBody(required = true, content = @Content(mediaType = CSV,
                                   schema = @Schema(type = SchemaType.STRING, format = "binary")))
                           InputStream body,
                           @Context UriInfo uri) {
        access.require(vendorId);
        requireCsv(contentType);
        VendorUpload upload = uploads.upload(vendorId, warehouseId, fileName(filename, disposition), caller.name(),
                headers.getLength(), body);
        worker.nudge();
        return Response.accepted(UploadView.of(upload))
                .location(uri.getAbsolutePathBuilder().path(upload.id().toString()).build()).build();
    }

    @POST
    @Path("{uploadId}/cancel")
    @RolesAllowed({Roles.VENDOR, Roles.CATALOG_MANAGER, Roles.ADMIN})
    @Operation(summary = "Stop an upload", description = "The rows committed so far stay; the rest is not read.")
    @APIResponse(responseCode = "200", description = "The upload, CANCELLED")
    @APIResponse(responseCode = "409", description = "The upload is already COMPLETED, FAILED or CANCELLED")
    public UploadView cancel(@PathParam("vendorId") UUID vendorId, @PathParam("uploadId") UUID uploadId) {
        access.require(vendorId);
        return UploadView.of(uploads.cancel(vendorId, uploadId));
    }

    @GET
    @RolesAllowed({Roles.VENDOR, Roles.CATALOG_MANAGER, Roles.ADMIN, Roles.SUPPORT})
    @Operation(summary = "A vendor's uploads, newest first")
    public Page<UploadView> list(@PathParam("vendorId") UUID vendorId,
                                 @QueryParam("page") @DefaultValue("0") @Min(0) @Max(Page.MAX_PAGE) int page,
                                 @QueryParam("size") @DefaultValue(Page.DEFAULT_SIZE) @Min(1) @Max(Page.MAX_SIZE)
                                 int size) {
        access.require(vendorId);
        return uploads.list(vendorId, page, size).map(UploadView::of);
    }

    @GET
    @Path("{uploadId}")
    @RolesAllowed({Roles.VENDOR, Roles.CATALOG_MANAGER, Roles.ADMIN, Roles.SUPPORT})
    @Operation(summary = "An upload: its status and counts")
    public UploadView get(@PathParam("vendorId") UUID vendorId, @PathParam("uploadId") UUID uploadId) {
        access.require(vendorId);
        return UploadView.of(uploads.get(vendorId, uploadId));
    }

    @GET
    @Path("{uploadId}/errors")
    @RolesAllowed({Roles.VENDOR, Roles.CATALOG_MANAGER, Roles.ADMIN, Roles.SUPPORT})
    @Operation(summary = "The rows an upload refused, by row number",
            description = "Row 1 is the first data row after the header; blank rows are not counted. type filters "
                    + "by error type. The same rows as a CSV file to correct and send again: errors.csv.")
    public Page<UploadErrorView> errors(@PathParam("vendorId") UUID vendorId, @PathParam("uploadId") UUID uploadId,
                                        @QueryParam("type") @Pattern(regexp = "[A-Z_]{1,40}",
                                                message = "an error type such as SKU_TAKEN") String type,
                                        @QueryParam("page") @DefaultValue("0") @Min(0) @Max(Page.MAX_PAGE) int page,
                                        @QueryParam("size") @DefaultValue(Page.DEFAULT_SIZE) @Min(1)
                                        @Max(Page.MAX_SIZE) int size) {
        access.require(vendorId);
        return uploads.errors(vendorId, uploadId, errorType(type), page, size).map(UploadErrorView::of);
    }

    @GET
    @Path("{uploadId}/errors.csv")
    @Produces(CSV)
    @RolesAllowed({Roles.VENDOR, Roles.CATALOG_MANAGER, Roles.ADMIN, Roles.SUPPORT})
    @Operation(summary = "The rows an upload refused, as a CSV file to correct and send again",
            description = "Every refused row (no paging; type filters by error type), by row number, streamed as an "
                    + "attachment named after the upload's file (products.csv: products-errors.csv). The header is "
                    + "the upload's own columns, then error_row, error_type, error_message; each row its original "
                    + "values, then those three. A refused row that is not one record of the header's width "
                    + "(MALFORMED_ROW) is written whole into the first column. Every value is quoted, and one that "
                    + "starts with =, +, -, @, a tab or a carriage return gets a leading ' so that no spreadsheet "
                    + "runs it as a formula; an upload removes exactly that quote again. Card numbers are masked.")
    @APIResponse(responseCode = "200", description = "The refused rows, text/csv in UTF-8",
            content = @Content(mediaType = CSV, schema = @Schema(type = SchemaType.STRING, format = "binary")))
    public Response errorsCsv(@PathParam("vendorId") UUID vendorId, @PathParam("uploadId") UUID uploadId,
                              @QueryParam("type") @Pattern(regexp = "[A-Z_]{1,40}",
                                      message = "an error type such as SKU_TAKEN") String type) {
        access.require(vendorId);
        UploadErrorExport.Export export = errorExport.export(vendorId, uploadId, errorType(type));
        StreamingOutput body = export.body()::writeTo;
        return Response.ok(body, CSV + "; charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=\"" + export.fileName() + "\"").build();
    }

    private static UploadErrorType errorType(String type) {
        if (type == null) {
            return null;
        }
        try {
            return UploadErrorType.valueOf(type);
        } catch (IllegalArgumentException e) {
            throw ApiException.invalidField("type", "unknown error type '" + type + "'");
        }
    }

    /** text/csv, in UTF-8 (or its subset US-ASCII) if a charset is named. */
    private static void requireCsv(String contentType) {
        MediaType type;
        try {
            type = contentType == null ? null : MediaType.valueOf(contentType);
        } catch (IllegalArgumentException e) {
            type = null;
        }
        String charset = type == null ? null : type.getParameters().get(MediaType.CHARSET_PARAMETER);
        boolean csv = type != null && type.isCompatible(MediaType.valueOf(CSV)) && !type.isWildcardType()
                && !type.isWildcardSubtype();
        if (!csv || charset != null && !charset.equalsIgnoreCase(StandardCharsets.UTF_8.name())
                && !charset.equalsIgnoreCase(StandardCharsets.US_ASCII.name())) {
            throw new ApiException(ProblemType.UNSUPPORTED_MEDIA_TYPE, "Send the file as text/csv in UTF-8");
        }
    }

    /** The name the vendor gave the file, without any path and control characters; null if none. */
    static String fileName(String fromQuery, String disposition) {
        String name = fromQuery;
        if ((name == null || name.isBlank()) && disposition != null) {
            Matcher m = DISPOSITION_FILENAME.matcher(disposition);
            name = m.find() ? (m.group(2) != null ? m.group(2) : m.group(3)) : null;
        }
        if (name == null) {
            return null;
        }
        name = name.replaceAll("\\p{Cntrl}", "");
        name = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1).trim();
        if (name.isEmpty()) {
            return null;
        }
        return name.length() > MAX_FILE_NAME ? name.substring(0, MAX_FILE_NAME) : name;
    }
}
