package io.eventcommerce.compliance.audit.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.eventcommerce.devstack.DeployFiles;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.Iterator;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/** The trail encrypts exactly the columns the audit connector hashes: one list in two places, kept equal here. */
class PersonalDataTest {

    @Test
    void theConnectorMasksWhatTheTrailEncrypts() throws Exception {
        JsonNode connector = new ObjectMapper().readTree(DeployFiles.connectorConfig("audit"));
        Set<String> masked = new TreeSet<>();
        for (Iterator<String> names = connector.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (name.startsWith("column.mask.hash.v2.SHA-256.with.salt.")) {
                Arrays.stream(connector.get(name).asText().split(",")).map(String::trim).forEach(masked::add);
            }
        }
        Set<String> encrypted = new TreeSet<>();
        PersonalData.COLUMNS.forEach((table, columns) -> columns.forEach(c -> encrypted.add(table + "." + c)));
        assertThat(masked).isNotEmpty().isEqualTo(encrypted);
        Set<String> captured = Set.of(connector.path("table.include.list").asText().split(","));
        assertThat(captured).containsAll(PersonalData.COLUMNS.keySet());
    }
}
