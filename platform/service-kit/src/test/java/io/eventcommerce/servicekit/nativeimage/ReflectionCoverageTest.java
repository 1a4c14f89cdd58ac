package io.eventcommerce.servicekit.nativeimage;

import io.quarkus.runtime.annotations.RegisterForReflection;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ReflectionCoverageTest {

    private static final String HERE = ReflectionCoverageTest.class.getPackageName();

    enum Colour { RED }

    record Leaf(UUID id, Colour colour) {
    }

    record Keyed(String key) {
    }

    sealed interface Shape permits Square {
    }

    record Square(int side) implements Shape {
    }

    record Root(String name, List<Leaf> leaves, Map<String, Optional<Keyed>> byKey, Shape[] shapes, Inner inner) {
        record Inner(long value) {
        }

        /** Not a component: reachable only because it is nested in a record Jackson may meet. */
        enum Unused { A }
    }

    @RegisterForReflection(targets = {Root.class, Root.Inner.class, Root.Unused.class, Leaf.class, Colour.class,
            Keyed.class, Square.class})
    static final class Complete {
    }

    @RegisterForReflection(targets = {Root.class, Root.Unused.class, Leaf.class, Colour.class, Keyed.class})
    static final class ForgetsTwo {
    }

    @RegisterForReflection(classNames = "io.eventcommerce.servicekit.nativeimage.ReflectionCoverageTest$Square")
    static final class ByName {
    }

    @Test
    void walksComponentsGenericArgumentsArraysSealedSubtypesAndNestedTypes() {
        assertThat(ReflectionCoverage.reachable(List.of(Root.class), HERE)).containsExactlyInAnyOrder(
                Root.class, Root.Inner.class, Root.Unused.class, Leaf.class, Colour.class, Keyed.class,
                Shape.class, Square.class);
    }

    @Test
    void aCompleteRegistrationMissesNothing() {
        assertThat(ReflectionCoverage.missing(List.of(Root.class), HERE, Complete.class)).isEmpty();
    }

    @Test
    void namesEveryClassTheRegistrationLeavesOut() {
        assertThat(ReflectionCoverage.missing(List.of(Root.class), HERE, ForgetsTwo.class))
                .containsExactly(Root.Inner.class.getName(), Square.class.getName());
    }

    @Test
    void registrationsAddUpAndCountClassNames() {
        assertThat(ReflectionCoverage.missing(List.of(Root.class), HERE, ForgetsTwo.class, ByName.class))
                .containsExactly(Root.Inner.class.getName());
    }

    @Test
    void aClassWithoutTheAnnotationIsNotARegistration() {
        assertThatThrownBy(() -> ReflectionCoverage.registeredBy(String.class))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
