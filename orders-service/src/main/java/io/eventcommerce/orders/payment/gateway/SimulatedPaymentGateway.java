package io.eventcommerce.orders.payment.gateway;

import io.eventcommerce.orders.OrdersConfig;
import io.eventcommerce.orders.payment.domain.CardToken;
import io.eventcommerce.servicekit.pci.CardNumbers;
import io.eventcommerce.servicekit.time.Timestamps;
import io.quarkus.arc.DefaultBean;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.interceptor.Interceptor;
import jakarta.persistence.EntityManager;
import org.hibernate.query.NativeQuery;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A payment gateway that moves no money, for development, tests and demos. Its behaviour is chosen by the card,
 * as with real gateways' test modes (documented in docs/payments.md):
 *
 * <table>
 *   <tr><th>card number</th><th>ready-made token</th><th>charge</th></tr>
 *   <tr><td>4242 4242 4242 4242 (Visa), 5555 5555 5555 4444 (Mastercard), any other valid number</td>
 *       <td>{@code tok_approve}</td><td>approved</td></tr>
 *   <tr><td>4000 0000 0000 0002</td><td>{@code tok_decline}</td><td>declined, {@code card_declined}</td></tr>
 *   <tr><td>4000 0000 0000 9995</td><td>{@code tok_insufficient_funds}</td>
 *       <td>declined, {@code insufficient_funds}</td></tr>
 *   <tr><td>—</td><td>{@code tok_flaky_<n>}</td><td>the first n calls with a key fail as unavailable, then
 *       approved</td></tr>
 *   <tr><td>—</td><td>{@code tok_unresponsive}</td><td>every call (charge, lookup) times out at once</td></tr>
 * </table>
 *
 * A card whose expiry has passed is declined with {@code expired_card}. The issuing country comes from the card
 * number's first six digits (its BIN) by {@link #ISSUER_BY_BIN}, a table of made-up test BINs (docs/payments.md), so
 * test data can hold cards issued where it chooses; any other number is issued in the US. Tokens are self-describing
 * ({@code tok_sim_<outcome>_<brand>_<last4>_<MMYY>_<country>_<random>}; tokens issued before the country was part of
 * them, without it, still work and say US), so the simulator keeps no state about cards. Its calls
 * are remembered by idempotency key in its own table ({@code simulated_gateway_call}), each in its own transaction
 * (REQUIRES_NEW, as a remote gateway's would be), so a repeated call returns the first answer, a restart of the
 * service never charges twice, and {@link #lookup} works.
 * <p>
 * It moves no money and approves any valid test card, so it refuses to start unless
 * {@code orders.payment.gateway=simulator} is set explicitly (%dev and %test set it).
 */
@DefaultBean
@ApplicationScoped
public class SimulatedPaymentGateway implements PaymentGateway {

    public static final String NAME = "simulator";

    private static final Map<String, String> OUTCOME_BY_CARD = Map.of(
            "4000000000000002", "decline",
            "4000000000009995", "insufficient");
    private static final Map<String, CardToken> READY_MADE = Map.of(
            "tok_approve", new CardToken("tok_approve", "visa", "4242", 12, 2099, "US"),
            "tok_decline", new CardToken("tok_decline", "visa", "0002", 12, 2099, "US"),
            "tok_insufficient_funds", new CardToken("tok_insufficient_funds", "visa", "9995", 12, 2099, "US"),
            "tok_unresponsive", new CardToken("tok_unresponsive", "visa", "4242", 12, 2099, "US"));
    private static final Pattern TOKEN = Pattern.compile(
            "tok_sim_(approve|decline|insufficient)_([a-z]+)_([0-9]{4})_([0-9]{2})([0-9]{2})(?:_([A-Z]{2}))?"
                    + "_([0-9a-f]{12})");

    /** Where cards that the table does not know are issued, as before the table existed. */
    public static final String DEFAULT_ISSUER = "US";

    /**
     * The simulator's test BINs (first six digits of a card number) and the country that issues them: a Visa and a
     * Mastercard prefix per country. Made up for the simulator, not the real issuers of these ranges; complete any of
     * them to a valid number (Luhn check digit last) and tokenize it for a card issued in that country.
     */
    public static final Map<String, String> ISSUER_BY_BIN = Map.ofEntries(
            Map.entry("411111", "US"), Map.entry("555555", "US"),
            Map.entry("417500", "DE"), Map.entry("520082", "DE"),
            Map.entry("497010", "FR"), Map.entry("513100", "FR"),
            Map.entry("465901", "GB"), Map.entry("535522", "GB"),
            Map.entry("462263", "NL"), Map.entry("539994", "NL"),
            Map.entry("454881", "ES"), Map.entry("540623", "ES"),
            Map.entry("453997", "IT"), Map.entry("532451", "IT"),
            Map.entry("437744", "PL"), Map.entry("535470", "PL"),
            Map.entry("418745", "NG"), Map.entry("539923", "NG"),
            Map.entry("406655", "BR"), Map.entry("515590", "BR"),
            // Visa only: the other countries the data generator issues cards in (datagen CardBins).
            Map.entry("412400", "CA"), Map.entry("403600", "AU"), Map.entry("439200", "JP"),
            Map.entry("435600", "IN"), Map.entry("475200", "SE"), Map.entry("448400", "MX"),
            Map.entry("437200", "IE"), Map.entry("404000", "AT"), Map.entry("475600", "CH"),
            Map.entry("420800", "DK"), Map.entry("455400", "NZ"));
    private static final Pattern FLAKY = Pattern.compile("tok_flaky_([0-9]{1,3})");
    private static final String UNRESPONSIVE = "tok_unresponsive";

    private final EntityManager entityManager;
    private final OrdersConfig config;

    public SimulatedPaymentGateway(EntityManager entityManager, OrdersConfig config) {
        this.entityManager = entityManager;
        this.config = config;
    }

    /**
     * Fails the start-up unless the simulator was chosen explicitly: a deployment that forgot to configure its
     * gateway must not accept {@code tok_approve} as money and ship the goods. Early (PLATFORM_BEFORE), so it fails
     * before the consumers start.
     */
    void refuseUnlessChosen(@Observes @Priority(Interceptor.Priority.PLATFORM_BEFORE) StartupEvent started) {
        String chosen = config.payment().gateway().orElse(null);
        if (!NAME.equals(chosen)) {
            throw new IllegalStateException("orders-service has no real payment gateway, only the built-in simulator, "
                    + "which moves no money and approves test cards. Refusing to start"
                    + (chosen == null ? "" : " (orders.payment.gateway is '" + chosen + "')")
                    + ": set orders.payment.gateway=simulator (ORDERS_PAYMENT_GATEWAY=simulator) only for a demo or "
                    + "test deployment, or deploy a PaymentGateway implementation for a real gateway.");
        }
    }

    @Override
    public Optional<CardToken> tokenize(CardDetails card) {
        String number = card.number().replaceAll("[ -]", "");
        if (!number.matches("[0-9]{13,19}") || !CardNumbers.luhn(number)) {
            return Optional.empty();
        }
        String outcome = OUTCOME_BY_CARD.getOrDefault(number, "approve");
        String brand = brand(number);
        String last4 = number.substring(number.length() - 4);
        String country = issuerCountry(number);
        String token = String.format("tok_sim_%s_%s_%s_%02d%02d_%s_%s", outcome, brand, last4,
                card.expiry().getMonthValue(), card.expiry().getYear() % 100, country, numberDigest(number));
        return describe(token);
    }

    @Override
    public Optional<CardToken> describe(String token) {
        if (READY_MADE.containsKey(token)) {
            return Optional.of(READY_MADE.get(token));
        }
        if (FLAKY.matcher(token).matches()) {
            return Optional.of(new CardToken(token, "visa", "4242", 12, 2099, "US"));
        }
        Matcher m = TOKEN.matcher(token);
        if (!m.matches()) {
            return Optional.empty();
        }
        return Optional.of(new CardToken(token, m.group(2), m.group(3), Integer.parseInt(m.group(4)),
                2000 + Integer.parseInt(m.group(5)), m.group(6) == null ? DEFAULT_ISSUER : m.group(6),
                "sim_" + m.group(7)));
    }

    /**
     * The last part of a token: 12 hex digits of the SHA-256 of the card number, so the same number gives the same
     * token and fingerprint (as a real gateway's card fingerprint does) and the number cannot be read back. A token
     * issued before (12 random hex digits) is a card of its own.
     */
    private static String numberDigest(String number) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(("simulated-card:" + number).getBytes(StandardCharsets.US_ASCII));
            return HexFormat.of().formatHex(digest, 0, 6);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    @Override
    public Outcome charge(String token, BigDecimal amount, String currency, String idempotencyKey) {
        return call("CHARGE", idempotencyKey, token, amount, currency, calls -> {
            if (UNRESPONSIVE.equals(token)) {
                return null;
            }
            Matcher flaky = FLAKY.matcher(token);
            if (flaky.matches() && calls <= Integer.parseInt(flaky.group(1))) {
                return null;
            }
            return decide(token);
        });
    }

    private Outcome decide(String token) {
        Optional<CardToken> card = describe(token);
        if (card.isEmpty()) {
            return Outcome.declined("invalid_token");
        }
        if (YearMonth.of(card.get().expYear(), card.get().expMonth()).isBefore(YearMonth.now(ZoneOffset.UTC))) {
            return Outcome.declined("expired_card");
        }
        String outcome = token.startsWith("tok_sim_") ? TOKEN.matcher(token).replaceAll("$1")
                : token.substring("tok_".length());
        return switch (outcome) {
            case "decline" -> Outcome.declined("card_declined");
            case "insufficient", "insufficient_funds" -> Outcome.declined("insufficient_funds");
            default -> Outcome.approved("ch_sim_" + UUID.randomUUID());
        };
    }

    @Override
    public Outcome refund(String chargeReference, BigDecimal amount, String currency, String idempotencyKey) {
        return call("REFUND", idempotencyKey, null, amount, currency, calls -> chargeReference.startsWith("ch_sim_")
                ? Outcome.approved("re_sim_" + UUID.randomUUID()) : Outcome.declined("unknown_charge"));
    }

    @Override
    public Optional<Outcome> lookup(String idempotencyKey) {
        List<Object[]> rows = QuarkusTransaction.requiringNew().call(() -> rows(
                "SELECT token, approved, reference, decline_code FROM simulated_gateway_call WHERE idem_key = ?1",
                idempotencyKey));
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        Object[] row = rows.get(0);
        if (UNRESPONSIVE.equals(row[0])) {
            throw new GatewayUnavailableException("simulated gateway: lookup timed out", true);
        }
        return Optional.ofNullable(outcome(row[1], row[2], row[3]));
    }

    /** What the simulator answers to the n-th call with a key (n counts from 1); null: the call fails unanswered. */
    private interface Answer {
        Outcome to(int calls);
    }

    /**
     * One call, remembered by key in its own transaction: the first answered call's outcome is kept and every later
     * call gets it back. A call left unanswered is counted, then fails as unavailable (or, for
     * {@code tok_unresponsive}, as a timeout) once its transaction has committed.
     */
    private Outcome call(String operation, String key, String token, BigDecimal amount, String currency,
                         Answer answer) {
        Outcome outcome = QuarkusTransaction.requiringNew().call(() -> {
            Timestamp now = Timestamp.from(Timestamps.now());
            // INSERT IGNORE then a locking read: concurrent first calls with one key serialize on its row.
            // Nullable values are bound with their type: a bare null gives the driver no type to bind.
            sql("INSERT IGNORE INTO simulated_gateway_call (idem_key, operation, token, "
                            + "amount, currency, calls, created_at, updated_at) VALUES (?1, ?2, ?3, ?4, ?5, 0, ?6, ?6)")
                    .setParameter(1, key).setParameter(2, operation).setParameter(3, token, String.class)
                    .setParameter(4, amount).setParameter(5, currency).setParameter(6, now)
                    .executeUpdate();
            Object[] row = rows("SELECT calls, approved, reference, decline_code FROM simulated_gateway_call "
                    + "WHERE idem_key = ?1 FOR UPDATE", key).get(0);
            int calls = ((Number) row[0]).intValue() + 1;
            Outcome known = outcome(row[1], row[2], row[3]);
            Outcome given = known != null ? known : answer.to(calls);
            sql("UPDATE simulated_gateway_call SET calls = ?2, approved = ?3, "
                            + "reference = ?4, decline_code = ?5, updated_at = ?6 WHERE idem_key = ?1")
                    .setParameter(1, key).setParameter(2, calls)
                    .setParameter(3, given == null ? null : given.approved(), Boolean.class)
                    .setParameter(4, given == null ? null : given.reference(), String.class)
                    .setParameter(5, given == null ? null : given.declineCode(), String.class)
                    .setParameter(6, now)
                    .executeUpdate();
            return given;
        });
        if (outcome == null) {
            boolean timedOut = UNRESPONSIVE.equals(token);
            throw new GatewayUnavailableException("simulated gateway: " + operation.toLowerCase()
                    + (timedOut ? " timed out" : " failed, gateway unavailable"), timedOut);
        }
        return outcome;
    }

    private NativeQuery<?> sql(String sql) {
        return entityManager.createNativeQuery(sql).unwrap(NativeQuery.class);
    }

    @SuppressWarnings("unchecked")
    private List<Object[]> rows(String sql, String key) {
        return entityManager.createNativeQuery(sql).setParameter(1, key).getResultList();
    }

    private static Outcome outcome(Object approved, Object reference, Object declineCode) {
        if (approved == null) {
            return null;
        }
        boolean yes = approved instanceof Boolean b ? b : ((Number) approved).intValue() != 0;
        return new Outcome(yes, (String) reference, (String) declineCode);
    }

    /** The country that issued a card number (digits only), by its BIN; {@link #DEFAULT_ISSUER} if unknown. */
    public static String issuerCountry(String number) {
        return number.length() < 6 ? DEFAULT_ISSUER : ISSUER_BY_BIN.getOrDefault(number.substring(0, 6), DEFAULT_ISSUER);
    }

    private static String brand(String number) {
        if (number.startsWith("4")) {
            return "visa";
        }
        if (number.matches("5[1-5].*|2[2-7].*")) {
            return "mastercard";
        }
        if (number.matches("3[47].*")) {
            return "amex";
        }
        return "other";
    }
}
