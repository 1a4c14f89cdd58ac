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
 * text; a value so degenerate that the card pattern cannot take it whole (hundreds of thousands of digit groups
 * overflow the regex engine's stack) is searched in overlapping windows. Nothing here throws for a record.
 *
 * <p>A hit carries the number masked (first six, last four: PCI DSS 3.4's most) and never the number itself; the
 * caller keys hits on the record's coordinates, so the number needs no hash either (a hash of a card number whose
 * first six and last four are known is reversed by trying the few million numbers between).
 */
final class RecordScan {

    /** JSON inside a JSON string (an outbox payload, a stored JSON column in a row change) is opened this deep. */
    private static final int NESTED_JSON = 3;
    /** Window and overlap of the fallback: a card with its separators spans at most 19 + 18 × 3 characters. */
    static final int WINDOW = 1_024;
    static final int OVERLAP = 128;

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

    /** The card network of a number {@link CardNumbers} found (it only finds numbers a network issues). */
    static String brand(String digits) {
        int two = Integer.parseInt(digits.substring(0, 2));
        int four = Integer.parseInt(digits.substring(0, 4));
        int three = Integer.parseInt(digits.substring(0, 3));
        if (digits.charAt(0) == '4') {
            return "Visa";
        }
        if (two >= 51 && two <= 55 || four >= 2221 && four <= 2720) {
            return "Mastercard";
        }
        if (four >= 2200 && four <= 2204) {
            return "Mir";
        }
        if (two == 34 || two == 37) {
            return "American Express";
        }
        if (three >= 300 && three <= 305 || two == 36 || two == 38 || two == 39) {
            return "Diners Club";
        }
        if (four >= 3528 && four <= 3589) {
            return "JCB";
        }
        if (four == 6011 || three >= 644 && three <= 649 || two == 65) {
            return "Discover";
        }
        if (two == 62) {
            return "UnionPay";
        }
        if (two == 50 || two >= 56 && two <= 69) {
            return "Maestro";
        }
        if (two == 81 || two == 82) {
            return "RuPay";
        }
        if (digits.charAt(0) == '1') {
            return "UATP";
        }
        if (four == 9792) {
            return "Troy";
        }
        return "card";
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
        for (String digits : find(text)) {
            String masked = mask(digits);
            hits.computeIfAbsent(masked, m -> new Hit(brand(digits), m, new LinkedHashSet<>())).places()
                    .add(place);
        }
    }

    /** {@link CardNumbers#find}, and in overlapping windows where the whole text overflows the regex engine. */
    static Set<String> find(String text) {
        try {
            return new LinkedHashSet<>(CardNumbers.find(text));
        } catch (StackOverflowError degenerate) {
            Set<String> found = new LinkedHashSet<>();
            for (int from = 0; from < text.length(); from += WINDOW - OVERLAP) {
                String window = text.substring(from, Math.min(text.length(), from + WINDOW));
                try {
                    found.addAll(CardNumbers.find(window));
                } catch (StackOverflowError stillTooDeep) {
                    // 1 KiB (at most 512 digit groups) fits a 1 MiB stack; a thread this deep already is out of stack.
                    throw new IllegalStateException("no stack left to scan a window of a record", stillTooDeep);
                }
                if (from + WINDOW >= text.length()) {
                    break;
                }
            }
            return found;
        }
    }

    private static String utf8(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
