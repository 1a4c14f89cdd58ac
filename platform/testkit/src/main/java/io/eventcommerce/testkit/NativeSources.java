package io.eventcommerce.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.runtime.annotations.RegisterForReflection;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * What a native build's sources ({@code -Pnative-sources}: {@code target/native-sources/}) hand to native-image: the
 * runner jar, and in it the reflection configuration Quarkus generated. Lets a test check that the platform's
 * {@link RegisterForReflection} classes made it there, without GraalVM.
 */
public final class NativeSources {

    private static final String REFLECT_CONFIG = "META-INF/native-image/reflect-config.json";

    private final Path directory;

    private NativeSources(Path directory) {
        this.directory = directory;
    }

    public static NativeSources in(Path directory) {
        if (!Files.isRegularFile(directory.resolve("native-image.args"))) {
            throw new IllegalStateException("no native-image.args in " + directory.toAbsolutePath()
                    + "; build with -Pnative-sources first");
        }
        return new NativeSources(directory);
    }

    /** The names of the classes the generated reflection configuration registers. */
    public Set<String> registeredForReflection() {
        try (ZipFile jar = new ZipFile(runnerJar().toFile())) {
            ZipEntry entry = jar.getEntry(REFLECT_CONFIG);
            if (entry == null) {
                throw new IllegalStateException(runnerJar() + " has no " + REFLECT_CONFIG);
            }
            Set<String> names = new TreeSet<>();
            try (InputStream in = jar.getInputStream(entry)) {
                for (JsonNode type : new ObjectMapper().readTree(in)) {
                    names.add(type.path("name").asText());
                }
            }
            return names;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The targets of the given registrations that the generated reflection configuration lacks, sorted. */
    public List<String> missing(Class<?>... registrations) {
        Set<String> registered = registeredForReflection();
        List<String> missing = new ArrayList<>();
        for (Class<?> registration : registrations) {
            for (Class<?> target : registration.getAnnotation(RegisterForReflection.class).targets()) {
                if (!registered.contains(target.getName())) {
                    missing.add(target.getName());
                }
            }
        }
        return missing.stream().sorted().toList();
    }

    private Path runnerJar() throws IOException {
        try (Stream<Path> files = Files.list(directory)) {
            return files.filter(file -> file.getFileName().toString().endsWith("-runner.jar")).findFirst()
                    .orElseThrow(() -> new IllegalStateException("no runner jar in " + directory));
        }
    }
}
