package io.eventcommerce.compliance.fraud.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The country of an IPv4 address, from a table of address blocks ({@code start,end,country} per line, dotted quads,
 * {@code #} comments): by default the blocks the data generator draws client addresses from
 * ({@code ip-country-blocks.csv}; docs/data-generator.md), in production a GeoIP export in the same three columns
 * ({@code compliance.fraud.ip-blocks-file}). An address outside every block, or an IPv6 one, has no known country:
 * the IP-country feature is then 0, never a guess.
 */
@ApplicationScoped
public class IpCountries {

    private final long[] starts;
    private final long[] ends;
    private final String[] countries;

    @Inject
    public IpCountries(@ConfigProperty(name = "compliance.fraud.ip-blocks-file") Optional<Path> file) {
        this(file.map(IpCountries::read).orElseGet(IpCountries::bundled));
    }

    IpCountries(List<Block> blocks) {
        List<Block> sorted = blocks.stream().sorted((a, b) -> Long.compare(a.start, b.start)).toList();
        starts = sorted.stream().mapToLong(Block::start).toArray();
        ends = sorted.stream().mapToLong(Block::end).toArray();
        countries = sorted.stream().map(Block::country).toArray(String[]::new);
    }

    record Block(long start, long end, String country) {
    }

    public Optional<String> countryOf(String ip) {
        long address = ipv4(ip);
        if (address < 0) {
            return Optional.empty();
        }
        int i = Arrays.binarySearch(starts, address);
        int at = i >= 0 ? i : -i - 2;
        return at >= 0 && address <= ends[at] ? Optional.of(countries[at]) : Optional.empty();
    }

    /** The address as an unsigned 32-bit number, or -1 if it is not a dotted IPv4 quad. */
    static long ipv4(String ip) {
        if (ip == null) {
            return -1;
        }
        String[] parts = ip.trim().split("\\.", -1);
        if (parts.length != 4) {
            return -1;
        }
        long value = 0;
        for (String part : parts) {
            if (part.isEmpty() || part.length() > 3 || !part.chars().allMatch(Character::isDigit)) {
                return -1;
            }
            int octet = Integer.parseInt(part);
            if (octet > 255) {
                return -1;
            }
            value = value << 8 | octet;
        }
        return value;
    }

    private static List<Block> bundled() {
        try (InputStream in = IpCountries.class.getResourceAsStream("/ip-country-blocks.csv")) {
            if (in == null) {
                throw new IllegalStateException("ip-country-blocks.csv is missing from the application");
            }
            return parse(new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<Block> read(Path file) {
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return parse(reader);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the IP blocks of " + file, e);
        }
    }

    static List<Block> parse(BufferedReader reader) throws IOException {
        List<Block> blocks = new ArrayList<>();
        String line;
        int lineNo = 0;
        while ((line = reader.readLine()) != null) {
            lineNo++;
            String trimmed = line.strip();
            if (trimmed.isEmpty() || trimmed.startsWith("#")) {
                continue;
            }
            String[] cells = trimmed.split(",");
            long start = cells.length == 3 ? ipv4(cells[0]) : -1;
            long end = cells.length == 3 ? ipv4(cells[1]) : -1;
            if (start < 0 || end < start || !cells[2].strip().matches("[A-Z]{2}")) {
                throw new IllegalArgumentException("IP blocks, line " + lineNo + ": expected start,end,CC: " + line);
            }
            blocks.add(new Block(start, end, cells[2].strip()));
        }
        return blocks;
    }
}
