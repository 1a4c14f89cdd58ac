package io.eventcommerce.devstack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.IntUnaryOperator;

/**
 * Every service of the platform running on a stack, each its own JVM from its built {@code quarkus-run.jar}: what
 * {@code ./platformctl up} starts and what the system tests run against.
 */
public final class RunningServices implements AutoCloseable {

    private final Map<PlatformService, ServiceProcess> services;

    private RunningServices(Map<PlatformService, ServiceProcess> services) {
        this.services = services;
    }

    /**
     * Starts all services in parallel and waits until each is ready; stops the ones already started if any fails.
     *
     * @param port    the HTTP port of a service given its default port (return 0 for any free port)
     * @param workDir receives {@code logs/<service>.log} and the development JWT public key
     */
    public static RunningServices start(PlatformStack stack, Path projectRoot, Path workDir, IntUnaryOperator port,
                                        Duration timeout) {
        return start(stack, projectRoot, workDir, port, timeout, Map.of());
    }

    /** @param overrides configuration per service that replaces the local defaults (tests set short timeouts) */
    public static RunningServices start(PlatformStack stack, Path projectRoot, Path workDir, IntUnaryOperator port,
                                        Duration timeout, Map<PlatformService, Map<String, String>> overrides) {
        Path publicKey = writePublicKey(workDir);
        Map<PlatformService, ServiceProcess> started = new EnumMap<>(PlatformService.class);
        RunningServices running = new RunningServices(started);
        try {
            for (PlatformService service : PlatformService.values()) {
                Map<String, String> config = new LinkedHashMap<>(service.stackConfig(stack));
                config.putAll(service.localConfig());
                // Loopback unless told otherwise: the development signing key is in the repository, so a service
                // reachable from the network would accept anyone's admin token (docs/security.md, "Local run").
                config.put(ServiceProcess.HOST_PROPERTY, ServiceProcess.LOOPBACK);
                config.putAll(overrides.getOrDefault(service, Map.of()));
                config.put("mp.jwt.verify.publickey.location", publicKey.toString());
                started.put(service, ServiceProcess.start(service, projectRoot,
                        Ports.resolve(port.applyAsInt(service.defaultPort())), config,
                        workDir.resolve("logs").resolve(service.serviceName() + ".log")));
            }
            CompletableFuture.allOf(started.values().stream()
                    .map(s -> CompletableFuture.runAsync(() -> s.awaitReady(timeout)))
                    .toArray(CompletableFuture[]::new)).join();
            return running;
        } catch (RuntimeException e) {
            running.close();
            Throwable cause = e instanceof CompletionException && e.getCause() != null ? e.getCause() : e;
            throw cause instanceof StackException s ? s : new StackException(cause.getMessage(), cause);
        }
    }

    /** The service's current process (a new one after {@link #restart}). */
    public synchronized ServiceProcess get(PlatformService service) {
        return services.get(service);
    }

    public synchronized List<ServiceProcess> all() {
        return new ArrayList<>(services.values());
    }

    /** SIGKILLs one service's JVM, like a crash ({@link ServiceProcess#kill}); returns once it has exited. */
    public void kill(PlatformService service) {
        get(service).kill();
    }

    /**
     * Starts a killed or stopped service again on the same port with the same configuration and waits until it is
     * ready; {@link #get} then returns the new process.
     */
    public ServiceProcess restart(PlatformService service, Duration timeout) {
        ServiceProcess restarted = startAgain(service);
        restarted.awaitReady(timeout);
        return restarted;
    }

    /**
     * Starts a service whose process has exited again, without waiting for readiness; {@link #get} returns the new
     * process at once, so {@link #close} stops it even while it is still starting.
     */
    public synchronized ServiceProcess startAgain(PlatformService service) {
        ServiceProcess restarted = services.get(service).restart();
        services.put(service, restarted);
        return restarted;
    }

    /**
     * Stops every service: all are told at once (a Quarkus service takes several seconds to shut down, and one
     * after the other they outlasted the 30 s a test JVM is given to exit, which left services running), then each
     * is awaited, killed if it has not stopped in time.
     */
    @Override
    public void close() {
        List<ServiceProcess> reversed = all();
        java.util.Collections.reverse(reversed);
        reversed.forEach(ServiceProcess::requestStop);
        reversed.forEach(ServiceProcess::stop);
    }

    private static Path writePublicKey(Path workDir) {
        try {
            Path publicKey = workDir.toAbsolutePath().resolve("dev-jwt/public-key.pem");
            Files.createDirectories(publicKey.getParent());
            Files.writeString(publicKey, DevTokens.publicKeyPem());
            return publicKey;
        } catch (IOException e) {
            throw new StackException("Cannot write the development public key: " + e.getMessage(), e);
        }
    }
}
