package io.eventcommerce.servicekit.privacy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class PlaintextScanTest {

    @ParameterizedTest
    @ValueSource(strings = {"127.0.0.1", "10.1.2.3", "192.168.0.10", "172.16.5.4", "169.254.1.1", "0.0.0.0", "::1",
            "fd12:3456:789a::1", "fe80::1"})
    void addressesThatIdentifyNoOneAreNotSearched(String address) {
        assertThat(PlaintextScan.nonIdentifyingAddress(address)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"100.64.7.9", "81.2.69.142", "2001:db8::7", "Ada", "12 Main Street", "ada@example.com",
            "12:30", "localhost"})
    void publicAddressesAndEverythingElseAre(String value) {
        assertThat(PlaintextScan.nonIdentifyingAddress(value)).isFalse();
    }
}
