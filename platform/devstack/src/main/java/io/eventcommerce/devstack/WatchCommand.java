package io.eventcommerce.devstack;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** {@code watch <topic>}: the records of a topic as they arrive, with the event headers. */
@Command(name = "watch", description = "Prints the records of a topic as they arrive: key, event type, id, value.")
final class WatchCommand extends PlatformCommand {

    @Parameters(description = "Topic, e.g. catalog.product, orders.order, catalog.product.orders-service.dlq")
    String topic;

    @Option(names = "--from-beginning", description = "Start at the first record instead of new ones only.")
    boolean fromBeginning;

    @Option(names = {"-n", "--max"}, defaultValue = "0", description = "Stop after this many records (0: never).")
    int max;

    @Override
    public Integer call() {
        PrintWriter out = out();
        String bootstrap = state().get("kafka.url");
        if (bootstrap == null) {
            throw new StackException("The platform is not running (./platformctl up)");
        }
        try (var consumer = new KafkaConsumer<String, String>(Map.of(
                "bootstrap.servers", bootstrap,
                "key.deserializer", "org.apache.kafka.common.serialization.StringDeserializer",
                "value.deserializer", "org.apache.kafka.common.serialization.StringDeserializer",
                "group.id", "platformctl-watch-" + ProcessHandle.current().pid(),
                "auto.offset.reset", fromBeginning ? "earliest" : "latest",
                "enable.auto.commit", "false"))) {
            consumer.subscribe(List.of(topic));
            int seen = 0;
            while (max == 0 || seen < max) {
                for (var record : consumer.poll(Duration.ofMillis(500))) {
                    out.printf("%s p%d@%d key=%s eventType=%s id=%s%n  %s%n", record.topic(), record.partition(),
                            record.offset(), record.key(), header(record, "eventType"), header(record, "id"),
                            record.value());
                    out.flush();
                    if (max != 0 && ++seen >= max) {
                        break;
                    }
                }
            }
        }
        return 0;
    }

    private static String header(ConsumerRecord<?, ?> record, String name) {
        var header = record.headers().lastHeader(name);
        return header == null ? "-" : new String(header.value(), StandardCharsets.UTF_8);
    }
}
