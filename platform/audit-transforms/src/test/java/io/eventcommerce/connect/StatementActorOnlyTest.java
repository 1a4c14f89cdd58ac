package io.eventcommerce.connect;

import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaBuilder;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.source.SourceRecord;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class StatementActorOnlyTest {

    private static final String COMMENT = "/* ec-actor:user%3Aalice;req-1;http */";
    private static final String BULK = COMMENT + " INSERT INTO customer (id, email) VALUES ('c1', 'alice@example.com'),"
            + " ('c2', 'bob@example.com')";

    private static final Schema SOURCE = SchemaBuilder.struct().name("io.debezium.connector.mysql.Source")
            .field("db", Schema.STRING_SCHEMA).field("table", Schema.OPTIONAL_STRING_SCHEMA)
            .field("query", Schema.OPTIONAL_STRING_SCHEMA).build();
    private static final Schema ROW = SchemaBuilder.struct().optional().field("id", Schema.STRING_SCHEMA)
            .field("email", Schema.OPTIONAL_STRING_SCHEMA).build();
    private static final Schema ENVELOPE = SchemaBuilder.struct().name("audit.orders.customer.Envelope")
            .field("before", ROW).field("after", ROW).field("source", SOURCE).field("op", Schema.STRING_SCHEMA)
            .build();

    private final StatementActorOnly<SourceRecord> transform = new StatementActorOnly<>();

    private static SourceRecord change(String query) {
        Struct source = new Struct(SOURCE).put("db", "orders").put("table", "customer").put("query", query);
        Struct after = new Struct(ROW).put("id", "c1").put("email", "5f2b…hashed");
        Struct value = new Struct(ENVELOPE).put("after", after).put("source", source).put("op", "c");
        return new SourceRecord(Map.of("server", "audit"), Map.of("pos", 4L), "audit.orders.customer", 0,
                Schema.STRING_SCHEMA, "c1", ENVELOPE, value);
    }

    private static Struct source(SourceRecord record) {
        return ((Struct) record.value()).getStruct("source");
    }

    @Test
    void keepsTheActorCommentAndDropsTheStatementWithItsValues() {
        SourceRecord original = change(BULK);
        SourceRecord trimmed = transform.apply(original);

        assertThat(source(trimmed).getString("query")).isEqualTo(COMMENT);
        // Everything else as it was: the row, the other source fields, key, topic, partition, offsets.
        assertThat(((Struct) trimmed.value()).getStruct("after")).isEqualTo(((Struct) original.value()).get("after"));
        assertThat(source(trimmed).getString("db")).isEqualTo("orders");
        assertThat(((Struct) trimmed.value()).getString("op")).isEqualTo("c");
        assertThat(trimmed.key()).isEqualTo("c1");
        assertThat(trimmed.topic()).isEqualTo("audit.orders.customer");
        assertThat(trimmed.sourceOffset()).isEqualTo(original.sourceOffset());
        assertThat(trimmed.valueSchema()).isEqualTo(ENVELOPE);
        // The original record is not changed (another transform or a retry may still hold it).
        assertThat(source(original).getString("query")).isEqualTo(BULK);
        ((Struct) trimmed.value()).validate();
    }

    @Test
    void aStatementWithoutAnActorCommentKeepsNoQuery() {
        assertThat(source(transform.apply(change("UPDATE customer SET email = 'x@example.com'"))).get("query"))
                .isNull();
        // A comment inside the statement is not its actor (service-kit ChangeActor reads only a leading one).
        assertThat(source(transform.apply(change("UPDATE customer SET note = '" + COMMENT + "'"))).get("query"))
                .isNull();
        // An unterminated comment is no comment.
        assertThat(source(transform.apply(change("/* ec-actor:user;req;http INSERT INTO t VALUES (1)")))
                .get("query")).isNull();
    }

    @Test
    void leadingWhitespaceBeforeTheCommentIsDropped() {
        assertThat(source(transform.apply(change("\n  " + BULK))).getString("query")).isEqualTo(COMMENT);
    }

    @Test
    void whatHasNothingToCutPassesAsTheSameRecord() {
        SourceRecord noQuery = change(null);
        assertThat(transform.apply(noQuery)).isSameAs(noQuery);
        SourceRecord commentOnly = change(COMMENT);
        assertThat(transform.apply(commentOnly)).isSameAs(commentOnly);
        SourceRecord tombstone = new SourceRecord(Map.of(), Map.of(), "audit.orders.customer", 0,
                Schema.STRING_SCHEMA, "c1", null, null);
        assertThat(transform.apply(tombstone)).isSameAs(tombstone);
        Schema noSource = SchemaBuilder.struct().field("id", Schema.STRING_SCHEMA).build();
        SourceRecord transactionEvent = new SourceRecord(Map.of(), Map.of(), "audit.transaction", 0,
                null, null, noSource, new Struct(noSource).put("id", "tx-1"));
        assertThat(transform.apply(transactionEvent)).isSameAs(transactionEvent);
    }

    @Test
    void schemalessValuesAreCutToo() {
        Map<String, Object> value = Map.of("op", "c", "source", Map.of("db", "orders", "query", BULK));
        SourceRecord record = new SourceRecord(Map.of(), Map.of(), "audit.orders.customer", 0, null, "c1", null,
                value);
        @SuppressWarnings("unchecked")
        Map<String, Object> trimmed = (Map<String, Object>) transform.apply(record).value();
        assertThat(trimmed).containsEntry("op", "c");
        Map<?, ?> source = (Map<?, ?>) trimmed.get("source");
        assertThat(source.get("query")).isEqualTo(COMMENT);
        assertThat(source.get("db")).isEqualTo("orders");
        assertThat(((Map<?, ?>) value.get("source")).get("query")).isEqualTo(BULK);
    }
}
