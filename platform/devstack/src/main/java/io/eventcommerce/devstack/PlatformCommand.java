package io.eventcommerce.devstack;

import picocli.CommandLine;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/** What every {@code platformctl} command shares: its output, and where the project and its run folder are. */
@CommandLine.Command(mixinStandardHelpOptions = true, versionProvider = Launcher.Version.class)
abstract class PlatformCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @CommandLine.Mixin
    Location location;

    PrintWriter out() {
        return spec.commandLine().getOut();
    }

    RunState state() {
        return location.state();
    }

    /** The state of a running platform; fails with what to do if none is running. */
    RunState runningState() {
        RunState state = state();
        if (!state.exists() || !state.anyAlive()) {
            throw new StackException("The platform is not running; start it with './platformctl up --detach'");
        }
        return state;
    }

    /** Options every command accepts: where the project and its run folder are. */
    static final class Location {

        @CommandLine.Option(names = "--root", description = "Project root (default: the current directory).",
                defaultValue = "${sys:platform.root:-.}")
        Path root;

        Path root() {
            return root.toAbsolutePath().normalize();
        }

        Path runDir() {
            return root().resolve(".platform");
        }

        RunState state() {
            return RunState.read(runDir());
        }
    }
}
