package io.eventcommerce.catalog.onboarding.service;

import io.agroal.api.AgroalDataSource;
import io.eventcommerce.catalog.onboarding.csv.CsvRowReader;
import io.eventcommerce.catalog.onboarding.csv.ErrorCsvWriter;
import io.eventcommerce.catalog.onboarding.domain.UploadErrorType;
import io.eventcommerce.catalog.onboarding.domain.VendorUpload;
import jakarta.enterprise.context.ApplicationScoped;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * An upload's refused rows as a CSV file to correct and send back ({@link ErrorCsvWriter}), streamed: the rows are
 * read a page at a time in row-number order (keyset on the primary key, so each page is an index range whatever
 * the upload's size) and written as they come, so 100,000 refused rows never sit in memory together.
 */
@ApplicationScoped
public class UploadErrorExport {

    /** Refused rows read per query. */
    static final int PAGE = 500;

    private final UploadService uploads;
    private final UploadFileStore files;
    private final AgroalDataSource dataSource;

    public UploadErrorExport(UploadService uploads, UploadFileStore files, AgroalDataSource dataSource) {
        this.uploads = uploads;
        this.files = files;
        this.dataSource = dataSource;
    }

    /** What to send: the file's name and a writer of its content. */
    public record Export(String fileName, Body body) {
    }

    @FunctionalInterface
    public interface Body {
        void writeTo(OutputStream out) throws IOException;
    }

    /**
     * Checks the upload is the vendor's (404 otherwise) and reads its header row; the rows are read while the
     * answer is written.
     *
     * @param type null for every refused row
     */
    public Export export(UUID vendorId, UUID uploadId, UploadErrorType type) {
        VendorUpload upload = uploads.get(vendorId, uploadId);
        List<String> header = header(uploadId);
        return new Export(fileName(upload), out -> {
            BufferedWriter writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
            ErrorCsvWriter csv = new ErrorCsvWriter(header, writer);
            int after = 0;
            int read;
            do {
                read = 0;
                for (Refused row : page(uploadId, type, after)) {
                    csv.row(row.rowNo(), row.type(), row.message(), row.originalRow());
                    after = row.rowNo();
                    read++;
                }
                csv.flush();
            } while (read == PAGE);
            csv.close();
        });
    }

    private List<String> header(UUID uploadId) {
        try (CsvRowReader reader = new CsvRowReader(files.open(uploadId), Integer.MAX_VALUE / 2)) {
            // Checked when the file was received: it reads.
            return reader.header();
        } catch (IOException e) {
            throw new UncheckedIOException("The stored header of upload " + uploadId + " does not read", e);
        }
    }

    /** {@code products.csv} gives {@code products-errors.csv}; characters unsafe in a header become '_'. */
    static String fileName(VendorUpload upload) {
        String name = upload.fileName() == null || upload.fileName().isBlank() ? "upload-" + upload.id()
                : upload.fileName().replaceFirst("(?i)\\.csv$", "");
        return name.replaceAll("[^A-Za-z0-9._ -]", "_") + "-errors.csv";
    }

    private record Refused(int rowNo, String type, String message, String originalRow) {
    }

    private List<Refused> page(UUID uploadId, UploadErrorType type, int after) throws IOException {
        String sql = "SELECT row_no, error_type, message, original_row FROM vendor_upload_error "
                + "WHERE upload_id = ? AND row_no > ?" + (type == null ? "" : " AND error_type = ?")
                + " ORDER BY row_no LIMIT " + PAGE;
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement(sql)) {
            select.setString(1, uploadId.toString());
            select.setInt(2, after);
            if (type != null) {
                select.setString(3, type.name());
            }
            List<Refused> rows = new ArrayList<>(PAGE);
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    rows.add(new Refused(rs.getInt(1), rs.getString(2), rs.getString(3), rs.getString(4)));
                }
            }
            return rows;
        } catch (SQLException e) {
            throw new IOException("Could not read the refused rows of upload " + uploadId, e);
        }
    }
}
