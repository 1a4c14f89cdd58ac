package io.eventcommerce.compliance.audit.model;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;

/**
 * What one audit entry asserts, exactly as the hash chain covers it. {@link #canonical()} is a JSON object with its
 * keys in sorted order and the stored images embedded verbatim (they are canonical JSON already, see
 * {@link CanonicalJson}); {@code hash = SHA-256(prevHash ‖ canonical)}, the previous hash as its 64 hex characters
 * followed by the UTF-8 bytes of the content. The sequence is part of the content, so an entry moved to another
 * place in the chain no longer matches its hash.
 *
 * @param seq       the sequence the entry was written with (stored as content_seq)
 * @param before    canonical JSON of the row before the change (personal data encrypted), or null
 * @param after     canonical JSON of the row after it, or null
 * @param changed   the changed columns, comma-separated
 * @param bulkGroup  the source transaction's id; with {@code eventOrder}, the change's place in it
 */
public record AuditContent(long seq, Instant recordedAt, String schema, String table, String op, String entity,
                           String subject, String before, String after, String changed, String actor, String request,
                           String via, Instant committedAt, String bulkGroup, long eventOrder, long sourceServer,
                           String binlogFile, long binlogPos, int row) {

    public static final String GENESIS = "0".repeat(64);

    public String canonical() {
        StringBuilder out = new StringBuilder(256 + length(before) + length(after));
        out.append("{\"actor\":").append(CanonicalJson.string(actor))
                .append(",\"after\":").append(after == null ? "null" : after)
                .append(",\"before\":").append(before == null ? "null" : before)
                .append(",\"bulkGroup\":").append(CanonicalJson.string(bulkGroup))
                .append(",\"changed\":").append(CanonicalJson.string(changed))
                .append(",\"committedAt\":").append(CanonicalJson.string(time(committedAt)))
                .append(",\"entity\":").append(CanonicalJson.string(entity))
                .append(",\"op\":").append(CanonicalJson.string(op))
                .append(",\"recordedAt\":").append(CanonicalJson.string(time(recordedAt)))
                .append(",\"request\":").append(CanonicalJson.string(request))
                .append(",\"schema\":").append(CanonicalJson.string(schema))
                .append(",\"seq\":").append(seq)
                .append(",\"source\":{\"file\":").append(CanonicalJson.string(binlogFile))
                .append(",\"order\":").append(eventOrder)
                .append(",\"pos\":").append(binlogPos)
                .append(",\"row\":").append(row)
                .append(",\"server\":").append(sourceServer)
                .append("},\"subject\":").append(CanonicalJson.string(subject))
                .append(",\"table\":").append(CanonicalJson.string(table))
                .append(",\"via\":").append(CanonicalJson.string(via))
                .append('}');
        return out.toString();
    }

    /** SHA-256 (lower-case hex) of {@code prevHash} followed by this content. */
    public String hash(String prevHash) {
        return hash(prevHash, canonical());
    }

    private static final ThreadLocal<MessageDigest> SHA_256 = ThreadLocal.withInitial(() -> {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    });

    public static String hash(String prevHash, String canonical) {
        MessageDigest sha = SHA_256.get();
        sha.reset();
        sha.update(prevHash.getBytes(StandardCharsets.US_ASCII));
        sha.update(canonical.getBytes(StandardCharsets.UTF_8));
        return HexFormat.of().formatHex(sha.digest());
    }

    private static String time(Instant instant) {
        return instant == null ? null : DateTimeFormatter.ISO_INSTANT.format(instant);
    }

    private static int length(String s) {
        return s == null ? 4 : s.length();
    }
}
