package io.eventcommerce.devstack;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;

/**
 * {@code restart <component>}: asks the running launcher's supervisor to restart a service (stopped gracefully,
 * started again at once) or MariaDB, Kafka or Connect (killed and started again, as in the outage drills of
 * docs/operations.md), and waits until it is back (for a stack process: until every service is ready again).
 */
@Command(name = "restart", description = "Restarts a service (catalog-service, orders-service) or mariadb, kafka or "
        + "connect of the running platform through its supervisor, and waits until it is back.")
final class RestartCommand extends PlatformCommand {

    @Parameters(paramLabel = "COMPONENT", description = "catalog-service, orders-service (or catalog, orders), "
            + "mariadb, kafka or connect")
    String component;

    @Option(names = "--timeout", defaultValue = "PT3M", description = "How long to wait, ISO-8601 (default PT3M).")
    Duration timeout;

    @Override
    public Integer call() throws IOException, InterruptedException {
        RunState state = runningState();
        if (state.supervisor().isEmpty()) {
            throw new StackException("The launcher of this run has exited, so nothing can restart " + component
                    + "; run './platformctl down' and 'up' again");
        }
        String name = name(component);
        String pidBefore = state.get(name + ".pid");
        int restartsBefore = state.restarts(name);
        Files.writeString(state.restartRequest(name), Instant.now().toString());
        out().println("Restarting " + name + " (pid " + pidBefore + ") …");
        out().flush();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            RunState now = state();
            String pid = now.get(name + ".pid");
            boolean back = now.restarts(name) > restartsBefore && "running".equals(now.get(name + ".state"))
                    && now.process(name).isPresent();
            if (back && (name.endsWith("-service") || servicesReady(now))) {
                out().println(name + " is back: pid " + pid + (name.endsWith("-service") ? ", ready"
                        : ", and every service is ready again"));
                return 0;
            }
            if ("dead".equals(now.get(name + ".state")) || now.supervisor().isEmpty()) {
                throw new StackException(name + " did not come back; see ./platformctl logs " + name);
            }
            Thread.sleep(250);
        }
        throw new StackException(name + " was not back within " + timeout.toSeconds() + " s; see "
                + "./platformctl status and ./platformctl logs " + name);
    }

    /** After a stack process came back, the services' readiness (their pools and consumers) follows. */
    private static boolean servicesReady(RunState state) {
        for (PlatformService service : PlatformService.values()) {
            String url = state.get(service.serviceName() + ".url");
            if (url == null || !ServiceProcess.isReady(java.net.URI.create(url))) {
                return false;
            }
        }
        return true;
    }

    private String name(String given) {
        if (Supervisor.Restartable.NAMES.contains(given)) {
            return given;
        }
        try {
            return PlatformService.byName(given).serviceName();
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), "Cannot restart '" + given + "'; one of: "
                    + String.join(", ", Supervisor.Restartable.NAMES));
        }
    }
}
