package io.eventcommerce.devstack;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Command lines of the stack's JVMs: the running JVM's java, the stack runtime classpath, Log4j 2 config. */
final class JavaCommand {

    private JavaCommand() {
    }

    static List<String> of(List<String> jvmOptions, Path log4jConfig, String mainClass, String... arguments) {
        List<String> command = new ArrayList<>();
        command.add(StackRuntime.java());
        command.addAll(jvmOptions);
        command.add("-Djava.awt.headless=true");
        command.add("-Dlog4j2.configurationFile=" + log4jConfig);
        command.add("-cp");
        command.add(StackRuntime.jvmClasspath());
        command.add(mainClass);
        command.addAll(List.of(arguments));
        return command;
    }
}
