package io.eventcommerce.devstack;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.PrintWriter;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** {@code logs [name] [-f]}: a component's log in {@code .platform/logs/}, or the list of them. */
@Command(name = "logs", description = "Prints a component's log (launcher, mariadb, kafka, connect, <service>).")
final class LogsCommand extends PlatformCommand {

    @Parameters(arity = "0..1", description = "Component; without it, lists the log files.")
    String name;

    @Option(names = {"-f", "--follow"}, description = "Keep printing new lines.")
    boolean follow;

    @Option(names = {"-n", "--lines"}, defaultValue = "50", description = "Lines to print first (default 50).")
    int lines;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = out();
        Path logs = location.runDir().resolve("logs");
        if (name == null) {
            if (Files.isDirectory(logs)) {
                try (Stream<Path> files = Files.list(logs)) {
                    files.sorted().forEach(f -> out.println(f.getFileName().toString().replace(".log", "")
                            + "  " + f));
                }
            }
            return 0;
        }
        Path file = logs.resolve(name + ".log");
        if (!Files.exists(file)) {
            throw new StackException("No log " + file);
        }
        out.println(ManagedProcess.tail(file, lines));
        out.flush();
        if (follow) {
            try (RandomAccessFile reader = new RandomAccessFile(file.toFile(), "r")) {
                reader.seek(reader.length());
                byte[] buffer = new byte[8192];
                while (!Thread.currentThread().isInterrupted()) {
                    int read = reader.read(buffer);
                    if (read > 0) {
                        out.print(new String(buffer, 0, read, StandardCharsets.UTF_8));
                        out.flush();
                    } else {
                        Thread.sleep(200);
                    }
                }
            }
        }
        return 0;
    }
}
