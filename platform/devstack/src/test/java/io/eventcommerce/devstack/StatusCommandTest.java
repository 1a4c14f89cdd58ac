package io.eventcommerce.devstack;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** What {@code status} makes of a stack process from the state file and the process table. */
class StatusCommandTest {

    private static final String ALIVE = String.valueOf(ProcessHandle.current().pid());
    private static final String GONE = String.valueOf(Long.MAX_VALUE - 1);

    @TempDir
    Path runDir;

    private RunState state(String pid, String recorded) {
        RunState state = RunState.read(runDir);
        state.put(Map.of("kafka.pid", pid, "kafka.state", recorded, "kafka.restarts", "1"));
        return RunState.read(runDir);
    }

    @Test
    void aLiveStackProcessIsRunningOrStartingAsItsSupervisorWrote() {
        assertThat(StatusCommand.stackHealth(state(ALIVE, "running"), "kafka", true)).isEqualTo("RUNNING");
        assertThat(StatusCommand.stackHealth(state(ALIVE, "starting"), "kafka", true)).isEqualTo("STARTING");
    }

    @Test
    void aStackProcessThatIsGoneIsRestartingOnlyWhileASupervisorWouldStartItAgain() {
        assertThat(StatusCommand.stackHealth(state(GONE, "restarting"), "kafka", true)).isEqualTo("RESTARTING");
        assertThat(StatusCommand.stackHealth(state(GONE, "running"), "kafka", true)).isEqualTo("RESTARTING");
        assertThat(StatusCommand.stackHealth(state(GONE, "running"), "kafka", false)).isEqualTo("DOWN");
        assertThat(StatusCommand.stackHealth(state(GONE, "dead"), "kafka", true)).isEqualTo("DEAD");
    }
}
