package io.eventcommerce.compliance.fraud.model;

import io.eventcommerce.events.compliance.FraudAssessed;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DecisionPolicyTest {

    @Test
    void thresholdsAreInclusiveLowerBounds() {
        DecisionPolicy policy = new DecisionPolicy(0.3, 0.7);

        assertThat(policy.decide(0.0)).isEqualTo(Decision.APPROVE);
        assertThat(policy.decide(0.2999)).isEqualTo(Decision.APPROVE);
        assertThat(policy.decide(0.3)).isEqualTo(Decision.REVIEW);
        assertThat(policy.decide(0.6999)).isEqualTo(Decision.REVIEW);
        assertThat(policy.decide(0.7)).isEqualTo(Decision.REJECT);
        assertThat(policy.decide(1.0)).isEqualTo(Decision.REJECT);
        assertThat(policy.threshold(Decision.REVIEW)).isEqualTo(0.3);
        assertThat(policy.threshold(Decision.REJECT)).isEqualTo(0.7);
    }

    @Test
    void reviewMustComeStrictlyBeforeReject() {
        assertThatThrownBy(() -> new DecisionPolicy(0.5, 0.5)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new DecisionPolicy(0.6, 0.5)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new DecisionPolicy(0.0, 0.5)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new DecisionPolicy(0.5, 1.01)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new DecisionPolicy(Double.NaN, 0.5)).isInstanceOf(IllegalArgumentException.class);
        assertThat(new DecisionPolicy(0.01, 1.0).rejectAt()).isEqualTo(1.0);
        assertThat(DecisionPolicy.defaults().reviewAt()).isLessThan(DecisionPolicy.defaults().rejectAt());
    }

    @Test
    void decisionCodesAreTheEventsConstants() {
        assertThat(Decision.APPROVE.code()).isEqualTo(FraudAssessed.APPROVE);
        assertThat(Decision.REVIEW.code()).isEqualTo(FraudAssessed.REVIEW);
        assertThat(Decision.REJECT.code()).isEqualTo(FraudAssessed.REJECT);
        assertThat(Decision.fromCode(FraudAssessed.REVIEW)).isEqualTo(Decision.REVIEW);
        assertThatThrownBy(() -> Decision.fromCode("MAYBE")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void atLeastTakesTheMoreSevere() {
        assertThat(Decision.APPROVE.atLeast(Decision.REVIEW)).isEqualTo(Decision.REVIEW);
        assertThat(Decision.REJECT.atLeast(Decision.REVIEW)).isEqualTo(Decision.REJECT);
        assertThat(Decision.REVIEW.atLeast(Decision.APPROVE)).isEqualTo(Decision.REVIEW);
    }
}
