package io.eventcommerce.systemtests;

import io.eventcommerce.devstack.Backoff;
import io.eventcommerce.devstack.EmbeddedStack;
import io.eventcommerce.devstack.Launcher;
import io.eventcommerce.devstack.PlatformStack;
import io.eventcommerce.devstack.RunState;
import io.eventcommerce.devstack.RunningServices;
import io.eventcommerce.devstack.Supervisor;
import io.eventcommerce.testkit.Deadlines;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The system tests' platform under the launcher's {@link Supervisor}, with a run folder of its own whose state file
 * {@code platformctl status} reads, as {@code ./platformctl up} sets them up. The back-off is the one thing that
 * differs: the supervisor waits {@link #HOLD} before a restart, twice the saga's reply timeout, so an order placed
 * while a process is away is known to time out before the process is back, instead of either ending.
 */
final class SupervisedRun implements AutoCloseable {

    static final Duration HOLD = Platform.SAGA_TIMEOUT.multipliedBy(2);

    private final Path root;
    private final Supervisor supervisor;

    private SupervisedRun(Path root, Supervisor supervisor) {
        this.root = root;
        this.supervisor = supervisor;
    }

    static SupervisedRun start(String folder) {
        RunningServices services = Platform.services();
        PlatformStack stack = Platform.stack();
        Path root = Path.of("target", folder).toAbsolutePath();
        RunState state = RunState.read(root.resolve(".platform"));
        state.delete();
        Map<String, Long> pids = new HashMap<>(stack instanceof EmbeddedStack embedded ? embedded.pids() : Map.of());
        pids.put("launcher", ProcessHandle.current().pid());
        state.started(stack, pids, services);
        try {
            return new SupervisedRun(root, Supervisor.start(services, stack, state, Duration.ofMinutes(3),
                    new Backoff(HOLD, HOLD, Duration.ofMinutes(1), 10)));
        } catch (RuntimeException e) {
            state.delete();
            throw e;
        }
    }

    /** The state file as another process ({@code status}, {@code down}) reads it now. */
    RunState state() {
        return RunState.read(root.resolve(".platform"));
    }

    long pid(String name) {
        return Long.parseLong(state().get(name + ".pid"));
    }

    /** What {@code ./platformctl status} prints for this run. */
    String status() {
        StringWriter out = new StringWriter();
        CommandLine commandLine = new CommandLine(new Launcher());
        commandLine.setOut(new PrintWriter(out));
        commandLine.execute("status", "--root", root.toString());
        return out.toString();
    }

    /** Waits until {@code status} reports {@code name} in {@code health}, e.g. RESTARTING during the back-off. */
    void awaitStatus(String name, String health) {
        await().atMost(Deadlines.ASYNC).until(() -> status().lines().anyMatch(l -> l.matches(name + " +" + health
                + " .*")));
    }

    /**
     * Waits until the supervisor has recorded {@code name} running again in a new process after its
     * {@code restarts}th restart; returns the new pid, alive.
     */
    long awaitRestarted(String name, long killed, int restarts) {
        await().atMost(Deadlines.ASYNC).untilAsserted(() -> {
            RunState now = state();
            assertThat(now.get(name + ".pid")).isNotEqualTo(String.valueOf(killed));
            assertThat(now.get(name + ".state")).isEqualTo("running");
            assertThat(now.restarts(name)).isEqualTo(restarts);
        });
        long restarted = pid(name);
        assertThat(ProcessHandle.of(restarted)).get().matches(ProcessHandle::isAlive);
        assertThat(ProcessHandle.of(killed)).isEmpty();
        return restarted;
    }

    @Override
    public void close() {
        supervisor.close();
        state().delete();
    }
}
