package io.eventcommerce.devstack;

import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * {@code ./platformctl}: runs the whole platform on this machine without Docker. Everything a run keeps (database,
 * Kafka log, Connect offsets, logs, the run's state) lives in {@code .platform/} under the project root, so a second
 * {@code up} finds the data of the first. One class per command; they share {@link PlatformCommand}.
 */
@Command(name = "platformctl", mixinStandardHelpOptions = true, versionProvider = Launcher.Version.class,
        description = "Runs the Event Commerce platform locally on the embedded stack (Linux x86-64).",
        subcommands = {UpCommand.class, DownCommand.class, StatusCommand.class, RestartCommand.class,
                LogsCommand.class, TokenCommand.class, WatchCommand.class, GenerateCommand.class,
                DeadLetterCommands.class, FraudCommands.class, CommandLine.HelpCommand.class})
public final class Launcher {

    private static final Logger LOG = Logger.getLogger(Launcher.class.getName());
    // Held so java.util.logging keeps the level (it forgets the settings of loggers nobody references).
    private static final Logger KAFKA_LOG = Logger.getLogger("org.apache.kafka");

    public static void main(String[] args) {
        System.setProperty("java.util.logging.SimpleFormatter.format", "%1$tT %4$-7s %5$s%6$s%n");
        KAFKA_LOG.setLevel(Level.WARNING);
        System.exit(commandLine().execute(args));
    }

    /** The command line with its error handling: a failure is one line on stderr and exit code 1. */
    static CommandLine commandLine() {
        return new CommandLine(new Launcher()).setExecutionExceptionHandler((e, cmd, parsed) -> {
            cmd.getErr().println("platform: " + e.getMessage());
            LOG.log(Level.FINE, "failure", e);
            return 1;
        });
    }

    /** The project's version from the jar's manifest, and the versions of what the embedded stack runs. */
    static final class Version implements CommandLine.IVersionProvider {

        @Override
        public String[] getVersion() {
            String version = Launcher.class.getPackage().getImplementationVersion();
            return new String[]{"platformctl " + (version == null ? "(version unknown: not run from devstack.jar)"
                    : version), "MariaDB " + StackRuntime.version("mariadb") + ", Kafka "
                    + StackRuntime.version("kafka") + ", Debezium " + StackRuntime.version("debezium")
                    + "; Java " + Runtime.version()};
        }
    }
}
