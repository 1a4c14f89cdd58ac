package io.eventcommerce.devstack;

import picocli.CommandLine.Command;

import java.io.PrintWriter;
import java.util.Optional;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;

/**
 * {@code down}: stops the launcher first (it stops its supervisor, so nothing is started again, then the services and
 * the stack in order), then whatever the state file still names: the processes of a launcher that was killed,
 * including a service it had restarted.
 */
@Command(name = "down", description = "Stops a platform started by 'up' (in another terminal or detached): the "
        + "supervisor first, then every process it started or restarted.")
final class DownCommand extends PlatformCommand {

    @Override
    public Integer call() {
        PrintWriter out = out();
        RunState state = state();
        if (!state.exists()) {
            out.println("The platform is not running.");
            return 0;
        }
        Optional<ProcessHandle> launcher = state.supervisor()
                .filter(p -> p.pid() != ProcessHandle.current().pid());
        if (launcher.isPresent()) {
            out.println("Stopping the launcher (pid " + launcher.get().pid() + "): supervisor, services, stack …");
            out.flush();
            stop(launcher.get(), 180);
        }
        // Anything left: the launcher was killed, or its shutdown did not get that far.
        RunState left = state();
        for (String name : RunState.STOP_ORDER) {
            left.process(name).ifPresent(p -> {
                out.println("Stopping " + name + " (pid " + p.pid() + ")");
                out.flush();
                stop(p, 30);
            });
        }
        left.delete();
        out.println("Stopped.");
        return 0;
    }

    /** SIGTERM, then SIGKILL if it has not exited after {@code graceSeconds}. */
    private static void stop(ProcessHandle process, int graceSeconds) {
        process.destroy();
        try {
            process.onExit().orTimeout(graceSeconds, TimeUnit.SECONDS).join();
        } catch (CompletionException e) {
            process.destroyForcibly();
            process.onExit().orTimeout(30, TimeUnit.SECONDS).join();
        }
    }
}
