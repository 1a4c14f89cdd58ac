package io.eventcommerce.devstack;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.logging.Logger;

/**
 * A child process of the stack with its output appended to a log file. Started in its own session (setsid) where
 * the machine has it, so a Ctrl-C in the launcher's terminal reaches only the launcher, which then stops the
 * children in order (services, Connect, Kafka, database) instead of all at once.
 */
public final class ManagedProcess {

    private static final Logger LOG = Logger.getLogger(ManagedProcess.class.getName());
    private static final Path SETSID = Path.of("/usr/bin/setsid");

    private final String name;
    private final Process process;
    private final Path logFile;

    private ManagedProcess(String name, Process process, Path logFile) {
        this.name = name;
        this.process = process;
        this.logFile = logFile;
    }

    public static ManagedProcess start(String name, List<String> command, Map<String, String> environment,
                                       Path workingDirectory, Path logFile) {
        List<String> fullCommand = new ArrayList<>();
        if (Files.isExecutable(SETSID)) {
            fullCommand.add(SETSID.toString());
        }
        fullCommand.addAll(command);
        try {
            Files.createDirectories(logFile.getParent());
            Files.createDirectories(workingDirectory);
            ProcessBuilder builder = new ProcessBuilder(fullCommand)
                    .directory(workingDirectory.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
                    .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
            builder.environment().putAll(environment);
            Process process = builder.start();
            LOG.fine(() -> "Started " + name + " (pid " + process.pid() + "), log " + logFile);
            return new ManagedProcess(name, process, logFile);
        } catch (IOException e) {
            throw new StackException("Cannot start " + name + ": " + e.getMessage(), e);
        }
    }

    public long pid() {
        return process.pid();
    }

    public Path logFile() {
        return logFile;
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** Completes when the process has exited, for whatever reason. */
    public java.util.concurrent.CompletableFuture<Process> onExit() {
        return process.onExit();
    }

    /** The exit code; only once the process has exited. */
    public int exitCode() {
        return process.exitValue();
    }

    /** Fails with the end of the log if the process has died, for a clear error while waiting for readiness. */
    public void checkAlive() {
        if (!process.isAlive()) {
            throw new StackException(name + " exited with code " + process.exitValue() + "; last lines of "
                    + logFile + ":\n" + tail(logFile, 30));
        }
    }

    /** SIGTERM without waiting: several processes then shut down at the same time. */
    public void requestStop() {
        if (process.isAlive()) {
            process.destroy();
        }
    }

    /** SIGTERM, then SIGKILL if it has not exited after {@code grace}. */
    public void stop(Duration grace) {
        if (!process.isAlive()) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
                LOG.warning(name + " did not stop within " + grace.toSeconds() + " s; killing it");
                kill();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            kill();
        }
    }

    /**
     * SIGKILL: the process gets no chance to flush or commit anything, like a crash. Whatever it started is killed
     * too, first (once the process is gone its children belong to init and are out of reach), so that a program run
     * through a wrapper does not live on. ({@code setsid} itself does not fork here: the child of a JVM is no
     * process group leader, so setsid execs the program in its own pid.) Returns when all of them have exited.
     */
    public void kill() {
        List<ProcessHandle> descendants = process.descendants().toList();
        descendants.forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        try {
            process.waitFor(30, TimeUnit.SECONDS);
            for (ProcessHandle descendant : descendants) {
                descendant.onExit().get(30, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            LOG.warning("A process started by " + name + " did not exit after SIGKILL: " + e.getMessage());
        }
    }

    static String tail(Path file, int lines) {
        try {
            List<String> all = Files.readAllLines(file, StandardCharsets.UTF_8);
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException | java.io.UncheckedIOException e) {
            return "(log unreadable: " + e.getMessage() + ")";
        }
    }
}
