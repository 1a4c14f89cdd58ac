package io.eventcommerce.devstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/**
 * What a running platform leaves for the other commands, which are separate processes: process ids, addresses and,
 * per service and stack process, what its supervisor last saw ({@code <name>.state}: starting, running, restarting,
 * dead; {@code <name>.restarts}). One properties file in {@code .platform/run/}, replaced atomically on every change, so
 * {@code status} never reads half a file and {@code down} finds the pid of a process restarted a moment ago.
 */
public final class RunState {

    /** Services last-to-first, then the stack from the top down. */
    public static final List<String> STOP_ORDER = stopOrder();

    private final Path file;
    private final Properties properties = new Properties();

    private RunState(Path file) {
        this.file = file;
        if (Files.exists(file)) {
            try (var reader = Files.newBufferedReader(file)) {
                properties.load(reader);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** The state of the platform whose run folder is {@code runDir}, as last written. */
    public static RunState read(Path runDir) {
        return new RunState(runDir.resolve("run/platform.state"));
    }

    private static List<String> stopOrder() {
        List<String> order = new ArrayList<>();
        for (PlatformService service : PlatformService.values()) {
            order.add(0, service.serviceName());
        }
        // The stack stops in the reverse of its start order.
        for (int i = EmbeddedStack.PROCESSES.size() - 1; i >= 0; i--) {
            order.add(EmbeddedStack.PROCESSES.get(i));
        }
        return List.copyOf(order);
    }

    /** Where restart requests for the supervisor are left ({@code platformctl restart}). */
    Path restartRequest(String component) {
        return file.resolveSibling("restart-" + component + ".request");
    }

    public synchronized boolean exists() {
        return Files.exists(file);
    }

    public synchronized String get(String key) {
        return properties.getProperty(key);
    }

    public synchronized int restarts(String name) {
        return Integer.parseInt(properties.getProperty(name + ".restarts", "0"));
    }

    /** The live process recorded under {@code name}, if it is still running. */
    public synchronized Optional<ProcessHandle> process(String name) {
        String pid = properties.getProperty(name + ".pid");
        if (pid == null || pid.equals("-1")) {
            return Optional.empty();
        }
        return ProcessHandle.of(Long.parseLong(pid)).filter(ProcessHandle::isAlive);
    }

    /** The launcher that started the platform and supervises its services. */
    public Optional<ProcessHandle> supervisor() {
        return process("launcher");
    }

    public boolean anyAlive() {
        return STOP_ORDER.stream().anyMatch(n -> process(n).isPresent());
    }

    /** Sets the entries and writes the file. */
    public synchronized void put(Map<String, String> entries) {
        entries.forEach(properties::setProperty);
        save();
    }

    /** What the supervisor saw of a service or stack process: its current process, state and restart count. */
    public void service(String name, long pid, String state, int restarts) {
        put(Map.of(name + ".pid", String.valueOf(pid), name + ".state", state, name + ".restarts",
                String.valueOf(restarts)));
    }

    /** Process ids and addresses of the stack and the services, as {@code up} started them. */
    public void started(PlatformStack stack, Map<String, Long> pids, RunningServices services) {
        Map<String, String> entries = new LinkedHashMap<>();
        pids.forEach((name, pid) -> entries.put(name + ".pid", String.valueOf(pid)));
        if (stack instanceof EmbeddedStack embedded) {
            for (String name : EmbeddedStack.PROCESSES) {
                entries.put(name + ".state", properties.getProperty(name + ".state", "running"));
                entries.put(name + ".restarts", properties.getProperty(name + ".restarts", "0"));
            }
            entries.put("mariadb.url", "jdbc:mysql://127.0.0.1:" + embedded.mariaDbPort());
        }
        entries.put("kafka.url", stack.kafkaBootstrapServers());
        entries.put("connect.url", stack.connect().uri().toString());
        for (ServiceProcess service : services.all()) {
            String name = service.service().serviceName();
            entries.put(name + ".url", service.uri().toString());
            entries.put(name + ".pid", String.valueOf(service.pid()));
            entries.putIfAbsent(name + ".state", "running");
            entries.put(name + ".restarts", properties.getProperty(name + ".restarts", "0"));
        }
        put(entries);
    }

    public synchronized void delete() {
        try {
            Files.deleteIfExists(file);
            properties.clear();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void save() {
        try {
            Files.createDirectories(file.getParent());
            Path temporary = file.resolveSibling(file.getFileName() + ".tmp");
            try (var writer = Files.newBufferedWriter(temporary)) {
                properties.store(writer, "Written by ./platformctl up and its supervisor; removed by ./platformctl down");
            }
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
