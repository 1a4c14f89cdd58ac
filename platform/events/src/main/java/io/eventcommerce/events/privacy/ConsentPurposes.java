package io.eventcommerce.events.privacy;

import java.util.List;

/**
 * The processing purposes of the platform whose lawful basis is the customer's consent (GDPR Art. 6(1)(a)): the codes
 * of {@code CustomerConsentChanged.purpose} and of a {@link ConsentBasedProcessingReported} report. A contract like
 * an event: orders-service accepts consent to exactly these, compliance-service's register of purposes lists them as
 * CONSENT (a test of each holds it to this list), and a service that starts processing for a new one adds it here.
 */
public final class ConsentPurposes {

    /** Marketing e-mails (newsletters, offers). */
    public static final String MARKETING_EMAIL = "marketing-email";

    /** Product recommendations made from the customer's own orders and views. */
    public static final String PERSONALISED_RECOMMENDATIONS = "personalised-recommendations";

    /** Profiling for analytics beyond what fulfilment and fraud prevention need (segments, lifetime value). */
    public static final String PROFILING_ANALYTICS = "profiling-analytics";

    public static final List<String> ALL = List.of(MARKETING_EMAIL, PERSONALISED_RECOMMENDATIONS,
            PROFILING_ANALYTICS);

    private ConsentPurposes() {
    }

    public static boolean known(String purpose) {
        return ALL.contains(purpose);
    }
}
