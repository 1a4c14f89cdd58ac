package io.eventcommerce.servicekit.hash;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class Sha256Test {

    @Test
    void matchesTheStandardTestVectors() {
        // FIPS 180-2, appendix B.1, and the digest of the empty message.
        assertThat(Sha256.hex("abc"))
                .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
        assertThat(Sha256.hex(""))
                .isEqualTo("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    }

    @Test
    void hashesTheUtf8BytesOfTheText() {
        // "é" is C3 A9 in UTF-8 (printf 'é' | sha256sum); its Latin-1 byte E9 would give de2e331d...
        assertThat(Sha256.hex("é"))
                .isEqualTo("4a99557e4033c3539de2eb65472017cad5f9557f7a0625a09f1c3f6e2ba69c4c");
    }
}
