package io.eventcommerce.devstack;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One service as its own JVM, run from the {@code quarkus-run.jar} the build produced (the production
 * artifact, prod profile), configured through environment variables as in a container.
 */
public final class ServiceProcess {

    private static final List<String> JVM_OPTIONS = List.of("-Xms64m", "-Xmx384m", "-XX:+UseSerialGC");
    /** The address a service listens on. The local run keeps it on loopback (docs/security.md, "Local run"). */
    public static final String HOST_PROPERTY = "quarkus.http.host";
    public static final String LOOPBACK = "127.0.0.1";
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final PlatformService service;
    private final Path projectRoot;
    private final int port;
    private final Map<String, String> config;
    private final ManagedProcess process;

    private ServiceProcess(PlatformService service, Path projectRoot, int port, Map<String, String> config,
                           ManagedProcess process) {
        this.service = service;
        this.projectRoot = projectRoot;
        this.port = port;
        this.config = Map.copyOf(config);
        this.process = process;
    }

    /**
     * @param config Quarkus properties; passed as environment variables (names per the MicroProfile Config rule:
     *               upper case, every other character an underscore)
     */
    public static ServiceProcess start(PlatformService service, Path projectRoot, int port, Map<String, String> config,
                                       Path logFile) {
        Path jar = service.runnableJar(projectRoot);
        if (!Files.isRegularFile(jar)) {
            throw new StackException(jar + " does not exist; build first: ./mvnw package -DskipTests");
        }
        Map<String, String> environment = new LinkedHashMap<>();
        config.forEach((key, value) -> environment.put(environmentName(key), value));
        environment.put("QUARKUS_HTTP_PORT", String.valueOf(port));
        List<String> command = new ArrayList<>();
        command.add(StackRuntime.java());
        command.addAll(JVM_OPTIONS);
        command.add("-jar");
        command.add(jar.toString());
        ManagedProcess process = ManagedProcess.start(service.serviceName(), command, environment,
                jar.getParent(), logFile);
        return new ServiceProcess(service, projectRoot, port, config, process);
    }

    /**
     * The same service started again after {@link #kill} or {@link #stop}: same jar, port, configuration and log
     * file (appended to), as a supervisor restarts a crashed container on the same host. Does not wait for
     * readiness ({@link #awaitReady}).
     */
    public ServiceProcess restart() {
        if (process.isAlive()) {
            throw new StackException(service.serviceName() + " (pid " + pid() + ") is still running");
        }
        return start(service, projectRoot, port, config, process.logFile());
    }

    public PlatformService service() {
        return service;
    }

    /** Where the service answers: its bind address ({@code quarkus.http.host}), or loopback if it listens on all. */
    public URI uri() {
        String host = config.getOrDefault(HOST_PROPERTY, LOOPBACK);
        if (host.equals("0.0.0.0") || host.equals("::") || host.equals("[::]")) {
            host = LOOPBACK;
        }
        return URI.create("http://" + (host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host)
                + ":" + port);
    }

    /** Completes when the service's JVM has exited: a crash, a kill or a stop. */
    public java.util.concurrent.CompletableFuture<?> onExit() {
        return process.onExit();
    }

    /** The exit code once {@link #onExit} has completed (137 after a SIGKILL, 143 after a SIGTERM). */
    public int exitCode() {
        return process.exitCode();
    }

    public long pid() {
        return process.pid();
    }

    /** The service's JVM, for the supervisor. */
    ManagedProcess process() {
        return process;
    }

    public Path logFile() {
        return process.logFile();
    }

    public void awaitReady(Duration timeout) {
        Await.until(service.serviceName() + " to be ready", timeout, process::checkAlive, () -> isReady(uri()));
    }

    /** {@code GET /q/health/ready} answers 200: database, Kafka and consumers are up. */
    public static boolean isReady(URI service) {
        try {
            HttpResponse<Void> response = HTTP.send(HttpRequest.newBuilder(service.resolve("/q/health/ready"))
                    .timeout(Duration.ofSeconds(5)).GET().build(), HttpResponse.BodyHandlers.discarding());
            return response.statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    public void stop() {
        process.stop(Duration.ofSeconds(30));
    }

    /**
     * SIGKILL, like a crash (an out-of-memory kill, a node lost): no shutdown hook runs, open transactions are
     * rolled back by the database, nothing is flushed. Returns when the service's JVM has exited.
     */
    public void kill() {
        process.kill();
    }

    /** SIGTERM without waiting; {@link #stop} then waits. */
    public void requestStop() {
        process.requestStop();
    }

    static String environmentName(String property) {
        StringBuilder name = new StringBuilder();
        for (char c : property.toCharArray()) {
            name.append(Character.isLetterOrDigit(c) ? Character.toUpperCase(c) : '_');
        }
        return name.toString();
    }
}
