package io.eventcommerce.compliance.audit.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A Debezium change event (MariaDB connector, JSON without schemas) as the trail reads it. */
class AuditChangeTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static JsonNode event(String table, String op, String before, String after, String query)
            throws Exception {
        return JSON.readTree("{\"before\":" + before + ",\"after\":" + after + ",\"op\":\"" + op + "\",\"source\":{"
                + "\"connector\":\"mariadb\",\"name\":\"audit\",\"ts_ms\":1796241884000,\"ts_us\":1796241884000123,"
                + "\"db\":\"orders\",\"table\":\"" + table + "\",\"server_id\":1,\"gtid\":\"0-1-39\",\"file\":"
                + "\"mysql-bin.000001\",\"pos\":15973,\"row\":2,\"query\":" + (query == null ? "null"
                : JSON.writeValueAsString(query)) + "},\"transaction\":{\"id\":\"0-1-39\",\"total_order\":7,"
                + "\"data_collection_order\":3}}");
    }

    @Test
    void anUpdateNamesItsActorPositionGroupAndChangedColumns() throws Exception {
        AuditChange change = AuditChange.parse(JSON.readTree("{\"id\":\"c-1\"}"), event("customer", "u",
                "{\"id\":\"c-1\",\"segment\":\"REGULAR\",\"version\":1}",
                "{\"id\":\"c-1\",\"segment\":\"VIP\",\"version\":2}",
                "/* ec-actor:user%3Aalice;req-1;http */ UPDATE customer SET segment = 'VIP'"));
        assertThat(change.actor()).isEqualTo("user:alice");
        assertThat(change.request()).isEqualTo("req-1");
        assertThat(change.via()).isEqualTo("http");
        assertThat(change.changedColumns()).isEqualTo("segment,version");
        assertThat(change.group()).isEqualTo("0-1-39");
        assertThat(change.position()).isEqualTo(new AuditChange.Position(1, "0-1-39", 7));
        assertThat(change.committedAt().toString()).isEqualTo("2026-12-02T20:04:44.000123Z");
        assertThat(change.subject()).isEqualTo("customer:c-1");
        assertThat(change.entity()).isEqualTo("c-1");
    }

    @Test
    void aStatementWithoutTheCommentIsUnknownAndAReadLogDeleteIsNoEntry() throws Exception {
        AuditChange root = AuditChange.parse(JSON.readTree("{\"id\":\"c-1\"}"), event("customer", "c", "null",
                "{\"id\":\"c-1\"}", "INSERT INTO customer /* ec-actor:user%3Aeve;x;http */ VALUES ('c-1')"));
        assertThat(root.actor()).isEqualTo(AuditChange.UNKNOWN);
        assertThat(root.request()).isEmpty();

        String read = "{\"id\":\"r-1\",\"subject_type\":\"customer\",\"subject_id\":\"c-9\",\"resource\":"
                + "\"customer\",\"fields\":\"email\",\"read_at\":1}";
        AuditChange logged = AuditChange.parse(JSON.readTree("{\"id\":\"r-1\"}"), event("personal_data_read", "c",
                "null", read, "/* ec-actor:user%3Asupport;req-7;http */ INSERT INTO personal_data_read ..."));
        assertThat(logged.subject()).isEqualTo("customer:c-9");
        assertThat(logged.actor()).isEqualTo("user:support");
        assertThat(AuditChange.parse(JSON.readTree("{\"id\":\"r-1\"}"), event("personal_data_read", "d", read,
                "null", "/* ec-actor:user%3Asupport;req-7;http */ DELETE FROM personal_data_read ..."))).isNull();
    }

    @Test
    void somethingElseIsRefused() throws Exception {
        assertThatThrownBy(() -> AuditChange.parse(null, JSON.readTree("{\"op\":\"x\"}")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> AuditChange.parse(null, event("customer", "c", "null", "{\"id\":1}", null)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("primary key");
    }
}
