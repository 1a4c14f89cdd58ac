package io.eventcommerce.compliance.fraud.model;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * Registers for reflection, in a native executable, the records compliance-service stores as JSON through its own
 * ObjectMapper (not through a REST signature Quarkus sees): a model version's scorecard and its evaluation.
 */
@RegisterForReflection(targets = {
        ScorecardDefinition.class,
        ScorecardDefinition.Term.class,
        ScorecardMetadata.class,
        EvaluationReport.class,
        EvaluationReport.Figures.class
})
public final class ModelReflection {

    private ModelReflection() {
    }
}
