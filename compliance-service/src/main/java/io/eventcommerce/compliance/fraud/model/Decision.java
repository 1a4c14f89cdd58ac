package io.eventcommerce.compliance.fraud.model;

import io.eventcommerce.events.compliance.FraudAssessed;

/**
 * The three answers to the saga, in order of severity, so that a hard rule's floor and the score's decision combine
 * by taking the more severe one. {@link #code()} is the value of {@code FraudAssessed.decision}.
 */
public enum Decision {

    APPROVE(FraudAssessed.APPROVE),
    REVIEW(FraudAssessed.REVIEW),
    REJECT(FraudAssessed.REJECT);

    private final String code;

    Decision(String code) {
        this.code = code;
    }

    /** {@link FraudAssessed#APPROVE}, {@link FraudAssessed#REVIEW} or {@link FraudAssessed#REJECT}. */
    public String code() {
        return code;
    }

    /** The more severe of the two. */
    public Decision atLeast(Decision floor) {
        return compareTo(floor) >= 0 ? this : floor;
    }

    /**
     * @throws IllegalArgumentException for anything but the three codes
     */
    public static Decision fromCode(String code) {
        for (Decision decision : values()) {
            if (decision.code.equals(code)) {
                return decision;
            }
        }
        throw new IllegalArgumentException("unknown decision " + code);
    }
}
