package io.eventcommerce.orders.payment.gateway;

import io.eventcommerce.orders.payment.domain.CardToken;
import io.eventcommerce.servicekit.pci.CardNumbers;
import io.quarkus.arc.DefaultBean;
import jakarta.enterprise.context.ApplicationScoped;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
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
 * </table>
 *
 * A card whose expiry has passed is declined with {@code expired_card}. Tokens are self-describing
 * ({@code tok_sim_<outcome>_<brand>_<last4>_<MMYY>_<random>}), so the simulator keeps no state about cards and a
 * restart loses nothing. Idempotency keys are remembered in memory: a repeated call returns the first outcome.
 */
@DefaultBean
@ApplicationScoped
public class SimulatedPaymentGateway implements PaymentGateway {

    private static final Map<String, String> OUTCOME_BY_CARD = Map.of(
            "4000000000000002", "decline",
            "4000000000009995", "insufficient");
    private static final Map<String, CardToken> READY_MADE = Map.of(
            "tok_approve", new CardToken("tok_approve", "visa", "4242", 12, 2099, "US"),
            "tok_decline", new CardToken("tok_decline", "visa", "0002", 12, 2099, "US"),
            "tok_insufficient_funds", new CardToken("tok_insufficient_funds", "visa", "9995", 12, 2099, "US"));
    private static final Pattern TOKEN = Pattern.compile(
            "tok_sim_(approve|decline|insufficient)_([a-z]+)_([0-9]{4})_([0-9]{2})([0-9]{2})_[0-9a-f]{12}");

    private final Map<String, Outcome> byIdempotencyKey = new ConcurrentHashMap<>();

    @Override
    public Optional<CardToken> tokenize(CardDetails card) {
        String number = card.number().replaceAll("[ -]", "");
        if (!number.matches("[0-9]{13,19}") || !CardNumbers.luhn(number)) {
            return Optional.empty();
        }
        String outcome = OUTCOME_BY_CARD.getOrDefault(number, "approve");
        String brand = brand(number);
        String last4 = number.substring(number.length() - 4);
        String random = UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        String token = String.format("tok_sim_%s_%s_%s_%02d%02d_%s", outcome, brand, last4,
                card.expiry().getMonthValue(), card.expiry().getYear() % 100, random);
        return Optional.of(new CardToken(token, brand, last4, card.expiry().getMonthValue(), card.expiry().getYear(),
                "US"));
    }

    @Override
    public Optional<CardToken> describe(String token) {
        if (READY_MADE.containsKey(token)) {
            return Optional.of(READY_MADE.get(token));
        }
        Matcher m = TOKEN.matcher(token);
        if (!m.matches()) {
            return Optional.empty();
        }
        return Optional.of(new CardToken(token, m.group(2), m.group(3), Integer.parseInt(m.group(4)),
                2000 + Integer.parseInt(m.group(5)), "US"));
    }

    @Override
    public Outcome charge(String token, BigDecimal amount, String currency, String idempotencyKey) {
        return byIdempotencyKey.computeIfAbsent(idempotencyKey, key -> {
            Optional<CardToken> card = describe(token);
            if (card.isEmpty()) {
                return Outcome.declined("invalid_token");
            }
            if (YearMonth.of(card.get().expYear(), card.get().expMonth())
                    .isBefore(YearMonth.now(ZoneOffset.UTC))) {
                return Outcome.declined("expired_card");
            }
            String outcome = token.startsWith("tok_sim_") ? TOKEN.matcher(token).replaceAll("$1")
                    : token.substring("tok_".length());
            return switch (outcome) {
                case "decline" -> Outcome.declined("card_declined");
                case "insufficient", "insufficient_funds" -> Outcome.declined("insufficient_funds");
                default -> Outcome.approved("ch_sim_" + UUID.randomUUID());
            };
        });
    }

    @Override
    public Outcome refund(String chargeReference, BigDecimal amount, String currency, String idempotencyKey) {
        return byIdempotencyKey.computeIfAbsent(idempotencyKey, key -> chargeReference.startsWith("ch_sim_")
                ? Outcome.approved("re_sim_" + UUID.randomUUID()) : Outcome.declined("unknown_charge"));
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
