package io.eventcommerce.compliance.audit.service;

import io.agroal.api.AgroalDataSource;
import io.eventcommerce.compliance.audit.model.PersonalData;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Base64;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The per-subject keys of the audit trail's personal data (AES-256-GCM, the subject as associated data), and
 * crypto-shredding: {@link #shred} destroys a subject's key, so its entries keep their ciphertext (the hash chain
 * covers it and still verifies) but no one can read those fields again. Keys live in compliance.audit_subject_key,
 * outside the append-only schema, because shredding must change them.
 */
@ApplicationScoped
public class AuditSubjectKeys {

    /** The stored form of a field whose subject was shredded before the entry was written. */
    public static final String SHREDDED = "shredded";
    private static final String PREFIX = "enc:";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final AgroalDataSource dataSource;

    public AuditSubjectKeys(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * Destroys the audit key of a customer (GDPR erasure): the personal-data fields of every entry about the customer
     * become unreadable, now and for entries written later. Idempotent; returns whether a key was destroyed now.
     */
    public boolean shred(String customerId) {
        String subject = PersonalData.customer(customerId);
        return QuarkusTransaction.requiringNew().call(() -> {
            try (Connection c = dataSource.getConnection()) {
                Timestamp now = Timestamp.from(Instant.now());
                try (PreparedStatement update = c.prepareStatement("UPDATE audit_subject_key SET key_material = NULL,"
                        + " shredded_at = ? WHERE subject = ? AND key_material IS NOT NULL")) {
                    update.setTimestamp(1, now);
                    update.setString(2, subject);
                    if (update.executeUpdate() == 1) {
                        return true;
                    }
                }
                try (PreparedStatement insert = c.prepareStatement("INSERT IGNORE INTO audit_subject_key (subject,"
                        + " key_material, created_at, shredded_at) VALUES (?, NULL, ?, ?)")) {
                    insert.setString(1, subject);
                    insert.setTimestamp(2, now);
                    insert.setTimestamp(3, now);
                    insert.executeUpdate();
                }
                return false;
            }
        });
    }

    /**
     * The keys of {@code subjects} on the writer's connection, creating those not seen before; a shredded subject maps
     * to an empty key.
     */
    Map<String, Optional<byte[]>> keysFor(Connection c, Collection<String> subjects) throws SQLException {
        Map<String, Optional<byte[]>> keys = read(c, subjects);
        Timestamp now = Timestamp.from(Instant.now());
        for (String subject : subjects) {
            if (!keys.containsKey(subject)) {
                byte[] key = new byte[32];
                RANDOM.nextBytes(key);
                try (PreparedStatement insert = c.prepareStatement("INSERT IGNORE INTO audit_subject_key (subject,"
                        + " key_material, created_at) VALUES (?, ?, ?)")) {
                    insert.setString(1, subject);
                    insert.setBytes(2, key);
                    insert.setTimestamp(3, now);
                    if (insert.executeUpdate() == 1) {
                        keys.put(subject, Optional.of(key));
                    }
                }
                if (!keys.containsKey(subject)) {
                    keys.putAll(read(c, java.util.List.of(subject)));
                }
            }
        }
        return keys;
    }

    /** The keys of {@code subjects} as they are now (readers: shredded or never created → empty). */
    public Map<String, Optional<byte[]>> current(Collection<String> subjects) {
        try (Connection c = dataSource.getConnection()) {
            return read(c, subjects);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read audit subject keys", e);
        }
    }

    private static Map<String, Optional<byte[]>> read(Connection c, Collection<String> subjects) throws SQLException {
        Map<String, Optional<byte[]>> keys = new HashMap<>();
        if (subjects.isEmpty()) {
            return keys;
        }
        String marks = String.join(",", java.util.Collections.nCopies(subjects.size(), "?"));
        try (PreparedStatement select = c.prepareStatement("SELECT subject, key_material FROM audit_subject_key"
                + " WHERE subject IN (" + marks + ")")) {
            int i = 1;
            for (String subject : subjects) {
                select.setString(i++, subject);
            }
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    keys.put(rows.getString(1), Optional.ofNullable(rows.getBytes(2)));
                }
            }
        }
        return keys;
    }

    /** "enc:" + base64(iv ‖ AES-GCM ciphertext) of {@code plain}, bound to the subject. */
    static String encrypt(byte[] key, String subject, String plain) {
        try {
            byte[] iv = new byte[12];
            RANDOM.nextBytes(iv);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "AES"), new GCMParameterSpec(128, iv));
            cipher.updateAAD(subject.getBytes(StandardCharsets.UTF_8));
            byte[] sealed = cipher.doFinal(plain.getBytes(StandardCharsets.UTF_8));
            return PREFIX + Base64.getEncoder().encodeToString(ByteBuffer.allocate(iv.length + sealed.length).put(iv)
                    .put(sealed).array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM unavailable", e);
        }
    }

    /** The plaintext of a stored field, or empty when the key is gone (shredded) or the field is no ciphertext. */
    public static Optional<String> decrypt(Optional<byte[]> key, String subject, String stored) {
        if (key == null || key.isEmpty() || stored == null || !stored.startsWith(PREFIX)) {
            return Optional.empty();
        }
        try {
            byte[] all = Base64.getDecoder().decode(stored.substring(PREFIX.length()));
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, new SecretKeySpec(key.get(), "AES"), new GCMParameterSpec(128, all, 0,
                    12));
            cipher.updateAAD(subject.getBytes(StandardCharsets.UTF_8));
            return Optional.of(new String(cipher.doFinal(all, 12, all.length - 12), StandardCharsets.UTF_8));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
