package io.eventcommerce.compliance.audit.service;

import io.agroal.api.AgroalDataSource;
import io.eventcommerce.compliance.ComplianceConfig;
import io.eventcommerce.compliance.audit.model.ChainVerifier;
import io.quarkus.runtime.LaunchMode;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * Signed checkpoints of the chain: Ed25519 over {@link #signedText} (sequence, hash and time), on a schedule and on
 * demand. A checkpoint and the public key that signed it are all an auditor needs to check, offline, that the chain
 * they are shown still holds the entry that was signed; a chain recomputed from some entry on fails that check.
 */
@ApplicationScoped
public class AuditCheckpoints {

    public static final String ALGORITHM = "Ed25519";

    public record Checkpoint(long id, long seq, String hash, Instant takenAt, String signature, String keyId,
                             String publicKey, String signedText) {
    }

    private final AgroalDataSource dataSource;
    private final ComplianceConfig.Audit config;
    private PrivateKey privateKey;
    private String publicKey;
    private String keyId;

    public AuditCheckpoints(AgroalDataSource dataSource, ComplianceConfig config) {
        this.dataSource = dataSource;
        this.config = config.audit();
    }

    /** Loads the signing key at start-up; in production a missing or unreadable key stops the service. */
    void loadKey(@Observes StartupEvent event) {
        Optional<String> configured = config.signingKey().filter(k -> !k.isBlank());
        if (configured.isEmpty()) {
            if (LaunchMode.current() == LaunchMode.NORMAL) {
                throw new IllegalStateException("compliance.audit.signing-key (COMPLIANCE_AUDIT_SIGNING_KEY) is not"
                        + " set: the audit trail's checkpoints need an Ed25519 private key (PKCS#8, base64). Create"
                        + " one with `openssl genpkey -algorithm ed25519 -outform DER | base64 -w0` and provide it"
                        + " as a secret (deploy/k8s/secrets.example.yaml).");
            }
            return;
        }
        try {
            KeyFactory keys = KeyFactory.getInstance(ALGORITHM);
            privateKey = keys.generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder()
                    .decode(configured.get().trim())));
            // The public key of an Ed25519 PKCS#8 key: derive it by signing nothing is not possible, so read it from
            // the key's encoding through the JDK's EdEC spec.
            var edec = (java.security.interfaces.EdECPrivateKey) privateKey;
            byte[] seed = edec.getBytes().orElseThrow();
            PublicKey pub = derivePublic(seed);
            publicKey = Base64.getEncoder().encodeToString(pub.getEncoded());
            keyId = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(pub.getEncoded()));
        } catch (GeneralSecurityException | IllegalArgumentException | ClassCastException e) {
            throw new IllegalStateException("compliance.audit.signing-key is no Ed25519 private key in PKCS#8"
                    + " base64: " + e.getMessage(), e);
        }
    }

    /** The JDK derives an Ed25519 public key only through key generation; a fixed-seed SecureRandom does that. */
    private static PublicKey derivePublic(byte[] seed) throws GeneralSecurityException {
        var generator = java.security.KeyPairGenerator.getInstance(ALGORITHM);
        generator.initialize(255, new java.security.SecureRandom() {
            @Override
            public void nextBytes(byte[] bytes) {
                System.arraycopy(seed, 0, bytes, 0, Math.min(seed.length, bytes.length));
            }
        });
        return generator.generateKeyPair().getPublic();
    }

    public boolean canSign() {
        return privateKey != null;
    }

    public String publicKey() {
        return publicKey;
    }

    public String keyId() {
        return keyId;
    }

    /** What is signed: {@code ec-audit-checkpoint:<seq>:<hash>:<time ISO-8601 UTC>}. */
    public static String signedText(long seq, String hash, Instant takenAt) {
        return "ec-audit-checkpoint:" + seq + ":" + hash + ":" + DateTimeFormatter.ISO_INSTANT.format(takenAt);
    }

    @Scheduled(every = "${compliance.audit.checkpoint-every:10m}", delayed = "${compliance.audit.checkpoint-every:10m}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        if (canSign()) {
            take(false);
        }
    }

    /**
     * Signs the head of the chain as it is now. With {@code always=false} (the schedule) nothing is signed when the
     * head has not moved since the last checkpoint. Empty when the chain is empty.
     */
    public Optional<Checkpoint> take(boolean always) {
        if (!canSign()) {
            throw new IllegalStateException("no signing key (compliance.audit.signing-key)");
        }
        try (Connection c = dataSource.getConnection()) {
            long seq;
            String hash;
            try (PreparedStatement head = c.prepareStatement("SELECT last_seq, last_hash FROM audit_head WHERE id = 1");
                 ResultSet row = head.executeQuery()) {
                row.next();
                seq = row.getLong(1);
                hash = row.getString(2);
            }
            if (seq == 0) {
                return Optional.empty();
            }
            if (!always) {
                try (PreparedStatement last = c.prepareStatement(
                        "SELECT MAX(seq) FROM compliance_audit.audit_checkpoint");
                     ResultSet row = last.executeQuery()) {
                    if (row.next() && row.getLong(1) == seq) {
                        return Optional.empty();
                    }
                }
            }
            Instant takenAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
            String text = signedText(seq, hash, takenAt);
            Signature signer = Signature.getInstance(ALGORITHM);
            signer.initSign(privateKey);
            signer.update(text.getBytes(StandardCharsets.UTF_8));
            String signature = Base64.getEncoder().encodeToString(signer.sign());
            long id;
            try (PreparedStatement insert = c.prepareStatement("INSERT INTO compliance_audit.audit_checkpoint (seq,"
                    + " hash, taken_at, signature, key_id, public_key) VALUES (?, ?, ?, ?, ?, ?)",
                    java.sql.Statement.RETURN_GENERATED_KEYS)) {
                insert.setLong(1, seq);
                insert.setString(2, hash);
                insert.setObject(3, LocalDateTime.ofInstant(takenAt, ZoneOffset.UTC));
                insert.setString(4, signature);
                insert.setString(5, keyId);
                insert.setString(6, publicKey);
                insert.executeUpdate();
                try (ResultSet keys = insert.getGeneratedKeys()) {
                    keys.next();
                    id = keys.getLong(1);
                }
            }
            return Optional.of(new Checkpoint(id, seq, hash, takenAt, signature, keyId, publicKey, text));
        } catch (SQLException | GeneralSecurityException e) {
            throw new IllegalStateException("Cannot take an audit checkpoint: " + e.getMessage(), e);
        }
    }

    /** Checkpoints, newest first, paged. */
    public List<Checkpoint> list(int page, int size) {
        return query("SELECT id, seq, hash, taken_at, signature, key_id, public_key FROM"
                + " compliance_audit.audit_checkpoint ORDER BY id DESC LIMIT ? OFFSET ?", size, (long) page * size);
    }

    public long count() {
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("SELECT COUNT(*) FROM compliance_audit.audit_checkpoint");
             ResultSet row = s.executeQuery()) {
            row.next();
            return row.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The checkpoints of a sequence range, by sequence, each with whether its signature holds under this service's
     * public key: a checkpoint signed with some other key (one a database root user may have stored beside it) is no
     * checkpoint of this trail.
     */
    public List<ChainVerifier.Checkpoint> forVerify(long from, long to) {
        List<ChainVerifier.Checkpoint> out = new ArrayList<>();
        for (Checkpoint cp : query("SELECT id, seq, hash, taken_at, signature, key_id, public_key FROM"
                + " compliance_audit.audit_checkpoint WHERE seq BETWEEN ? AND ? ORDER BY seq, id", from, to)) {
            boolean trusted = publicKey == null || publicKey.equals(cp.publicKey());
            out.add(new ChainVerifier.Checkpoint(cp.seq(), cp.hash(), trusted && signatureHolds(cp)));
        }
        return out;
    }

    /** Checks a checkpoint with the public key it names, as an auditor does offline. */
    public static boolean signatureHolds(Checkpoint cp) {
        try {
            PublicKey key = KeyFactory.getInstance(ALGORITHM).generatePublic(new X509EncodedKeySpec(
                    Base64.getDecoder().decode(cp.publicKey())));
            Signature verifier = Signature.getInstance(ALGORITHM);
            verifier.initVerify(key);
            verifier.update(signedText(cp.seq(), cp.hash(), cp.takenAt()).getBytes(StandardCharsets.UTF_8));
            return verifier.verify(Base64.getDecoder().decode(cp.signature()));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return false;
        }
    }

    private List<Checkpoint> query(String sql, Object... params) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                s.setObject(i + 1, params[i]);
            }
            List<Checkpoint> out = new ArrayList<>();
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    Instant taken = r.getObject(4, LocalDateTime.class).toInstant(ZoneOffset.UTC);
                    out.add(new Checkpoint(r.getLong(1), r.getLong(2), r.getString(3), taken, r.getString(5),
                            r.getString(6), r.getString(7), signedText(r.getLong(2), r.getString(3), taken)));
                }
            }
            return out;
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read audit checkpoints", e);
        }
    }
}
