package io.eventcommerce.servicekit.nativeimage;

import io.eventcommerce.events.EventEnvelope;
import io.eventcommerce.events.EventType;
import io.eventcommerce.events.Events;
import io.eventcommerce.servicekit.problem.Problem;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A native executable only lets Jackson see the records registered for reflection; an event record left out
 * would fail at run time, on the first event of that type, and never in a JVM test. This test fails instead.
 */
class ContractReflectionTest {

    @Test
    void everyRecordReachableFromTheEventsAndProblemIsRegistered() {
        List<Class<?>> roots = new ArrayList<>(List.of(EventEnvelope.class, Problem.class));
        Events.ALL.stream().map(EventType::dataClass).forEach(roots::add);

        assertThat(ReflectionCoverage.missing(roots, "io.eventcommerce.", ContractReflection.class))
                .as("records Jackson reaches from Events.ALL and Problem but not registered in %s",
                        ContractReflection.class.getSimpleName())
                .isEmpty();
        assertThat(ReflectionCoverage.reachable(roots, "io.eventcommerce."))
                .as("the walk reaches nested records (a sanity check of the walk itself)")
                .contains(io.eventcommerce.events.catalog.StockReserved.Allocation.class, Problem.FieldError.class);
    }

    @Test
    void registersNothingBeyondWhatIsReachable() {
        List<Class<?>> roots = new ArrayList<>(List.of(EventEnvelope.class, Problem.class));
        Events.ALL.stream().map(EventType::dataClass).forEach(roots::add);

        assertThat(ReflectionCoverage.registeredBy(ContractReflection.class))
                .as("registered but no longer reachable (a removed event or field type)")
                .isSubsetOf(ReflectionCoverage.reachable(roots, "io.eventcommerce."));
    }
}
