package io.eventcommerce.compliance.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.eventcommerce.testkit.Database;
import io.eventcommerce.testkit.Deadlines;
import io.eventcommerce.testkit.TopicProbe;
import io.quarkus.test.junit.QuarkusTest;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The audit connector (deploy/debezium/connectors/audit.json) on the real database: a change's leading ec-actor
 * comment arrives as source.query without the rest of its statement (platform/audit-transforms), and personal-data
 * columns arrive hashed: the event holds no plaintext value of them anywhere.
 */
@QuarkusTest
class AuditCaptureIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void theActorTravelsWithTheRowAndNoPlaintextPersonalDataDoes() throws Exception {
        AuditTables.create();
        String id = UUID.randomUUID().toString();
        String email = "probe-" + id + "@example.com";
        Database.of("orders").update("/* ec-actor:user%3Aalice;req-" + id + ";http */ INSERT INTO customer (id, email,"
                + " first_name, last_name, segment, country, version, created_at, updated_at) VALUES (?, ?, 'Alice',"
                + " 'Probe', 'REGULAR', 'DE', 1, UTC_TIMESTAMP(6), UTC_TIMESTAMP(6))", id, email);

        ConsumerRecord<String, String> record = TopicProbe.await("audit.orders.customer",
                r -> r.key() != null && r.key().contains(id), Deadlines.ASYNC);
        JsonNode value = JSON.readTree(record.value());
        JsonNode source = value.path("source");
        assertThat(source.path("query").asText()).as("%s", source).isEqualTo("/* ec-actor:user%3Aalice;req-" + id
                + ";http */");
        // Nowhere in the event: the statement's literal values (the query used to carry them in plaintext).
        assertThat(record.value()).doesNotContain(email).doesNotContain("Alice").doesNotContain("Probe")
                .doesNotContain("INSERT");
        assertThat(value.path("op").asText()).isEqualTo("c");
        assertThat(value.path("after").path("id").asText()).isEqualTo(id);
        assertThat(value.path("after").path("country").asText()).isEqualTo("DE");
        // The row images carry hashes, never the values (column.mask.hash.v2): both images, every masked column.
        assertThat(value.path("after").toString()).doesNotContain(email).doesNotContain("Alice").doesNotContain("Probe");
        assertThat(value.path("after").path("email").asText()).matches("[0-9a-f]{64}");
        assertThat(value.path("after").path("first_name").asText()).matches("[0-9a-f]{64}");
        // Where the change is in the binlog: the key of "stored once".
        assertThat(source.path("file").asText()).isNotBlank();
        assertThat(source.path("pos").asLong()).isPositive();
        assertThat(source.has("row")).isTrue();
    }
}
