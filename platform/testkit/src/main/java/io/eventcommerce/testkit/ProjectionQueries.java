package io.eventcommerce.testkit;

import io.quarkus.runtime.annotations.RegisterForReflection;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The classes a service's queries construct their results from, found in its sources: an HQL {@code select new}
 * (written as {@code "select new " + X.class.getName()} or with the class name in the string) and a Panache
 * {@code project(X.class)}. A native executable needs each registered for reflection; {@link #unregistered}
 * compares them with a {@link RegisterForReflection} class.
 */
public final class ProjectionQueries {

    private static final List<Pattern> USES = List.of(
            Pattern.compile("(?i:select\\s+new)\\s*\"\\s*\\+\\s*([A-Z]\\w*)\\.class\\.getName\\(\\)"),
            Pattern.compile("(?i:select\\s+new)\\s+(?:[a-z]\\w*\\.)*([A-Z]\\w*)\\s*\\("),
            Pattern.compile("\\.project\\(\\s*(?:\\w+\\.)*([A-Z]\\w*)\\.class\\s*\\)"));

    private ProjectionQueries() {
    }

    /** The simple names of the classes used as query results anywhere under {@code sourceRoot}. */
    public static Set<String> in(Path sourceRoot) {
        Set<String> names = new TreeSet<>();
        try (Stream<Path> files = Files.walk(sourceRoot)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                String source = Files.readString(file);
                for (Pattern use : USES) {
                    Matcher matcher = use.matcher(source);
                    while (matcher.find()) {
                        names.add(matcher.group(1));
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return names;
    }

    /** Of the given simple names, those {@code registration}'s {@link RegisterForReflection#targets} lacks. */
    public static Set<String> unregistered(Set<String> used, Class<?> registration) {
        RegisterForReflection annotation = registration.getAnnotation(RegisterForReflection.class);
        Set<String> registered = new TreeSet<>();
        if (annotation != null) {
            for (Class<?> target : annotation.targets()) {
                registered.add(target.getSimpleName());
            }
        }
        Set<String> missing = new TreeSet<>(used);
        missing.removeAll(registered);
        return missing;
    }
}
