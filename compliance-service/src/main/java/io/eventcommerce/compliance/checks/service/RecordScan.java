package io.eventcommerce.compliance.checks.service;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.eventcommerce.servicekit.pci.CardNumbers;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Where a Kafka record carries card numbers: its key, value and headers read as UTF-8 text (binary is read the same
 * way, so digits written as ASCII in it are found), a JSON value leaf by leaf so that a hit names its path. The
 * record is whatever a producer sent: text that is no JSON, or JSON nested too deep for the parser, is searched as
 * text (CardNumbers scans in a loop, so no length or shape of text overflows the stack). Nothing here throws for a
 * record.
 *
 * <p>A hit carries the number masked (first six, last four: PCI DSS 3.4's most) and never the number itself; the
 * caller keys hits on the record's coordinates, so the number needs no hash either (a hash of a card number whose
 * first six and last four are known is reversed by trying the few million numbers between).
 */
final class RecordScan {

    /** JSON inside a JSON string (an outbox payload, a stored JSON column in a row change) is opened this deep. */
    private static final int NESTED_JSON = 3;

    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(JsonParser.Feature.ALLOW_COMMENTS)
            .build();

    private RecordScan() {
    }

    /** A card number in a record: its network, its masked digits and every place of the record it is in. */
    record Hit(String brand, String masked, Set<String> places) {
    }

    /**
     * What a scan of a record found: one hit per number (the same number in two places is one hit), and the event's
     * type and id if the record names them (headers {@code eventType} and {@code id}, or the envelope's fields).
     */
    record Scanned(List<Hit> hits, String eventType, String eventId) {
    }

    static Scanned scan(byte[] key, byte[] value, Headers headers) {
        Map<String, Hit> hits = new LinkedHashMap<>();
        if (key != null) {
            text(utf8(key), "key", hits);
        }
        JsonNode envelope = null;
        if (value != null) {
            envelope = text(utf8(value), "value", hits);
        }
        if (headers != null) {
            for (Header header : headers) {
                String name = header.key() == null ? "" : header.key();
                search(name, "header name", hits);
                if (header.value() != null) {
                    search(utf8(header.value()), "header " + CardNumbers.mask(name), hits);
                }
            }
        }
        String type = header(headers, "eventType");
        String id = header(headers, "id");
        if (envelope != null && envelope.isObject()) {
            type = type != null ? type : shortText(envelope.path("type").textValue());
            id = id != null ? id : shortText(envelope.path("eventId").textValue());
        }
        return new Scanned(List.copyOf(hits.values()), type, id);
    }

    /** A header of the record as text, masked and cut short, for evidence (an event id, an event type). */
    static String header(Headers headers, String name) {
        Header header = headers == null ? null : headers.lastHeader(name);
        return header == null || header.value() == null ? null : shortText(utf8(header.value()));
    }

    /** A short, masked text for evidence. */
    static String shortText(String text) {
        if (text == null) {
            return null;
        }
        String cut = text.length() > 120 ? text.substring(0, 120) + "…" : text;
        return CardNumbers.mask(cut);
    }

    /** {@code digits} with all but the first six and the last four replaced by {@code *}. */
    static String mask(String digits) {
        return digits.substring(0, 6) + "*".repeat(digits.length() - 10) + digits.substring(digits.length() - 4);
    }

    /** Searches the text, as JSON if it is; returns the parsed tree, or null if it was no JSON. */
    private static JsonNode text(String text, String place, Map<String, Hit> hits) {
        String trimmed = text.strip();
        if (trimmed.startsWith("{") || trimmed.startsWith("[")) {
            JsonNode tree = parse(trimmed);
            if (tree != null) {
                json(tree, place + " $", hits, 0);
                return tree;
            }
        }
        search(text, place, hits);
        return null;
    }

    private static JsonNode parse(String text) {
        try {
            return JSON.readTree(text);
        } catch (Exception | StackOverflowError notJson) {
            return null;
        }
    }

    private static void json(JsonNode node, String path, Map<String, Hit> hits, int nested) {
        if (node.isObject()) {
            for (Map.Entry<String, JsonNode> field : node.properties()) {
                String name = CardNumbers.mask(field.getKey());
                search(field.getKey(), path + " (a field name)", hits);
                json(field.getValue(), path + "." + name, hits, nested);
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                json(node.get(i), path + "[" + i + "]", hits, nested);
            }
        } else if (node.isTextual()) {
            String text = node.textValue();
            String trimmed = text.strip();
            if (nested < NESTED_JSON && (trimmed.startsWith("{") || trimmed.startsWith("["))) {
                JsonNode inner = parse(trimmed);
                if (inner != null) {
                    json(inner, path + " (JSON) $", hits, nested + 1);
                    return;
                }
            }
            search(text, path, hits);
        } else if (!node.isNull() && !node.isMissingNode()) {
            // Numbers as written (BigDecimal, so 0.4166666666666667 stays a fraction); booleans find nothing.
            search(node.asText(), path, hits);
        }
    }

    private static void search(String text, String place, Map<String, Hit> hits) {
        for (String digits : CardNumbers.find(text)) {
            String masked = mask(digits);
            hits.computeIfAbsent(masked, m -> new Hit(CardNumbers.network(digits).orElse("card"), m,
                            new LinkedHashSet<>())).places()
                    .add(place);
        }
    }

    private static String utf8(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
