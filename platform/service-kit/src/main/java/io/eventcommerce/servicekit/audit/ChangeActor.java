package io.eventcommerce.servicekit.audit;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Who caused a database change, carried into the binary log inside the statement itself: every INSERT, UPDATE and
 * DELETE a service sends starts with a comment {@code /* ec-actor:<actor>;<request>;<via> *}{@code /}. The server
 * keeps the statement text beside its row events (MariaDB {@code binlog_annotate_row_events}, on by default;
 * MySQL {@code binlog_rows_query_log_events=ON}), Debezium's audit connector copies it into {@code source.query}
 * ({@code include.query=true}), and compliance-service reads the actor from there. So each row change names its
 * actor on its own: no join with a context row in another topic, no wait for one that may never come, and a bulk
 * statement's rows share one statement, hence one actor and request.
 *
 * <p>The three parts are URL-encoded (UTF-8), so none can close the comment or inject SQL: the encoded form holds
 * only letters, digits and {@code %+-._*}.
 *
 * @param actor   who: a token's subject ({@code user:alice}), or the service itself ({@code service:orders-service})
 * @param request the request or event that caused it: an HTTP request id, an event id, a job name
 * @param via     how it came in: {@link #HTTP}, {@link #EVENT} or {@link #JOB}
 */
public record ChangeActor(String actor, String request, String via) {

    public static final String HTTP = "http";
    public static final String EVENT = "event";
    public static final String JOB = "job";

    private static final String PREFIX = "/* ec-actor:";
    private static final Pattern COMMENT =
            Pattern.compile("/\\* ec-actor:([A-Za-z0-9%+\\-._*]*);([A-Za-z0-9%+\\-._*]*);([A-Za-z0-9%+\\-._*]*) \\*/");

    public ChangeActor {
        Objects.requireNonNull(actor, "actor");
        request = request == null ? "" : request;
        via = via == null ? "" : via;
    }

    /** The comment that goes in front of a statement, followed by one space. */
    public String comment() {
        return PREFIX + encode(actor) + ";" + encode(request) + ";" + encode(via) + " */ ";
    }

    /** {@code sql} with this actor's comment in front; a statement that already carries one is left as it is. */
    public String annotate(String sql) {
        return sql.startsWith(PREFIX) ? sql : comment() + sql;
    }

    /**
     * The actor of a statement as the binary log kept it ({@code source.query} of a Debezium change event), or empty
     * when it carries none (a change made by hand, by a migration, or by a statement sent around the service).
     * Only a comment at the very start counts: text inside the statement's values cannot pose as its actor.
     */
    public static Optional<ChangeActor> of(String statement) {
        if (statement == null) {
            return Optional.empty();
        }
        String trimmed = statement.stripLeading();
        if (!trimmed.startsWith(PREFIX)) {
            return Optional.empty();
        }
        Matcher matcher = COMMENT.matcher(trimmed);
        if (!matcher.lookingAt()) {
            return Optional.empty();
        }
        try {
            return Optional.of(new ChangeActor(decode(matcher.group(1)), decode(matcher.group(2)),
                    decode(matcher.group(3))));
        } catch (IllegalArgumentException malformedEscape) {
            return Optional.empty();
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static String decode(String value) {
        return URLDecoder.decode(value, StandardCharsets.UTF_8);
    }
}
