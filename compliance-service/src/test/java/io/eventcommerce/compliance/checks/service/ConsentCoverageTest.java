package io.eventcommerce.compliance.checks.service;

import io.eventcommerce.compliance.privacy.service.ProcessingPurposes.LawfulBasis;
import io.eventcommerce.compliance.privacy.service.ProcessingPurposes.Processor;
import io.eventcommerce.compliance.privacy.service.ProcessingPurposes.Purpose;
import io.eventcommerce.servicekit.hash.Sha256;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class ConsentCoverageTest {

    private static final UUID ANNA = UUID.fromString("00000000-0000-0000-0000-00000000000a");
    private static final UUID BEN = UUID.fromString("00000000-0000-0000-0000-00000000000b");

    private static final Map<String, Purpose> REGISTER = Map.of(
            "marketing-email", new Purpose("marketing-email", LawfulBasis.CONSENT, "offers",
                    List.of(new Processor("insights-service", true))),
            "order-fulfilment", new Purpose("order-fulfilment", LawfulBasis.CONTRACT, "orders",
                    List.of(new Processor("orders-service", false))));

    @Test
    void passesWhenEveryProcessedCustomerConsentedAndEveryServiceReportsNothingElse() {
        ComplianceCheck.Result result = ConsentCoverage.judge(REGISTER, Map.of(
                "insights-service", Map.of("marketing-email", List.of(ANNA, BEN)),
                "orders-service", Map.of()), Map.of("marketing-email", Set.of(ANNA, BEN)));

        assertThat(result.findings()).isEmpty();
        assertThat(result.evidence()).containsEntry("customersChecked", 2)
                .containsEntry("processedWithoutConsent", 0L)
                .containsEntry("servicesAnswered", List.of("insights-service", "orders-service"))
                .containsEntry("purposesReported", List.of("marketing-email"))
                .containsEntry("consentBasedPurposesInRegister", List.of("marketing-email"));
    }

    @Test
    void aCustomerProcessedWithoutConsentIsAFindingNamingTheCustomerOnlyByHash() {
        ComplianceCheck.Result result = ConsentCoverage.judge(REGISTER, Map.of(
                "insights-service", Map.of("marketing-email", List.of(ANNA, BEN))),
                Map.of("marketing-email", Set.of(ANNA)));

        assertThat(result.findings()).singleElement().satisfies(f -> {
            assertThat(f.subject()).isEqualTo("consent marketing-email insights-service customer "
                    + Sha256.hex(BEN.toString()));
            assertThat(f.subject() + f.detail()).doesNotContain(BEN.toString());
        });
        assertThat(result.evidence()).containsEntry("processedWithoutConsent", 1L);
    }

    @Test
    void anUnknownPurposeAPurposeNotBasedOnConsentAndAnUnregisteredProcessorAreFindings() {
        ComplianceCheck.Result result = ConsentCoverage.judge(REGISTER, Map.of(
                "catalog-service", Map.of("marketing-email", List.of(ANNA), "newsletter-sms", List.of(BEN)),
                "orders-service", Map.of("order-fulfilment", List.of(ANNA))),
                Map.of("marketing-email", Set.of(ANNA)));

        assertThat(result.findings()).extracting(ComplianceCheck.Finding::subject).containsExactlyInAnyOrder(
                "purpose marketing-email processed by catalog-service",
                "purpose newsletter-sms processed by catalog-service",
                "purpose order-fulfilment processed by orders-service");
        assertThat(result.findings()).extracting(ComplianceCheck.Finding::detail).anySatisfy(d ->
                assertThat(d).contains("does not list")).anySatisfy(d ->
                assertThat(d).contains("lawful basis of order-fulfilment is CONTRACT")).anySatisfy(d ->
                assertThat(d).contains("does not name it as a processor"));
    }
}
