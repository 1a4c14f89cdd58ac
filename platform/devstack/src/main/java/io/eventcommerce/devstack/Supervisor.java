package io.eventcommerce.devstack;

import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;

/**
 * Keeps the services of a run alive, as a container runtime would: a service whose JVM exits without being told to
 * is started again on the same port with the same configuration after a {@link Backoff}, and every change is
 * written to the {@link RunState} (new pid, state, restart count) so that {@code status} tells the truth and
 * {@code down} stops the restarted process. Also carries out {@code platformctl restart} requests. {@link #close}
 * ends the supervision before the services are stopped, so nothing is restarted while the platform goes down.
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
    private final Set<PlatformService> stopsAsked = ConcurrentHashMap.newKeySet();
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

    /** Supervises every service of {@code services} with the default back-off (1 s doubling to 30 s). */
    public static Supervisor start(RunningServices services, PlatformStack stack, RunState state,
                                   Duration readyTimeout) {
        return start(services, stack, state, readyTimeout, Backoff.DEFAULT);
    }

    static Supervisor start(RunningServices services, PlatformStack stack, RunState state, Duration readyTimeout,
                            Backoff backoff) {
        Supervisor supervisor = new Supervisor(services, stack, state, readyTimeout, backoff);
        for (String component : Restartable.NAMES) {
            try {
                Files.deleteIfExists(state.restartRequest(component)); // left for a launcher that is gone
            } catch (IOException e) {
                throw new StackException("Cannot clear " + state.restartRequest(component) + ": " + e.getMessage(), e);
            }
        }
        for (PlatformService service : PlatformService.values()) {
            supervisor.thread("supervise-" + service.serviceName(), () -> supervisor.watch(service));
        }
        supervisor.thread("supervisor-requests", supervisor::serveRequests);
        return supervisor;
    }

    private void thread(String name, Runnable body) {
        Thread thread = new Thread(body, name);
        thread.setDaemon(true);
        threads.add(thread);
        thread.start();
    }

    private void watch(PlatformService service) {
        String name = service.serviceName();
        Backoff delays = backoff.copy();
        ServiceProcess current = services.get(service);
        long readySince = System.nanoTime();
        int restarts = state.restarts(name);
        state.service(name, current.pid(), "running", restarts);
        while (!stopped) {
            if (!awaitExit(current)) {
                return;
            }
            boolean asked = stopsAsked.remove(service);
            Duration readyFor = readySince < 0 ? Duration.ZERO : Duration.ofNanos(System.nanoTime() - readySince);
            Duration delay = asked ? Duration.ZERO : delays.next(readyFor);
            if (!asked && delays.exhausted()) {
                LOG.severe(name + " (pid " + current.pid() + ") exited with code " + current.exitCode() + " after "
                        + (delays.attempts() - 1) + " restarts in a row that did not last; giving up. See "
                        + current.logFile());
                state.service(name, current.pid(), "dead", restarts);
                return;
            }
            LOG.warning(name + " (pid " + current.pid() + ") " + (asked ? "stopped as asked" : "exited with code "
                    + current.exitCode()) + "; starting it again in " + delay.toMillis() / 1000.0 + " s");
            state.service(name, current.pid(), "restarting", restarts);
            if (pause(delay)) {
                return;
            }
            synchronized (starting) {
                if (stopped) {
                    return;
                }
                current = services.startAgain(service);
                restarts++;
                state.service(name, current.pid(), "starting", restarts);
            }
            try {
                current.awaitReady(readyTimeout);
                readySince = System.nanoTime();
                state.service(name, current.pid(), "running", restarts);
                LOG.info(name + " is ready again (pid " + current.pid() + ", restart " + restarts + ")");
            } catch (StackException e) {
                if (stopped) {
                    return;
                }
                readySince = -1;
                LOG.warning(name + " (pid " + current.pid() + ") did not become ready: " + e.getMessage());
                current.kill();
            }
        }
    }

    /** @return false if the supervisor was closed while waiting */
    private boolean awaitExit(ServiceProcess process) {
        try {
            process.onExit().get();
            return !stopped;
        } catch (InterruptedException e) {
            return false;
        } catch (ExecutionException e) {
            throw new StackException("Cannot watch " + process.service().serviceName(), e);
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

    private void restart(String component) {
        LOG.info("Restarting " + component + " as asked");
        switch (component) {
            case "connect" -> {
                stack.killConnect();
                stack.startConnect();
                recordStackPids();
            }
            case "mariadb" -> {
                stack.killDatabase();
                stack.startDatabase();
                recordStackPids();
            }
            default -> {
                PlatformService service = PlatformService.byName(component);
                stopsAsked.add(service);
                services.get(service).stop(); // the watcher starts it again at once
            }
        }
    }

    private void recordStackPids() {
        if (stack instanceof EmbeddedStack embedded) {
            embedded.pids().forEach((name, pid) -> state.put(java.util.Map.of(name + ".pid", String.valueOf(pid))));
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
            names.addAll(List.of("connect", "mariadb"));
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
