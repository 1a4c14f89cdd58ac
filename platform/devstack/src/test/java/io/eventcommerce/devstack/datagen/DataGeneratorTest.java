package io.eventcommerce.devstack.datagen;

import com.fasterxml.jackson.databind.JsonNode;
import io.eventcommerce.devstack.datagen.Synthesis.Customer;
import io.eventcommerce.devstack.datagen.Synthesis.Order;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;

/** The request bodies the generator sends, as JSON, and the labels file it writes. */
class DataGeneratorTest {

    private static final Instant NOW = Instant.parse("2026-11-22T00:00:00Z");
    private static final Synthesis SMALL = Synthesis.of(Scale.SMALL, 42, NOW);
    /** Stand-ins for the ids the services answer with: product i's id, customer c's card k's id. */
    private static final List<String> PRODUCT_IDS = new ArrayList<>();
    private static final List<List<String>> CARD_IDS = new ArrayList<>();

    static {
        for (int i = 0; i < SMALL.products.size(); i++) {
            PRODUCT_IDS.add(UUID.nameUUIDFromBytes(("product " + i).getBytes()).toString());
        }
        for (int c = 0; c < SMALL.customers.size(); c++) {
            List<String> cards = new ArrayList<>();
            for (int k = 0; k < SMALL.customers.get(c).cards().size(); k++) {
                cards.add(UUID.nameUUIDFromBytes(("card " + c + " " + k).getBytes()).toString());
            }
            CARD_IDS.add(cards);
        }
    }

    @Test
    void aCustomerImportBatchCarriesIdsRegistrationTimesAndTheFieldsOfRegistration() throws Exception {
        List<Customer> batch = SMALL.customers.subList(0, 3);
        JsonNode json = json(DataGenerator.customerBatch(batch));
        assertThat(names(json)).containsExactly("customers");
        assertThat(json.get("customers")).hasSize(3);
        for (int i = 0; i < 3; i++) {
            JsonNode c = json.get("customers").get(i);
            Customer expected = batch.get(i);
            assertThat(names(c)).containsExactlyInAnyOrder("id", "email", "firstName", "lastName", "country",
                    "segment", "registeredAt");
            assertThat(c.get("id").asText()).isEqualTo(expected.id().toString());
            assertThat(c.get("email").asText()).isEqualTo(expected.email());
            assertThat(c.get("firstName").asText()).isEqualTo(expected.firstName());
            assertThat(c.get("lastName").asText()).isEqualTo(expected.lastName());
            assertThat(c.get("country").asText()).matches("[A-Z]{2}").isEqualTo(expected.country());
            assertThat(c.get("segment").asText()).isIn("NEW", "REGULAR", "VIP", "WHOLESALE");
            assertThat(Instant.parse(c.get("registeredAt").asText())).isEqualTo(expected.registeredAt());
        }
    }

    @Test
    void aCardIsSentForTokenizationAsTheSimulatorTakesIt() throws Exception {
        Synthesis.Card card = SMALL.customers.get(0).cards().get(0);
        JsonNode json = json(DataGenerator.cardBody(card));
        assertThat(names(json)).containsExactlyInAnyOrder("cardNumber", "expMonth", "expYear", "cvc");
        assertThat(json.get("cardNumber").asText()).isEqualTo(card.number()).matches("[0-9]{16}");
        assertThat(json.get("expMonth").asInt()).isBetween(1, 12);
        assertThat(json.get("expYear").asInt()).isBetween(2028, 2032);
        assertThat(json.get("cvc").asText()).matches("[0-9]{3}");
    }

    @Test
    void aChargedBackTakeoverCarriesItsClientIpChargebackNewCardAndAddressesButNoLabel() throws Exception {
        Synthesis seed = Synthesis.of(Scale.SEED, 42, NOW);
        List<List<String>> cards = seed.customers.stream()
                .map(c -> c.cards().stream().map(k -> UUID.randomUUID().toString()).toList()).toList();
        List<String> products = seed.products.stream().map(p -> UUID.randomUUID().toString()).toList();
        Order o = find(seed, x -> x.fraudPattern() == FraudMix.Pattern.ACCOUNT_TAKEOVER && x.chargebackAt() != null
                && x.status().equals("DELIVERED"));
        Customer customer = seed.customers.get(o.customer());
        JsonNode json = json(DataGenerator.orderBody(seed, o, products, cards));

        assertThat(names(json)).containsExactlyInAnyOrder("id", "customerId", "status", "channel", "lines",
                "shippingAddress", "billingAddress", "paymentMethodId", "clientIp", "placedAt", "paidAt",
                "shippedAt", "deliveredAt", "chargebackAt", "shipment");
        assertThat(json.get("id").asText()).isEqualTo(o.id().toString());
        assertThat(json.get("customerId").asText()).isEqualTo(customer.id().toString());
        assertThat(json.get("paymentMethodId").asText()).isEqualTo(cards.get(o.customer()).get(o.card()));
        assertThat(o.card()).as("the takeover's new card").isEqualTo(customer.cards().size() - 1);
        assertThat(json.get("clientIp").asText()).isEqualTo(o.clientIp())
                .matches("[0-9]{1,3}\\.[0-9]{1,3}\\.[0-9]{1,3}\\.[0-9]{1,3}");
        assertThat(Instant.parse(json.get("chargebackAt").asText())).isEqualTo(o.chargebackAt())
                .isAfter(Instant.parse(json.get("paidAt").asText()));
        assertThat(json.get("shippingAddress").get("country").asText()).isEqualTo(o.shipCountry())
                .isNotEqualTo(customer.country());
        assertThat(json.get("billingAddress").get("country").asText()).isEqualTo(o.billingCountry());
        assertThat(names(json.get("shippingAddress"))).containsExactlyInAnyOrder("name", "line1", "city",
                "postalCode", "country");
        // The takeover ships to a new address: not the one the customer's own orders go to.
        Order own = find(seed, x -> x.customer() == o.customer() && x.fraudPattern() == null && !x.newAddress());
        JsonNode home = json(DataGenerator.orderBody(seed, own, products, cards)).get("shippingAddress");
        assertThat(home).isNotEqualTo(json.get("shippingAddress"));
        assertThat(home.get("country").asText()).isEqualTo(customer.country());
        assertThat(json(DataGenerator.orderBody(seed, own, products, cards)).has("chargebackAt"))
                .isEqualTo(own.chargebackAt() != null);
    }

    @Test
    void aDeclinedCardTestIsCancelledPaymentDeclinedUnpaidWithoutAChargeback() throws Exception {
        Order o = find(SMALL, x -> "PAYMENT_DECLINED".equals(x.cancelReason()));
        JsonNode json = json(DataGenerator.orderBody(SMALL, o, PRODUCT_IDS, CARD_IDS));
        assertThat(json.get("status").asText()).isEqualTo("CANCELLED");
        assertThat(json.get("cancelReason").asText()).isEqualTo("PAYMENT_DECLINED");
        assertThat(json.has("cancelledAt")).isTrue();
        assertThat(json.has("paidAt")).isFalse();
        assertThat(json.has("chargebackAt")).isFalse();
        assertThat(json.get("paymentMethodId").asText()).isEqualTo(CARD_IDS.get(o.customer()).get(o.card()));
        assertThat(json.get("lines").get(0).get("productId").asText())
                .isEqualTo(PRODUCT_IDS.get(o.lines().get(0).product()));
    }

    @Test
    void orderBodiesHaveOnlyTheImportsFieldsAndNoDigitRunTheCardGuardWouldRefuse() throws Exception {
        Set<String> fields = new HashSet<>();
        for (Order o : SMALL.orders) {
            String text = PlatformApi.JSON.writeValueAsString(DataGenerator.orderBody(SMALL, o, PRODUCT_IDS, CARD_IDS));
            JsonNode json = PlatformApi.JSON.readTree(text);
            fields.addAll(names(json));
            assertThat(text).doesNotContainPattern("[0-9]{13,}");
            assertThat(json.get("clientIp").asText()).isEqualTo(o.clientIp());
        }
        assertThat(fields).containsExactlyInAnyOrder("id", "customerId", "status", "channel", "lines",
                "shippingAddress", "billingAddress", "paymentMethodId", "clientIp", "placedAt", "paidAt",
                "shippedAt", "deliveredAt", "returnedAt", "cancelledAt", "cancelReason", "chargebackAt", "shipment",
                "returned", "promotionCode", "discount");
    }

    @Test
    void theLabelsFileListsEveryFraudOrderAndEveryLookAlikeWithItsKind() {
        List<String> lines = DataGenerator.fraudLabels(SMALL);
        assertThat(lines.get(0)).isEqualTo("order_id,label,pattern,look_alike,episode,chargeback_at");
        long fraud = SMALL.orders.stream().filter(o -> o.fraudPattern() != null).count();
        long lookAlikes = SMALL.orders.stream().filter(o -> o.lookAlike() != null).count();
        assertThat(lines).hasSize((int) (1 + fraud + lookAlikes));
        Order takeover = find(SMALL, o -> o.fraudPattern() == FraudMix.Pattern.ACCOUNT_TAKEOVER);
        assertThat(lines).contains(String.join(",", takeover.id().toString(), "1", "account-takeover", "",
                String.valueOf(takeover.episode()),
                takeover.chargebackAt() == null ? "" : takeover.chargebackAt().toString()));
        Order gift = find(SMALL, o -> o.lookAlike() == FraudMix.LookAlike.GIFT);
        assertThat(lines).contains(gift.id() + ",0,,gift,," + (gift.chargebackAt() == null ? ""
                : gift.chargebackAt().toString()));
        assertThat(lines.stream().skip(1)).allSatisfy(l -> assertThat(l.split(",", -1)).hasSize(6));
    }

    @Test
    void aPromotedOrderCarriesItsCodeAndDiscountTheOthersNeither() throws Exception {
        Order promoted = find(SMALL, Order::promoted);
        JsonNode json = json(DataGenerator.orderBody(SMALL, promoted, PRODUCT_IDS, CARD_IDS));
        assertThat(json.get("promotionCode").asText()).isEqualTo(SMALL.promotions.get(promoted.promotion()).code());
        assertThat(json.get("discount").decimalValue()).isEqualByComparingTo(promoted.discount());
        JsonNode plain = json(DataGenerator.orderBody(SMALL, find(SMALL, o -> !o.promoted()), PRODUCT_IDS, CARD_IDS));
        assertThat(plain.has("promotionCode")).isFalse();
        assertThat(plain.has("discount")).isFalse();
        // Each line's price is the one in force when it was placed, as the import stores it.
        JsonNode line = json.get("lines").get(0);
        assertThat(line.get("unitPrice").decimalValue()).isEqualByComparingTo(
                SMALL.priceAt(promoted.lines().get(0).product(), promoted.placedAt()));
    }

    @Test
    void theElasticityTruthListsEveryProductWhosePriceVariedWithItsCatalogId() {
        List<String> lines = DataGenerator.elasticityTruth(SMALL, PRODUCT_IDS);
        assertThat(lines.get(0)).isEqualTo("product_id,sku,true_elasticity,reference_price,price_levels");
        assertThat(lines).hasSize(1 + SMALL.schedules.size());
        SMALL.schedules.forEach((product, schedule) -> assertThat(lines).contains(String.join(",",
                PRODUCT_IDS.get(product), SMALL.products.get(product).sku(),
                String.format(java.util.Locale.ROOT, "%.4f", schedule.elasticity()),
                SMALL.products.get(product).price().toPlainString(), String.valueOf(schedule.levels()))));
        List<String> segments = DataGenerator.priceSchedules(SMALL);
        assertThat(segments.get(0)).isEqualTo("sku,valid_from,valid_to,price");
        assertThat(segments).hasSize(1 + SMALL.schedules.values().stream().mapToInt(s -> s.prices().size()).sum());
        for (String segment : segments.subList(1, segments.size())) {
            String[] f = segment.split(",", -1);
            Instant from = Instant.parse(f[1]);
            int product = SMALL.products.indexOf(SMALL.products.stream().filter(p -> p.sku().equals(f[0]))
                    .findFirst().orElseThrow());
            assertThat(SMALL.priceAt(product, from).toPlainString()).isEqualTo(f[3]);
            if (!f[2].isEmpty()) {
                assertThat(SMALL.priceAt(product, Instant.parse(f[2]).minusSeconds(1)).toPlainString())
                        .isEqualTo(f[3]);
            }
        }
    }

    private static Order find(Synthesis s, Predicate<Order> match) {
        return s.orders.stream().filter(match).findFirst().orElseThrow();
    }

    private static JsonNode json(Object body) throws Exception {
        return PlatformApi.JSON.readTree(PlatformApi.JSON.writeValueAsString(body));
    }

    private static List<String> names(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
