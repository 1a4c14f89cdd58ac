package io.eventcommerce.devstack;

import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.build.JwtClaimsBuilder;
import io.smallrye.jwt.util.KeyUtils;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.time.Duration;
import java.util.Map;
import java.util.Set;

/**
 * Tokens signed with the development key pair (resources dev-jwt/), accepted by services that the launcher or the
 * test kit started. Never configure a real deployment with the development public key.
 */
public final class DevTokens {

    public static final String ISSUER = "urn:eventcommerce:dev";
    /** The audience every service verifies by default ({@code mp.jwt.verify.audiences}). */
    public static final String AUDIENCE = "eventcommerce";
    public static final String PUBLIC_KEY_RESOURCE = "dev-jwt/public-key.pem";
    private static final String PRIVATE_KEY_RESOURCE = "dev-jwt/private-key.pem";

    private DevTokens() {
    }

    /**
     * @param subject the user's name ({@code sub} and {@code upn})
     * @param roles   the {@code groups} claim
     * @param claims  further claims, e.g. {@code customer_id} for a customer
     */
    public static String issue(String subject, Set<String> roles, Map<String, Object> claims, Duration lifetime) {
        return issue(ISSUER, AUDIENCE, subject, roles, claims, lifetime);
    }

    /**
     * A token from a chosen issuer for a chosen audience, signed with the development key: what tests need to show
     * that a service refuses tokens issued by someone else or meant for another audience.
     *
     * @param audience the {@code aud} claim, or null for a token without one
     */
    public static String issue(String issuer, String audience, String subject, Set<String> roles,
                               Map<String, Object> claims, Duration lifetime) {
        JwtClaimsBuilder builder = Jwt.issuer(issuer).subject(subject).upn(subject).groups(roles)
                .expiresIn(lifetime);
        if (audience != null) {
            builder.audience(audience);
        }
        claims.forEach(builder::claim);
        return builder.jws().keyId("eventcommerce-dev").sign(privateKey());
    }

    public static String publicKeyPem() {
        return resource(PUBLIC_KEY_RESOURCE);
    }

    private static PrivateKey privateKey() {
        try {
            return KeyUtils.decodePrivateKey(resource(PRIVATE_KEY_RESOURCE));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("The development private key is unreadable", e);
        }
    }

    private static String resource(String name) {
        try (InputStream in = DevTokens.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException(name + " is not on the classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
