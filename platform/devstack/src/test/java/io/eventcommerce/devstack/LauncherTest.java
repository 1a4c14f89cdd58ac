package io.eventcommerce.devstack;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;

import static org.assertj.core.api.Assertions.assertThat;

class LauncherTest {

    private static String run(String... args) {
        StringWriter out = new StringWriter();
        CommandLine commandLine = Launcher.commandLine();
        commandLine.setOut(new PrintWriter(out));
        assertThat(commandLine.execute(args)).isZero();
        return out.toString();
    }

    @Test
    void helpListsEveryCommand() {
        assertThat(run("--help")).contains("up", "down", "status", "restart", "logs", "token", "watch", "generate",
                "dlq");
    }

    @Test
    void everyCommandHasItsOwnHelp() {
        assertThat(run("up", "--help")).contains("--detach", "--bind", "PLATFORM_BIND_ADDRESS");
        assertThat(run("restart", "--help")).contains("COMPONENT", "mariadb", "kafka", "connect");
    }

    @Test
    void versionNamesTheLauncherAndTheStackComponents() {
        assertThat(run("--version")).startsWith("platformctl ").contains("MariaDB 11.4", "Kafka 4.1", "Debezium 3.5");
    }

    @Test
    void theEmbeddedStackIsForLinuxOnX86Only() {
        assertThat(StackRuntime.supported("Linux", "amd64")).isTrue();
        assertThat(StackRuntime.supported("Linux", "x86_64")).isTrue();
        assertThat(StackRuntime.supported("Linux", "aarch64")).isFalse();
        assertThat(StackRuntime.supported("Mac OS X", "x86_64")).isFalse();
        assertThat(StackRuntime.supported("Windows 11", "amd64")).isFalse();
    }
}
