package io.eventcommerce.orders.payment.gateway;

import io.eventcommerce.orders.payment.domain.CardToken;
import io.eventcommerce.orders.payment.gateway.PaymentGateway.CardDetails;
import io.eventcommerce.servicekit.pci.CardNumbers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.YearMonth;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Tokenizing and describing cards needs neither the database nor the configuration: those are left out. */
class SimulatedPaymentGatewayTest {

    private final SimulatedPaymentGateway gateway = new SimulatedPaymentGateway(null, null);

    /** A valid 16-digit number starting with {@code bin}: ten more digits, then the Luhn check digit. */
    static String cardNumber(String bin) {
        String body = bin + "123456789";
        for (int check = 0; check <= 9; check++) {
            if (CardNumbers.luhn(body + check)) {
                return body + check;
            }
        }
        throw new IllegalStateException("no check digit for " + body);
    }

    @ParameterizedTest
    @CsvSource({"417500, DE, visa", "520082, DE, mastercard", "497010, FR, visa", "535522, GB, mastercard",
            "462263, NL, visa", "540623, ES, mastercard", "453997, IT, visa", "437744, PL, visa",
            "418745, NG, visa", "515590, BR, mastercard", "411111, US, visa"})
    void theIssuingCountryComesFromTheBinAndTravelsInTheToken(String bin, String country, String brand) {
        CardToken card = gateway.tokenize(new CardDetails(cardNumber(bin), YearMonth.of(2031, 4), "123")).orElseThrow();

        assertThat(card.issuerCountry()).isEqualTo(country);
        assertThat(card.brand()).isEqualTo(brand);
        assertThat(card.token()).matches("tok_sim_approve_" + brand + "_[0-9]{4}_0431_" + country + "_[0-9a-f]{12}");
        assertThat(gateway.describe(card.token())).contains(card);
    }

    @Test
    void everyBinOfTheTableIsSixDigitsAndTokenizesToItsCountry() {
        for (Map.Entry<String, String> entry : SimulatedPaymentGateway.ISSUER_BY_BIN.entrySet()) {
            assertThat(entry.getKey()).matches("[0-9]{6}");
            assertThat(gateway.tokenize(new CardDetails(cardNumber(entry.getKey()), YearMonth.of(2030, 1), "1"))
                    .orElseThrow().issuerCountry()).as(entry.getKey()).isEqualTo(entry.getValue());
        }
    }

    @Test
    void anUnknownBinAndTheClassicTestCardsAreIssuedInTheUs() {
        assertThat(gateway.tokenize(new CardDetails("4242 4242 4242 4242", YearMonth.of(2030, 1), "1"))
                .orElseThrow().issuerCountry()).isEqualTo("US");
        assertThat(gateway.tokenize(new CardDetails("4000000000000002", YearMonth.of(2030, 1), "1"))
                .orElseThrow().token()).startsWith("tok_sim_decline_visa_0002_0130_US_");
        assertThat(gateway.tokenize(new CardDetails(cardNumber("601100"), YearMonth.of(2030, 1), "1"))
                .orElseThrow().issuerCountry()).isEqualTo("US");
    }

    @Test
    void aTokenIssuedBeforeTheCountryWasPartOfItStillDescribesItsCard() {
        CardToken old = gateway.describe("tok_sim_insufficient_mastercard_4444_1230_0123456789ab").orElseThrow();

        assertThat(old.brand()).isEqualTo("mastercard");
        assertThat(old.last4()).isEqualTo("4444");
        assertThat(old.expMonth()).isEqualTo(12);
        assertThat(old.expYear()).isEqualTo(2030);
        assertThat(old.issuerCountry()).isEqualTo("US");
        assertThat(gateway.describe("tok_sim_approve_visa_4242_1230_de_0123456789ab")).isEmpty();
        assertThat(gateway.describe("tok_approve").orElseThrow().issuerCountry()).isEqualTo("US");
    }

    @Test
    void theSameNumberIsTheSameCardWhoeverSavesItAndTheReadyMadeTokensHaveNoFingerprint() {
        CardToken first = gateway.tokenize(new CardDetails(cardNumber("417500"), YearMonth.of(2031, 4), "1")).orElseThrow();
        CardToken again = gateway.tokenize(new CardDetails(cardNumber("417500"), YearMonth.of(2032, 6), "2")).orElseThrow();
        CardToken other = gateway.tokenize(new CardDetails(cardNumber("417501"), YearMonth.of(2031, 4), "1")).orElseThrow();

        assertThat(first.fingerprint()).matches("sim_[0-9a-f]{12}").isEqualTo(again.fingerprint());
        assertThat(other.fingerprint()).isNotEqualTo(first.fingerprint());
        assertThat(first.token()).doesNotContain(cardNumber("417500").substring(0, 12));
        assertThat(gateway.describe("tok_approve").orElseThrow().fingerprint()).isNull();
    }
}
