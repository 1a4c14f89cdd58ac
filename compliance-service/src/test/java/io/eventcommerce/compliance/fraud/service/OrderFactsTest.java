package io.eventcommerce.compliance.fraud.service;

import io.eventcommerce.events.orders.PaymentMethodRef;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class OrderFactsTest {

    @Test
    void theGatewaysFingerprintTellsCardsApartWhenTheEventCarriesOne() {
        PaymentMethodRef alice = new PaymentMethodRef(UUID.randomUUID(), "visa", "4242", 12, 2099, "US",
                "method_" + UUID.randomUUID());
        PaymentMethodRef bob = new PaymentMethodRef(UUID.randomUUID(), "visa", "4242", 12, 2099, "US",
                "method_" + UUID.randomUUID());
        PaymentMethodRef stolen = new PaymentMethodRef(UUID.randomUUID(), "visa", "1111", 1, 2030, "DE", "sim_0123456789ab");
        PaymentMethodRef stolenElsewhere = new PaymentMethodRef(UUID.randomUUID(), "visa", "1111", 2, 2031, "DE",
                "sim_0123456789ab");

        assertThat(OrderFacts.cardFingerprint(alice)).isNotEqualTo(OrderFacts.cardFingerprint(bob));
        assertThat(OrderFacts.cardFingerprint(stolen)).isEqualTo(OrderFacts.cardFingerprint(stolenElsewhere));
    }

    @Test
    void anEventWithoutFingerprintIsToldApartByWhatItShowsOfTheCard() {
        PaymentMethodRef one = new PaymentMethodRef(UUID.randomUUID(), "visa", "4242", 12, 2099, "US");
        PaymentMethodRef same = new PaymentMethodRef(UUID.randomUUID(), "VISA", "4242", 12, 2099, "US");
        PaymentMethodRef other = new PaymentMethodRef(UUID.randomUUID(), "visa", "4242", 11, 2099, "US");

        assertThat(OrderFacts.cardFingerprint(one)).isEqualTo(OrderFacts.cardFingerprint(same))
                .isNotEqualTo(OrderFacts.cardFingerprint(other)).hasSize(64);
        assertThat(OrderFacts.cardFingerprint(null)).isNull();
    }
}
