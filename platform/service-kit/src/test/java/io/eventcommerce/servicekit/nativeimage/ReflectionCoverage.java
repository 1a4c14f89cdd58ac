package io.eventcommerce.servicekit.nativeimage;

import io.quarkus.runtime.annotations.RegisterForReflection;

import java.lang.reflect.Field;
import java.lang.reflect.GenericArrayType;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.lang.reflect.WildcardType;
import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Which of the platform's own classes Jackson reaches from some roots, and which of those a
 * {@link RegisterForReflection} registration leaves out. Reachable: the roots, the types of their record components
 * (or, for a plain class, its instance fields), generic arguments and array elements of those, the permitted
 * subtypes of a sealed interface, and the nested records and enums of each, recursively. Only classes under the
 * given package count: the JDK types (UUID, BigDecimal, Instant, List) have serializers of their own.
 *
 * <p>Nested classes must be listed themselves: a registration is only trusted for what it names.
 */
final class ReflectionCoverage {

    private ReflectionCoverage() {
    }

    /** The classes the registrations name ({@code targets}, {@code classNames}, else the annotated class itself). */
    static Set<Class<?>> registeredBy(Class<?>... registrations) {
        Set<Class<?>> registered = new LinkedHashSet<>();
        for (Class<?> registration : registrations) {
            RegisterForReflection annotation = registration.getAnnotation(RegisterForReflection.class);
            if (annotation == null) {
                throw new IllegalArgumentException(registration.getName() + " is not annotated @RegisterForReflection");
            }
            registered.addAll(List.of(annotation.targets()));
            for (String name : annotation.classNames()) {
                try {
                    registered.add(Class.forName(name, false, registration.getClassLoader()));
                } catch (ClassNotFoundException e) {
                    throw new IllegalArgumentException(registration.getName() + " names an unknown class " + name, e);
                }
            }
            if (annotation.targets().length == 0 && annotation.classNames().length == 0) {
                registered.add(registration);
            }
        }
        return registered;
    }

    /** Every class under {@code packagePrefix} reachable from the roots (see the class comment). */
    static Set<Class<?>> reachable(Collection<Class<?>> roots, String packagePrefix) {
        Set<Class<?>> seen = new LinkedHashSet<>();
        Deque<Type> todo = new ArrayDeque<>(roots);
        while (!todo.isEmpty()) {
            Type type = todo.pop();
            if (type instanceof ParameterizedType parameterized) {
                todo.push(parameterized.getRawType());
                todo.addAll(List.of(parameterized.getActualTypeArguments()));
            } else if (type instanceof GenericArrayType array) {
                todo.push(array.getGenericComponentType());
            } else if (type instanceof WildcardType wildcard) {
                todo.addAll(List.of(wildcard.getUpperBounds()));
                todo.addAll(List.of(wildcard.getLowerBounds()));
            } else if (type instanceof TypeVariable<?> variable) {
                todo.addAll(List.of(variable.getBounds()));
            } else if (type instanceof Class<?> clazz) {
                if (clazz.isArray()) {
                    todo.push(clazz.getComponentType());
                } else if (clazz.getName().startsWith(packagePrefix) && seen.add(clazz)) {
                    todo.addAll(members(clazz));
                }
            }
        }
        return seen;
    }

    /** The reachable classes the registrations do not name, sorted by name; empty when the registration is complete. */
    static List<String> missing(Collection<Class<?>> roots, String packagePrefix, Class<?>... registrations) {
        Set<Class<?>> registered = registeredBy(registrations);
        return reachable(roots, packagePrefix).stream()
                .filter(clazz -> !registered.contains(clazz))
                .filter(clazz -> !clazz.isInterface())
                .map(Class::getName)
                .sorted()
                .toList();
    }

    private static List<Type> members(Class<?> clazz) {
        List<Type> members = new java.util.ArrayList<>();
        if (clazz.isRecord()) {
            for (RecordComponent component : clazz.getRecordComponents()) {
                members.add(component.getGenericType());
            }
        } else if (!clazz.isEnum() && !clazz.isInterface()) {
            for (Field field : clazz.getDeclaredFields()) {
                if (!Modifier.isStatic(field.getModifiers()) && !field.isSynthetic()) {
                    members.add(field.getGenericType());
                }
            }
        }
        if (clazz.isSealed()) {
            members.addAll(List.of(clazz.getPermittedSubclasses()));
        }
        for (Class<?> nested : clazz.getDeclaredClasses()) {
            if (nested.isRecord() || nested.isEnum()) {
                members.add(nested);
            }
        }
        return members;
    }
}
