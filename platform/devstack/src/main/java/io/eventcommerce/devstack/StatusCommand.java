package io.eventcommerce.devstack;

import picocli.CommandLine.Command;

import java.io.PrintWriter;
import java.net.URI;
import java.util.Optional;

/**
 * {@code status}: every process of the run with its pid and what its supervisor knows (running, starting,
 * restarting, dead; how often it was restarted), checked against the process table and, for a service, its
 * readiness. Exit code 0 only if everything is up, 1 if something is not, 3 if nothing runs.
 */
@Command(name = "status", description = "Shows what runs, where, whether it is healthy and how often the supervisor "
        + "restarted it.")
final class StatusCommand extends PlatformCommand {

    @Override
    public Integer call() {
        PrintWriter out = out();
        RunState state = state();
        if (!state.exists()) {
            out.println("The platform is not running.");
            return 3;
        }
        Optional<ProcessHandle> supervisor = state.supervisor();
        boolean healthy = supervisor.isPresent();
        out.printf("%-17s %-10s pid %-8s %s%n", "launcher", supervisor.isPresent() ? "RUNNING" : "DOWN",
                state.get("launcher.pid"), supervisor.isPresent() ? "supervises the services and the stack"
                        : "nobody restarts a process that dies ('./platformctl down', then 'up')");
        for (String name : RunState.STOP_ORDER) {
            String url = state.get(name + ".url");
            String health;
            String restarts = state.get(name + ".restarts") == null ? "" : "restarts " + state.restarts(name);
            if (name.endsWith("-service")) {
                health = serviceHealth(state, name, supervisor.isPresent());
                healthy &= health.equals("READY");
            } else {
                health = stackHealth(state, name, supervisor.isPresent());
                healthy &= health.equals("RUNNING");
            }
            out.printf("%-17s %-10s pid %-8s %-11s %s%n", name, health, state.get(name + ".pid"), restarts,
                    url == null ? "" : url);
        }
        String connectUrl = state.get("connect.url");
        if (state.process("connect").isPresent() && connectUrl != null) {
            ConnectClient connect = new ConnectClient(URI.create(connectUrl));
            for (String connector : PlatformStack.connectorNames()) {
                ConnectClient.ConnectorState connectorState = connect.state(connector);
                healthy &= connectorState.running();
                out.printf("connector %-7s %s%n", connector, connectorState);
            }
        }
        out.flush();
        return healthy ? 0 : 1;
    }

    /**
     * RUNNING, STARTING, RESTARTING, DEAD or DOWN for MariaDB, Kafka or Connect: the state file's word checked
     * against the process table (DOWN: gone, and no supervisor that would start it again).
     */
    static String stackHealth(RunState state, String name, boolean supervised) {
        String recorded = state.get(name + ".state");
        if (state.process(name).isEmpty()) {
            if ("dead".equals(recorded)) {
                return "DEAD";
            }
            return supervised && recorded != null ? "RESTARTING" : "DOWN";
        }
        return "starting".equals(recorded) ? "STARTING" : "RUNNING";
    }

    /** READY, NOT READY, STARTING, RESTARTING or DEAD: the state file's word checked against what is there. */
    static String serviceHealth(RunState state, String name, boolean supervised) {
        String recorded = state.get(name + ".state");
        if (state.get(name + ".pid") == null) {
            return supervised ? "STARTING" : "DEAD"; // 'up' is still starting the stack
        }
        if (state.process(name).isEmpty()) {
            // Died a moment ago and the supervisor has not written it yet, or it is between two starts.
            return supervised && !"dead".equals(recorded) ? "RESTARTING" : "DEAD";
        }
        String url = state.get(name + ".url");
        if (url != null && ServiceProcess.isReady(URI.create(url))) {
            return "READY";
        }
        return "starting".equals(recorded) ? "STARTING" : "NOT READY";
    }
}
