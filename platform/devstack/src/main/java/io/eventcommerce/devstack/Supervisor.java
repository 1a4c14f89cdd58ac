package io.eventcommerce.devstack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;

/**
 * Keeps the processes of a run alive, as a container runtime would: a service whose JVM exits without being told to
 * is started again on the same port with the same configuration after a {@link Backoff}, and so is, on the
 * {@link EmbeddedStack}, MariaDB, Kafka or Kafka Connect (same ports, same data directory). Every change is written
 * to the {@link RunState} (new pid, state, restart count) so that {@code status} tells the truth and {@code down}
 * stops the restarted process. Also carries out {@code platformctl restart} requests. {@link #close} ends the
 * supervision before the processes are stopped, so nothing is restarted while the platform goes down.
 */
public final class Supervisor implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(Supervisor.class.getName());
    private static final Duration REQUEST_POLL = Duration.ofMillis(500);

    private final RunningServices services;
    private final PlatformStack stack;
    private final RunState state;
    private final Duration readyTimeout;
    private final Backoff backoff;
    private final CountDownLatch closed = new CountDownLatch(1);
    /** Held while a process is started, so that {@link #close} never misses one. */
    private final Object starting = new Object();
    private final Set<String> stopsAsked = ConcurrentHashMap.newKeySet();
    private final Map<String, Supervised> supervised = new LinkedHashMap<>();
    private final List<Thread> threads = new ArrayList<>();
    private volatile boolean stopped;

    private Supervisor(RunningServices services, PlatformStack stack, RunState state, Duration readyTimeout,
                       Backoff backoff) {
        this.services = services;
        this.stack = stack;
        this.state = state;
        this.readyTimeout = readyTimeout;
        this.backoff = backoff;
    }

    /** Supervises every service of {@code services} and the stack's processes with the default back-off. */
    public static Supervisor start(RunningServices services, PlatformStack stack, RunState state,
                                   Duration readyTimeout) {
        return start(services, stack, state, readyTimeout, Backoff.DEFAULT);
    }

    /** As {@link #start(RunningServices, PlatformStack, RunState, Duration)}, with another back-off (tests). */
    public static Supervisor start(RunningServices services, PlatformStack stack, RunState state, Duration readyTimeout,
                                   Backoff backoff) {
        Supervisor supervisor = new Supervisor(services, stack, state, readyTimeout, backoff);
        for (String component : Restartable.NAMES) {
            try {
                Files.deleteIfExists(state.restartRequest(component)); // left for a launcher that is gone
            } catch (IOException e) {
                throw new StackException("Cannot clear " + state.restartRequest(component) + ": " + e.getMessage(), e);
            }
        }
        if (stack instanceof EmbeddedStack embedded) {
            for (String name : EmbeddedStack.PROCESSES) {
                supervisor.supervised.put(name, new StackProcess(embedded, name));
            }
        }
        for (PlatformService service : PlatformService.values()) {
            supervisor.supervised.put(service.serviceName(), new Service(services, service));
        }
        supervisor.supervised.forEach((name, watched) -> supervisor.thread("supervise-" + name,
                () -> supervisor.watch(watched)));
        supervisor.thread("supervisor-requests", supervisor::serveRequests);
        return supervisor;
    }

    private void thread(String name, Runnable body) {
        Thread thread = new Thread(body, name);
        thread.setDaemon(true);
        threads.add(thread);
        thread.start();
    }

    private void watch(Supervised watched) {
        String name = watched.name();
        Backoff delays = backoff.copy();
        long readySince = System.nanoTime();
        int restarts = state.restarts(name);
        state.service(name, watched.pid(), "running", restarts);
        while (!stopped) {
            if (!awaitExit(watched)) {
                return;
            }
            boolean asked = stopsAsked.remove(name);
            Duration readyFor = readySince < 0 ? Duration.ZERO : Duration.ofNanos(System.nanoTime() - readySince);
            Duration delay = asked ? Duration.ZERO : delays.next(readyFor);
            if (!asked && delays.exhausted()) {
                LOG.severe(name + " (pid " + watched.pid() + ") exited with code " + watched.exitCode() + " after "
                        + (delays.attempts() - 1) + " restarts in a row that did not last; giving up. See "
                        + watched.logFile());
                state.service(name, watched.pid(), "dead", restarts);
                return;
            }
            LOG.warning(name + " (pid " + watched.pid() + ") " + (asked ? "stopped as asked" : "exited with code "
                    + watched.exitCode()) + "; starting it again in " + delay.toMillis() / 1000.0 + " s");
            state.service(name, watched.pid(), "restarting", restarts);
            if (pause(delay)) {
                return;
            }
            try {
                synchronized (starting) {
                    if (stopped) {
                        return;
                    }
                    watched.startAgain();
                    restarts++;
                    state.service(name, watched.pid(), "starting", restarts);
                }
                watched.awaitReady(readyTimeout);
                readySince = System.nanoTime();
                state.service(name, watched.pid(), "running", restarts);
                LOG.info(name + " is ready again (pid " + watched.pid() + ", restart " + restarts + ")");
            } catch (StackException e) {
                if (stopped) {
                    return;
                }
                readySince = -1;
                LOG.warning(name + " (pid " + watched.pid() + ") did not become ready: " + e.getMessage());
                watched.kill();
            }
        }
    }

    /** @return false if the supervisor was closed while waiting */
    private boolean awaitExit(Supervised watched) {
        try {
            watched.onExit().get();
            return !stopped;
        } catch (InterruptedException e) {
            return false;
        } catch (ExecutionException e) {
            throw new StackException("Cannot watch " + watched.name(), e);
        }
    }

    /** @return true if the supervisor was closed meanwhile */
    private boolean pause(Duration delay) {
        try {
            return closed.await(delay.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            return true;
        }
    }

    /** {@code platformctl restart <component>} leaves a file in the run folder; carried out here, one at a time. */
    private void serveRequests() {
        while (!pause(REQUEST_POLL)) {
            for (String component : Restartable.NAMES) {
                var request = state.restartRequest(component);
                if (Files.exists(request)) {
                    try {
                        Files.deleteIfExists(request);
                        restart(component);
                    } catch (IOException | RuntimeException e) {
                        LOG.warning("Restarting " + component + " failed: " + e.getMessage());
                    }
                }
            }
        }
    }

    /**
     * A supervised process is stopped (a service gracefully, a stack process killed as in the outage drills) and its
     * watcher starts it again at once. A stack the supervisor does not watch (containers, in tests) is restarted
     * here.
     */
    private void restart(String component) {
        LOG.info("Restarting " + component + " as asked");
        Supervised watched = supervised.get(component);
        if (watched != null) {
            stopsAsked.add(component);
            watched.stop();
            return;
        }
        switch (component) {
            case "connect" -> {
                stack.killConnect();
                stack.startConnect();
            }
            case "mariadb" -> {
                stack.killDatabase();
                stack.startDatabase();
            }
            default -> throw new StackException(component + " cannot be restarted on " + stack.description());
        }
    }

    /** One process the supervisor watches: always the current one of its component. */
    private interface Supervised {

        String name();

        /** The component's process now (a new one after each {@link #startAgain}). */
        ManagedProcess current();

        default long pid() {
            return current().pid();
        }

        default CompletableFuture<?> onExit() {
            return current().onExit();
        }

        default int exitCode() {
            return current().exitCode();
        }

        default Path logFile() {
            return current().logFile();
        }

        /** Starts the component again after its process exited, without waiting for it. */
        void startAgain();

        void awaitReady(Duration timeout);

        /** As {@code platformctl restart} asks. */
        void stop();

        default void kill() {
            current().kill();
        }
    }

    private record Service(RunningServices services, PlatformService service) implements Supervised {

        @Override
        public String name() {
            return service.serviceName();
        }

        @Override
        public ManagedProcess current() {
            return services.get(service).process();
        }

        @Override
        public void startAgain() {
            services.startAgain(service);
        }

        @Override
        public void awaitReady(Duration timeout) {
            services.get(service).awaitReady(timeout);
        }

        @Override
        public void stop() {
            services.get(service).stop();
        }
    }

    /**
     * MariaDB, Kafka or Connect of the embedded stack. Connect counts as ready once its REST API answers; whether its
     * connectors stream again is then checked as at start-up and logged, but a connector that cannot (the database
     * is away too) is no reason to kill the worker again: Debezium retries by itself.
     */
    private record StackProcess(EmbeddedStack stack, String name) implements Supervised {

        @Override
        public ManagedProcess current() {
            return stack.process(name);
        }

        @Override
        public void startAgain() {
            stack.launch(name);
        }

        @Override
        public void awaitReady(Duration timeout) {
            stack.awaitReady(name, timeout);
            if (name.equals("connect")) {
                try {
                    stack.awaitConnectors();
                } catch (StackException e) {
                    LOG.warning("Kafka Connect is back, but its connectors are not streaming yet: " + e.getMessage());
                }
            }
        }

        @Override
        public void stop() {
            stack.kill(name);
        }
    }

    /** What {@code platformctl restart} accepts: every service, and the stack's processes that can start again. */
    static final class Restartable {

        static final List<String> NAMES = names();

        private Restartable() {
        }

        private static List<String> names() {
            List<String> names = new ArrayList<>();
            for (PlatformService service : PlatformService.values()) {
                names.add(service.serviceName());
            }
            names.addAll(EmbeddedStack.PROCESSES);
            return List.copyOf(names);
        }
    }

    /** Stops supervising; returns once no process is being started, so the caller can stop every one of them. */
    @Override
    public void close() {
        synchronized (starting) {
            stopped = true;
        }
        closed.countDown();
        threads.forEach(Thread::interrupt);
        for (Thread thread : threads) {
            try {
                thread.join(TimeUnit.SECONDS.toMillis(5));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
