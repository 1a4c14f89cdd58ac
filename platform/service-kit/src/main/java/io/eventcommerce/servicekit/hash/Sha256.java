package io.eventcommerce.servicekit.hash;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The SHA-256 of a text as 64 lower-case hex digits, the form every fingerprint and request hash of the platform is
 * stored and compared in (a column of CHAR(64), an idempotency key's request hash). One definition, so two services
 * hashing the same text always agree on the bytes (UTF-8) and the spelling (lower case). The JDK has both halves;
 * commons-codec's {@code DigestUtils} would do the same but is on no service's classpath.
 */
public final class Sha256 {

    private Sha256() {
    }

    /** The SHA-256 of {@code text}'s UTF-8 bytes, lower-case hex. */
    public static String hex(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
