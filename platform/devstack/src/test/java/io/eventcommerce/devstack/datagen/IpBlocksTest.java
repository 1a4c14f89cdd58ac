package io.eventcommerce.devstack.datagen;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class IpBlocksTest {

    /** compliance-service geolocates client IPs with its own copy of the table; the two must not drift. */
    @Test
    void complianceServiceGeolocatesWithTheSameBlocks() throws IOException {
        Path csv = Path.of(System.getProperty("platform.root", "../.."))
                .resolve("compliance-service/src/main/resources/ip-country-blocks.csv");
        Map<String, String> compliance = new LinkedHashMap<>();
        for (String line : Files.readAllLines(csv)) {
            if (!line.isBlank() && !line.startsWith("#")) {
                String[] cells = line.split(",");
                assertThat(cells[1]).isEqualTo(cells[0].replaceFirst("\\.0\\.0$", ".255.255"));
                compliance.put(cells[2], cells[0] + "/16");
            }
        }
        assertThat(compliance).isEqualTo(IpBlocks.table());
    }

    @Test
    void eachCountryHasItsOwnSixteenBitBlockInsideTheSharedAddressSpace() {
        assertThat(IpBlocks.table()).hasSize(20).containsEntry("US", "100.64.0.0/16")
                .containsEntry("DE", "100.66.0.0/16").containsEntry("NZ", "100.83.0.0/16");
        assertThat(new HashSet<>(IpBlocks.table().values())).hasSize(20);
        IpBlocks.table().values().forEach(block -> assertThat(block).matches("100\\.(6[4-9]|[7-9][0-9]|1[01][0-9]|12[0-7])\\.0\\.0/16"));
    }

    @Test
    void addressesLieInTheirCountrysBlockAndGeolocateBack() {
        Set<String> addresses = new HashSet<>();
        IpBlocks.table().forEach((country, block) -> {
            String prefix = block.substring(0, block.indexOf(".0.0/16")) + ".";
            for (long n : new long[]{0, 1, 253, 254, 65_000, 1L << 40, -1, Long.MIN_VALUE}) {
                String ip = IpBlocks.address(country, n);
                assertThat(ip).startsWith(prefix);
                String[] octets = ip.split("\\.");
                assertThat(Integer.parseInt(octets[2])).isBetween(0, 255);
                assertThat(Integer.parseInt(octets[3])).isBetween(1, 254);
                assertThat(IpBlocks.country(ip)).contains(country);
                addresses.add(ip);
            }
        });
        assertThat(IpBlocks.address("FR", 1)).isNotEqualTo(IpBlocks.address("FR", 2));
        assertThat(addresses.size()).isGreaterThan(20 * 5);
    }

    @Test
    void addressesOutsideTheTableHaveNoCountry() {
        assertThat(IpBlocks.country("100.84.0.1")).isEmpty();
        assertThat(IpBlocks.country("100.63.0.1")).isEmpty();
        assertThat(IpBlocks.country("192.168.1.1")).isEmpty();
        assertThat(IpBlocks.country("not an address")).isEmpty();
        assertThatThrownBy(() -> IpBlocks.address("XX", 1)).isInstanceOf(IllegalArgumentException.class);
    }
}
