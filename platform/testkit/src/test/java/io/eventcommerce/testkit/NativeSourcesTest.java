package io.eventcommerce.testkit;

import io.quarkus.runtime.annotations.RegisterForReflection;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class NativeSourcesTest {

    record Registered(String name) {
    }

    record Forgotten(String name) {
    }

    @RegisterForReflection(targets = {Registered.class, Forgotten.class})
    static final class Registration {
    }

    @Test
    void namesTheTargetsTheGeneratedConfigurationLacks(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("native-image.args"), "--no-fallback");
        try (OutputStream file = Files.newOutputStream(dir.resolve("app-runner.jar"));
             ZipOutputStream jar = new ZipOutputStream(file)) {
            jar.putNextEntry(new ZipEntry("META-INF/native-image/reflect-config.json"));
            jar.write(("[{\"name\": \"" + Registered.class.getName() + "\", \"allDeclaredConstructors\": true}]")
                    .getBytes(StandardCharsets.UTF_8));
            jar.closeEntry();
        }

        NativeSources sources = NativeSources.in(dir);

        assertThat(sources.registeredForReflection()).containsExactly(Registered.class.getName());
        assertThat(sources.missing(Registration.class)).containsExactly(Forgotten.class.getName());
    }

    @Test
    void aDirectoryWithoutNativeSourcesSaysHowToMakeThem(@TempDir Path dir) {
        assertThatThrownBy(() -> NativeSources.in(dir)).hasMessageContaining("-Pnative-sources");
    }
}
