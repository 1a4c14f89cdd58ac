package io.eventcommerce.servicekit.security;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.Config;

import java.util.Optional;

/**
 * A service never starts without knowing whose tokens it accepts. SmallRye JWT checks a token's issuer and audience
 * only if {@code mp.jwt.verify.issuer} and {@code mp.jwt.verify.audiences} are set, and silently accepts any issuer
 * or audience otherwise; so a deployment that forgot either fails at start-up with a message naming the setting,
 * instead of trusting every token signed with its key. The audience defaults to {@code eventcommerce} in every
 * service's configuration; the issuer has no default outside the development and test profiles.
 */
@ApplicationScoped
public class TokenVerificationSettings {

    static final String ISSUER = "mp.jwt.verify.issuer";
    static final String AUDIENCES = "mp.jwt.verify.audiences";

    void check(@Observes StartupEvent event, Config config) {
        require(config.getOptionalValue(ISSUER, String.class), ISSUER,
                "the issuer (iss) of the identity provider whose tokens this service accepts");
        require(config.getOptionalValue(AUDIENCES, String.class), AUDIENCES,
                "the audience (aud) tokens must be issued for");
    }

    static void require(Optional<String> value, String property, String what) {
        if (value.map(String::isBlank).orElse(true)) {
            throw new IllegalStateException("Token verification is not configured: set " + property + " ("
                    + property.toUpperCase().replace('.', '_') + ") to " + what + "; without it any "
                    + "token signed with the key would be accepted");
        }
    }
}
