package io.eventcommerce.catalog;

import io.eventcommerce.catalog.onboarding.service.ProcessingInstance;
import io.eventcommerce.catalog.onboarding.service.UploadRecovery;
import io.eventcommerce.testkit.Database;
import io.eventcommerce.testkit.TestStack;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;

import static io.eventcommerce.catalog.CatalogFixtures.createVendor;
import static io.eventcommerce.catalog.CatalogFixtures.createWarehouse;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Uploads left PROCESSING by an instance that died do not stay so: the instance fails its own when it starts again
 * (what its start-up observer calls), and any instance fails those without progress for too long.
 */
@QuarkusTest
class UploadRecoveryIT {

    private static final Database CATALOG = Database.of("catalog");

    @Inject
    UploadRecovery recovery;

    @Inject
    ProcessingInstance instance;

    private String processing(String vendor, String warehouse, String processedBy, Instant lastProgress) {
        String id = UUID.randomUUID().toString();
        LocalDateTime at = LocalDateTime.ofInstant(lastProgress, ZoneOffset.UTC);
        // Database reads only; this writes the row a crashed instance would have left.
        try (Connection connection = DriverManager.getConnection(TestStack.get().jdbcUrl("catalog"), "root",
                TestStack.get().rootPassword());
             var insert = connection.prepareStatement("""
                     INSERT INTO vendor_upload (id, vendor_id, warehouse_id, file_name, status, total_rows, valid_rows,
                         error_rows, created_count, updated_count, uploaded_by, processed_by, started_at, version,
                         created_at, updated_at)
                     VALUES (?, ?, ?, 'big.csv', 'PROCESSING', 1500, 1480, 20, 1400, 80, 'vendor', ?, ?, 3, ?, ?)""")) {
            insert.setString(1, id);
            insert.setString(2, vendor);
            insert.setString(3, warehouse);
            insert.setString(4, processedBy);
            insert.setObject(5, at);
            insert.setObject(6, at);
            insert.setObject(7, at);
            insert.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return id;
    }

    private static Map<String, Object> upload(String id) {
        return CATALOG.query("SELECT status, failure_reason, finished_at, total_rows, valid_rows, error_rows "
                + "FROM vendor_upload WHERE id = ?", id).get(0);
    }

    @Test
    void aRestartedInstanceFailsWhatItWasProcessingAndStaleUploadsOfOthersFailToo() {
        String vendor = createVendor();
        String warehouse = createWarehouse();
        Instant now = Instant.now();
        String mine = processing(vendor, warehouse, instance.name(), now);
        String gone = processing(vendor, warehouse, "instance-that-died", now.minus(1, ChronoUnit.HOURS));
        String busy = processing(vendor, warehouse, "instance-still-working", now);

        assertThat(recovery.failInterrupted()).isEqualTo(1);
        assertThat(upload(mine)).containsEntry("status", "FAILED").containsEntry("total_rows", 1500)
                .containsEntry("valid_rows", 1480).containsEntry("error_rows", 20);
        assertThat((String) upload(mine).get("failure_reason"))
                .isEqualTo("Interrupted: the service restarted while processing the file; the 1500 rows counted "
                        + "were applied");
        assertThat(upload(mine).get("finished_at")).isNotNull();
        assertThat(upload(gone)).containsEntry("status", "PROCESSING");

        assertThat(recovery.failStale(Instant.now())).isEqualTo(1);
        assertThat(upload(gone)).containsEntry("status", "FAILED");
        assertThat((String) upload(gone).get("failure_reason")).startsWith("Interrupted: no progress for 10 minutes");
        assertThat(upload(busy)).as("progress a moment ago: still working").containsEntry("status", "PROCESSING");

        assertThat(recovery.failStale(Instant.now().plus(11, ChronoUnit.MINUTES))).isEqualTo(1);
        assertThat(upload(busy)).containsEntry("status", "FAILED");
    }
}
