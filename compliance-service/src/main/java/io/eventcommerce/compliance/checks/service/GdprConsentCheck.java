package io.eventcommerce.compliance.checks.service;

import io.eventcommerce.compliance.ComplianceConfig;
import io.eventcommerce.compliance.customer.service.CustomerConsents;
import io.eventcommerce.compliance.privacy.service.ConsentCensus;
import io.eventcommerce.compliance.privacy.service.ProcessingPurposes;
import io.eventcommerce.compliance.privacy.service.ProcessingPurposes.Purpose;
import io.eventcommerce.servicekit.time.Timestamps;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

/**
 * GDPR Art. 6(1)(a) and 7(1): nobody is processed for a purpose that needs consent without it. A run asks every
 * service that holds personal data ({@code compliance.privacy.services}) whom it processes now for such purposes
 * ({@link ConsentCensus}), waits for every answer ({@code compliance.privacy.consent-answer-within}), and holds the
 * answers to the register of processing purposes and the replica of the customers' consents
 * ({@link ConsentCoverage}). A service that does not answer in time makes the run ERROR: what it processes is not
 * known, so the check cannot pass.
 */
@ApplicationScoped
public class GdprConsentCheck implements ComplianceCheck {

    private static final Duration POLL = Duration.ofMillis(200);

    private final ConsentCensus census;
    private final ProcessingPurposes register;
    private final CustomerConsents consents;
    private final ComplianceConfig.Privacy config;

    public GdprConsentCheck(ConsentCensus census, ProcessingPurposes register, CustomerConsents consents,
                            ComplianceConfig config) {
        this.census = census;
        this.register = register;
        this.consents = consents;
        this.config = config.privacy();
    }

    @Override
    public String name() {
        return "gdpr-consent";
    }

    @Override
    public String description() {
        return "GDPR art. 6(1)(a), 7(1), 30: every customer a service (" + String.join(", ", config.services())
                + ") processes for a purpose that needs consent has a current consent to it, and every such purpose "
                + "and processor is in the register of processing purposes (answers within "
                + config.consentAnswerWithin() + ")";
    }

    @Override
    public Result run() {
        Set<String> expected = new TreeSet<>(config.services().stream().map(String::strip).toList());
        UUID question = census.ask();
        try {
            Map<String, Map<String, List<UUID>>> answers = await(question, expected);
            Map<String, Purpose> purposes = register.all();
            Map<String, Set<UUID>> granted = QuarkusTransaction.requiringNew().call(() -> granted(purposes, answers));
            Result judged = ConsentCoverage.judge(purposes, answers, granted);
            Map<String, Object> evidence = new LinkedHashMap<>();
            evidence.put("censusId", question.toString());
            evidence.put("servicesAsked", List.copyOf(expected));
            evidence.putAll(judged.evidence());
            return new Result(judged.findings(), evidence);
        } finally {
            census.forget(question);
        }
    }

    private Map<String, Map<String, List<UUID>>> await(UUID question, Set<String> expected) {
        Instant deadline = Timestamps.now().plus(config.consentAnswerWithin());
        while (true) {
            Map<String, Map<String, List<UUID>>> answers = census.answers(question);
            if (answers.keySet().containsAll(expected)) {
                // A service the check does not wait for (one added to the platform since) is judged all the same.
                return answers;
            }
            if (Timestamps.now().isAfter(deadline)) {
                Set<String> missing = new TreeSet<>(expected);
                missing.removeAll(answers.keySet());
                throw new IllegalStateException("no answer within " + config.consentAnswerWithin() + " from "
                        + String.join(", ", missing) + " (answered: " + String.join(", ", answers.keySet())
                        + "): what they process is not known");
            }
            try {
                Thread.sleep(POLL.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for the services' answers", e);
            }
        }
    }

    private Map<String, Set<UUID>> granted(Map<String, Purpose> purposes,
                                           Map<String, Map<String, List<UUID>>> answers) {
        Map<String, Set<UUID>> reported = new LinkedHashMap<>();
        answers.values().forEach(byPurpose -> byPurpose.forEach((code, ids) ->
                reported.computeIfAbsent(code, c -> new HashSet<>()).addAll(ids)));
        Map<String, Set<UUID>> granted = new LinkedHashMap<>();
        reported.forEach((code, ids) -> {
            Purpose purpose = purposes.get(code);
            if (purpose != null && purpose.consentBased()) {
                granted.put(code, consents.granted(code, ids));
            }
        });
        return granted;
    }
}
