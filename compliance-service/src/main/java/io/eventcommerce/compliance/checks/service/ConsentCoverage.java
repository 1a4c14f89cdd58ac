package io.eventcommerce.compliance.checks.service;

import io.eventcommerce.compliance.privacy.service.ProcessingPurposes.Purpose;
import io.eventcommerce.servicekit.hash.Sha256;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

/**
 * The rule of the gdpr-consent check, as pure logic (GDPR Art. 6(1)(a), 7(1), 30(1)(b)): whatever a service reports
 * to process on the customers' consent must be a purpose of the register whose lawful basis is CONSENT, the service
 * must be named in the register as one of its processors, and every customer it processes for it must have a current,
 * granted consent to that purpose. Customer ids appear in findings only as their SHA-256, like other alert subjects.
 */
public final class ConsentCoverage {

    private ConsentCoverage() {
    }

    /**
     * @param register the register of processing purposes, by code
     * @param reports  service → purpose code → customer ids it processes for that purpose (every service answered)
     * @param granted  purpose code → the reported customers with a current, granted consent to it
     */
    public static ComplianceCheck.Result judge(Map<String, Purpose> register,
                                               Map<String, Map<String, List<UUID>>> reports,
                                               Map<String, Set<UUID>> granted) {
        List<ComplianceCheck.Finding> findings = new ArrayList<>();
        Set<UUID> customers = new HashSet<>();
        Set<String> purposes = new HashSet<>();
        long withoutConsent = 0;
        Map<String, Map<String, Integer>> processed = new TreeMap<>();
        for (Map.Entry<String, Map<String, List<UUID>>> report : new TreeMap<>(reports).entrySet()) {
            String service = report.getKey();
            for (Map.Entry<String, List<UUID>> entry : new TreeMap<>(report.getValue()).entrySet()) {
                String code = entry.getKey();
                Set<UUID> ids = new HashSet<>(entry.getValue());
                purposes.add(code);
                customers.addAll(ids);
                processed.computeIfAbsent(service, s -> new TreeMap<>()).put(code, ids.size());
                Purpose purpose = register.get(code);
                String subject = "purpose " + code + " processed by " + service;
                if (purpose == null) {
                    findings.add(new ComplianceCheck.Finding(subject, service + " processes " + ids.size()
                            + " customer(s) on their consent for " + code + ", a purpose the register does not list"));
                    continue;
                }
                if (!purpose.consentBased()) {
                    findings.add(new ComplianceCheck.Finding(subject, service + " reports processing for " + code
                            + " on consent, but the register's lawful basis of " + code + " is "
                            + purpose.lawfulBasis() + ": the register or the service is wrong"));
                    continue;
                }
                if (!purpose.processedBy(service)) {
                    findings.add(new ComplianceCheck.Finding(subject, service + " processes " + ids.size()
                            + " customer(s) for " + code + " but the register does not name it as a processor"));
                }
                Set<UUID> consented = granted.getOrDefault(code, Set.of());
                for (UUID customer : ids.stream().sorted().toList()) {
                    if (!consented.contains(customer)) {
                        withoutConsent++;
                        String hash = Sha256.hex(customer.toString());
                        findings.add(new ComplianceCheck.Finding("consent " + code + " " + service + " customer "
                                + hash, service + " processes customer " + hash + " for " + code
                                + " without a current, granted consent"));
                    }
                }
            }
        }
        Map<String, Object> evidence = new LinkedHashMap<>();
        evidence.put("servicesAnswered", List.copyOf(new TreeMap<>(reports).keySet()));
        evidence.put("purposesInRegister", register.size());
        evidence.put("consentBasedPurposesInRegister", register.values().stream().filter(Purpose::consentBased)
                .map(Purpose::code).sorted().toList());
        evidence.put("purposesReported", purposes.stream().sorted().toList());
        evidence.put("customersChecked", customers.size());
        evidence.put("processedWithoutConsent", withoutConsent);
        evidence.put("customersPerServiceAndPurpose", processed);
        return new ComplianceCheck.Result(findings, evidence);
    }
}
