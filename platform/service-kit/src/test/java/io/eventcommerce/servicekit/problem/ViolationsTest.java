package io.eventcommerce.servicekit.problem;

import jakarta.validation.Valid;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ViolationsTest {

    private final Validator validator = Validation.byDefaultProvider().configure()
            .messageInterpolator(new ParameterMessageInterpolator()).buildValidatorFactory().getValidator();

    record Line(@NotNull String productId, @Min(1) int quantity) {
    }

    record Order(@NotNull String customerId, @NotEmpty List<@NotNull @Valid Line> lines,
                 Map<String, @NotNull String> tags) {
    }

    static class Api {
        public void place(@NotNull @Valid Order request, @Min(1) int size) {
        }
    }

    @Test
    void fieldsAreNamedAsTheClientWroteThemIncludingListIndexes() {
        Order order = new Order(null, List.of(new Line("p", 1), new Line(null, 0)), Map.of());

        assertThat(Violations.fieldErrors(validator.validate(order)))
                .extracting(Problem.FieldError::field)
                .containsExactly("customerId", "lines[1].productId", "lines[1].quantity");
    }

    @Test
    void methodAndParameterNamesAreDroppedAndAViolatedParameterIsNamedAfterIt() throws Exception {
        var method = Api.class.getMethod("place", Order.class, int.class);
        Order order = new Order("c", List.of(new Line("p", 0)), Map.of());

        var violations = validator.forExecutables().validateParameters(new Api(), method, new Object[]{order, 0});

        assertThat(Violations.fieldErrors(violations)).extracting(Problem.FieldError::field)
                .containsExactly("lines[0].quantity", "size");
    }
}
