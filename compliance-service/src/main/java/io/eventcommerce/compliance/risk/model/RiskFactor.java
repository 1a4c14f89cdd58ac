package io.eventcommerce.compliance.risk.model;

/**
 * What a customer's risk score is made of. Each is a fact a compliance officer can check in the fraud review (the
 * customer's assessments, labels and payments), so the score explains itself: the factors with the largest
 * contributions are why a customer is rated as it is. {@link #code()} is the stable name stored with each score.
 */
public enum RiskFactor {

    MAX_FRAUD_SCORE("MAX_FRAUD_SCORE",
            "Highest fraud score of the customer's orders in the window (an order an officer approved counts 0)"),
    MEAN_FRAUD_SCORE("MEAN_FRAUD_SCORE",
            "Mean fraud score of the customer's orders in the window (an order an officer approved counts 0)"),
    CHARGEBACKS("CHARGEBACKS", "Fraud chargebacks on the customer's orders"),
    OFFICER_REJECTIONS("OFFICER_REJECTIONS", "The customer's orders a compliance officer rejected"),
    FRAUD_LABELS("FRAUD_LABELS", "The customer's orders labelled fraud by an imported label"),
    DECLINES_IN_A_ROW("DECLINES_IN_A_ROW", "The customer's payment declines in a row"),
    ACCOUNT_AGE_DAYS("ACCOUNT_AGE_DAYS", "Age of the customer's account in days (young accounts add, old subtract)");

    private final String code;
    private final String description;

    RiskFactor(String code, String description) {
        this.code = code;
        this.description = description;
    }

    public String code() {
        return code;
    }

    public String description() {
        return description;
    }

    public static RiskFactor ofCode(String code) {
        for (RiskFactor f : values()) {
            if (f.code.equals(code)) {
                return f;
            }
        }
        throw new IllegalArgumentException("no risk factor " + code);
    }
}
