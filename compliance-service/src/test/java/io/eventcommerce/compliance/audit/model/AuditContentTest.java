package io.eventcommerce.compliance.audit.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class AuditContentTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    static AuditContent content(long seq, String after) {
        return new AuditContent(seq, Instant.parse("2026-12-02T10:15:30.123456Z"), "orders", "customer", "u",
                "c-1", "customer:c-1", "{\"a\":1,\"email\":\"enc:x\"}", after, "a", "user:alice \"quoted\"",
                "req-1", "http", Instant.parse("2026-12-02T10:15:30.000001Z"), "0-1-39", 3, 1, "mysql-bin.000001",
                15973, 0);
    }

    @Test
    void theCanonicalFormIsJsonWithSortedKeysAtEveryDepth() throws Exception {
        String canonical = content(7, CanonicalJson.of(JSON.readTree("{\"z\":{\"b\":2,\"a\":[{\"y\":1,\"x\":2}]},"
                + "\"a\":\"é\\n\"}"))).canonical();
        JsonNode parsed = JSON.readTree(canonical);
        ObjectMapper sorting = new ObjectMapper().configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true);
        Object asMap = sorting.readValue(canonical, Object.class);
        assertThat(sorting.writeValueAsString(asMap)).isEqualTo(canonical);
        assertThat(parsed.path("seq").asLong()).isEqualTo(7);
        assertThat(parsed.path("actor").asText()).isEqualTo("user:alice \"quoted\"");
        assertThat(parsed.path("after").path("z").path("a").get(0).path("x").asInt()).isEqualTo(2);
        assertThat(parsed.path("source").path("pos").asLong()).isEqualTo(15973);
        assertThat(parsed.path("recordedAt").asText()).isEqualTo("2026-12-02T10:15:30.123456Z");
        List<String> keys = new ArrayList<>();
        parsed.fieldNames().forEachRemaining(keys::add);
        assertThat(keys).isSorted().contains("seq", "before", "after", "actor", "committedAt", "bulkGroup");
    }

    @Test
    void theHashCoversThePreviousHashAndEveryFieldIncludingTheSequence() {
        AuditContent one = content(7, "{\"a\":2}");
        String hash = one.hash(AuditContent.GENESIS);
        assertThat(hash).matches("[0-9a-f]{64}").isEqualTo(one.hash(AuditContent.GENESIS));
        assertThat(content(8, "{\"a\":2}").hash(AuditContent.GENESIS)).isNotEqualTo(hash);
        assertThat(content(7, "{\"a\":3}").hash(AuditContent.GENESIS)).isNotEqualTo(hash);
        assertThat(one.hash("1".repeat(64))).isNotEqualTo(hash);
        // Known answer: SHA-256 over the 64 hex characters of the previous hash, then the content's UTF-8 bytes.
        assertThat(AuditContent.hash(AuditContent.GENESIS, "{}"))
                .isEqualTo(sha256Hex(AuditContent.GENESIS + "{}"));
    }

    private static String sha256Hex(String text) {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
