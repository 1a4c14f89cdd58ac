package io.eventcommerce.events;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.victools.jsonschema.generator.CustomDefinition;
import com.github.victools.jsonschema.generator.Option;
import com.github.victools.jsonschema.generator.OptionPreset;
import com.github.victools.jsonschema.generator.SchemaGenerator;
import com.github.victools.jsonschema.generator.SchemaGeneratorConfigBuilder;
import com.github.victools.jsonschema.generator.SchemaVersion;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.UUID;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The JSON Schemas under {@code src/main/resources/contracts/} document every event on the wire. This test
 * regenerates them from the records and fails when a record changed without its schema being updated, so the
 * documentation cannot drift. After a deliberate (additive) change run
 * {@code ./mvnw -pl platform/events test -Dcontracts.write=true} and commit the new schema.
 */
class ContractSchemaTest {

    private static final Path CONTRACTS = Path.of("src/main/resources/contracts");
    private static final ObjectMapper JSON = EventCodec.mapper();

    @TestFactory
    Stream<DynamicTest> committedSchemaMatchesTheRecord() {
        SchemaGenerator generator = generator();
        boolean write = Boolean.getBoolean("contracts.write");
        return Events.ALL.stream().map(type -> DynamicTest.dynamicTest(type.name() + " v" + type.version(), () -> {
            ObjectNode schema = envelopeSchema(type, generator.generateSchema(type.dataClass()));
            Path file = CONTRACTS.resolve(type.name() + ".v" + type.version() + ".schema.json");
            String expected = JSON.writerWithDefaultPrettyPrinter().writeValueAsString(schema) + "\n";
            if (write) {
                Files.createDirectories(CONTRACTS);
                Files.writeString(file, expected);
            }
            assertThat(file).as("schema of %s; regenerate with -Dcontracts.write=true", type.name()).exists();
            assertThat(read(file)).as("schema of %s is out of date; regenerate with -Dcontracts.write=true",
                    type.name()).isEqualTo(JSON.readTree(expected));
        }));
    }

    private static ObjectNode envelopeSchema(EventType<?> type, ObjectNode data) {
        ObjectNode schema = JSON.createObjectNode();
        schema.put("$schema", "https://json-schema.org/draft/2020-12/schema");
        schema.put("$id", "https://eventcommerce.io/contracts/" + type.name() + ".v" + type.version() + ".schema.json");
        schema.put("title", type.name() + " (schema version " + type.version() + ")");
        schema.put("description", "Payload of the " + type.name() + " event on topic " + type.topic()
                + ". Kafka key: aggregateId; headers: id (= eventId), eventType (= type).");
        schema.put("type", "object");
        ObjectNode properties = schema.putObject("properties");
        properties.putObject("eventId").put("type", "string").put("format", "uuid");
        properties.putObject("type").put("const", type.name());
        properties.putObject("schemaVersion").put("const", type.version());
        properties.putObject("occurredAt").put("type", "string").put("format", "date-time");
        properties.putObject("source").put("type", "string");
        properties.putObject("aggregateId").put("type", "string");
        data.remove("$schema");
        JsonNode defs = data.remove("$defs");
        properties.set("data", data);
        if (defs != null) {
            schema.set("$defs", defs);
        }
        schema.putArray("required").add("eventId").add("type").add("schemaVersion").add("occurredAt")
                .add("aggregateId").add("data");
        return schema;
    }

    private static SchemaGenerator generator() {
        SchemaGeneratorConfigBuilder config = new SchemaGeneratorConfigBuilder(SchemaVersion.DRAFT_2020_12,
                OptionPreset.PLAIN_JSON)
                .with(Option.EXTRA_OPEN_API_FORMAT_VALUES)
                .without(Option.SCHEMA_VERSION_INDICATOR);
        config.forTypesInGeneral().withCustomDefinitionProvider((javaType, context) -> {
            Class<?> erased = javaType.getErasedType();
            ObjectNode node = context.getGeneratorConfig().createObjectNode();
            if (erased == BigDecimal.class) {
                node.put("type", "string").put("pattern", "^-?[0-9]+(\\.[0-9]+)?$")
                        .put("description", "decimal amount as a string, never a binary float");
            } else if (erased == UUID.class) {
                node.put("type", "string").put("format", "uuid");
            } else if (erased == Instant.class) {
                node.put("type", "string").put("format", "date-time");
            } else {
                return null;
            }
            return new CustomDefinition(node, CustomDefinition.DefinitionType.INLINE,
                    CustomDefinition.AttributeInclusion.NO);
        });
        return new SchemaGenerator(config.build());
    }

    private static JsonNode read(Path file) throws IOException {
        return JSON.readTree(file.toFile());
    }
}
