package io.eventcommerce.compliance.audit.service;

import io.eventcommerce.compliance.ComplianceConfig;
import io.eventcommerce.devstack.DevSecrets;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Proxy;
import java.time.Instant;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The signing key: required outside dev and test, and the public key published is the one that verifies. */
class AuditCheckpointsTest {

    private static ComplianceConfig config(Optional<String> key) {
        ComplianceConfig.Audit audit = (ComplianceConfig.Audit) Proxy.newProxyInstance(
                AuditCheckpointsTest.class.getClassLoader(), new Class<?>[] {ComplianceConfig.Audit.class},
                (proxy, method, args) -> method.getName().equals("signingKey") ? key : null);
        return (ComplianceConfig) Proxy.newProxyInstance(AuditCheckpointsTest.class.getClassLoader(),
                new Class<?>[] {ComplianceConfig.class},
                (proxy, method, args) -> method.getName().equals("audit") ? audit : null);
    }

    @Test
    void withoutAKeyProductionDoesNotStart() {
        // Outside Quarkus the launch mode is NORMAL (production).
        AuditCheckpoints checkpoints = new AuditCheckpoints(null, config(Optional.empty()));
        assertThatThrownBy(() -> checkpoints.loadKey(null)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("compliance.audit.signing-key").hasMessageContaining("not set");
        AuditCheckpoints garbage = new AuditCheckpoints(null, config(Optional.of("bm90IGEga2V5")));
        assertThatThrownBy(() -> garbage.loadKey(null)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("no Ed25519 private key");
    }

    @Test
    void thePublishedKeyIsTheSigningKeysOwn() throws Exception {
        AuditCheckpoints checkpoints = new AuditCheckpoints(null, config(Optional.of(DevSecrets.AUDIT_SIGNING_KEY)));
        checkpoints.loadKey(null);
        assertThat(checkpoints.canSign()).isTrue();
        assertThat(checkpoints.publicKey()).isEqualTo("MCowBQYDK2VwAyEAZuKADOQ6YZnj1zwvlcloMW5jGER/NGtw6fEPhBvoHsI=");

        var key = java.security.KeyFactory.getInstance("Ed25519").generatePrivate(
                new java.security.spec.PKCS8EncodedKeySpec(java.util.Base64.getDecoder()
                        .decode(DevSecrets.AUDIT_SIGNING_KEY)));
        Instant at = Instant.parse("2026-12-02T10:00:00.123456Z");
        String text = AuditCheckpoints.signedText(42, "a".repeat(64), at);
        var signer = java.security.Signature.getInstance("Ed25519");
        signer.initSign(key);
        signer.update(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        String signature = java.util.Base64.getEncoder().encodeToString(signer.sign());
        AuditCheckpoints.Checkpoint good = new AuditCheckpoints.Checkpoint(1, 42, "a".repeat(64), at, signature,
                checkpoints.keyId(), checkpoints.publicKey(), text);
        assertThat(AuditCheckpoints.signatureHolds(good)).isTrue();
        assertThat(AuditCheckpoints.signatureHolds(new AuditCheckpoints.Checkpoint(1, 43, "a".repeat(64), at,
                signature, checkpoints.keyId(), checkpoints.publicKey(), text))).isFalse();
    }
}
