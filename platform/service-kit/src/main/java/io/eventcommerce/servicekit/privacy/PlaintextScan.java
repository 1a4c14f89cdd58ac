package io.eventcommerce.servicekit.privacy;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The self-check after a data-subject erasure: searches every text column of the service's own schema for the
 * plaintext values it held about the person before the erasure. It reads {@code information_schema}, not a list of
 * tables someone must keep up to date, so a column added later is searched too.
 *
 * <p>A match is a case-insensitive substring (the schemas' default collations), so a value kept inside a longer text
 * (a JSON export, a comment) counts as well. It errs on the side of the person: another customer's identical value
 * (a common surname) counts too, and the answer then reports a match for an officer to look at.
 */
@ApplicationScoped
public class PlaintextScan {

    /** What the scan found: how many text columns it searched, and in how many of their values a match was. */
    public record Result(int columnsScanned, long matches) {
    }

    /** The types whose values are text (MySQL 8.4 and MariaDB 11.4 report the same names). */
    private static final List<String> TEXT_TYPES = List.of("char", "varchar", "tinytext", "text", "mediumtext",
            "longtext", "json");

    /** Only these characters: an IPv4 or IPv6 literal, never a name InetAddress would look up. */
    private static final Pattern IP_LITERAL = Pattern.compile("[0-9]{1,3}(\\.[0-9]{1,3}){3}|[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*");

    private final EntityManager em;

    public PlaintextScan(EntityManager em) {
        this.em = em;
    }

    /** Searches the current schema for {@code values} (blank ones are skipped); in the caller's transaction. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Result search(Collection<String> values) {
        List<String> needles = values.stream().filter(Objects::nonNull).map(String::strip)
                .filter(v -> !v.isEmpty()).filter(v -> !nonIdentifyingAddress(v)).distinct().toList();
        @SuppressWarnings("unchecked")
        List<Object[]> columns = em.createNativeQuery("""
                        SELECT table_name, column_name FROM information_schema.columns
                        WHERE table_schema = DATABASE() AND data_type IN (?1)
                        ORDER BY table_name, column_name""")
                .setParameter(1, TEXT_TYPES).getResultList();
        if (needles.isEmpty()) {
            return new Result(columns.size(), 0);
        }
        // One query per table (one scan of it), summing each column's matching rows.
        Map<String, List<String>> byTable = new LinkedHashMap<>();
        for (Object[] column : columns) {
            byTable.computeIfAbsent(column[0].toString(), t -> new ArrayList<>()).add(column[1].toString());
        }
        long matches = 0;
        for (Map.Entry<String, List<String>> table : byTable.entrySet()) {
            String sums = table.getValue().stream().map(PlaintextScan::quote)
                    .map(c -> "COALESCE(SUM(" + needles.stream().map(v -> c + " LIKE ? ESCAPE '!'")
                            .collect(Collectors.joining(" OR ")) + "), 0)")
                    .collect(Collectors.joining(" + "));
            var query = em.createNativeQuery("SELECT " + sums + " FROM " + quote(table.getKey()));
            int position = 1;
            for (int c = 0; c < table.getValue().size(); c++) {
                for (String needle : needles) {
                    query.setParameter(position++, "%" + escape(needle) + "%");
                }
            }
            matches += ((Number) query.getSingleResult()).longValue();
        }
        return new Result(columns.size(), matches);
    }

    /**
     * An IP address that identifies no one: loopback, private (RFC 1918, IPv6 unique-local), link-local or
     * unspecified. Every order placed on a local run comes from 127.0.0.1 and every customer behind one office proxy
     * from the same private address; searching for it would find everyone else's rows and fail every erasure. Public
     * addresses (including the shared 100.64.0.0/10 range) are still searched.
     */
    static boolean nonIdentifyingAddress(String value) {
        if (!IP_LITERAL.matcher(value).matches()) {
            return false;
        }
        try {
            // A literal: InetAddress parses it without a name lookup.
            InetAddress address = InetAddress.getByName(value);
            return address.isLoopbackAddress() || address.isSiteLocalAddress() || address.isLinkLocalAddress()
                    || address.isAnyLocalAddress()
                    || address instanceof Inet6Address && (address.getAddress()[0] & 0xfe) == 0xfc;
        } catch (UnknownHostException e) {
            return false;
        }
    }

    /** Names come from information_schema, never from a caller; quoted all the same. */
    private static String quote(String identifier) {
        return "`" + identifier.replace("`", "``") + "`";
    }

    /** LIKE wildcards in a value are literal characters ('!' as the escape: '\\' differs with NO_BACKSLASH_ESCAPES). */
    private static String escape(String value) {
        return value.replace("!", "!!").replace("%", "!%").replace("_", "!_");
    }
}
