package io.eventcommerce.servicekit.security;

import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TokenVerificationSettingsTest {

    @Test
    void aMissingOrBlankIssuerStopsTheStartNamingTheSetting() {
        assertThatThrownBy(() -> TokenVerificationSettings.require(Optional.empty(), TokenVerificationSettings.ISSUER,
                "the issuer")).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("mp.jwt.verify.issuer").hasMessageContaining("MP_JWT_VERIFY_ISSUER");
        assertThatThrownBy(() -> TokenVerificationSettings.require(Optional.of("  "),
                TokenVerificationSettings.AUDIENCES, "the audience"))
                .hasMessageContaining("MP_JWT_VERIFY_AUDIENCES");
        assertThatCode(() -> TokenVerificationSettings.require(Optional.of("https://login.example.com"),
                TokenVerificationSettings.ISSUER, "the issuer")).doesNotThrowAnyException();
    }
}
