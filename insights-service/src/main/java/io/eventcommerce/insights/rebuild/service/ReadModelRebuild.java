package io.eventcommerce.insights.rebuild.service;

import io.eventcommerce.events.Topics;
import io.eventcommerce.events.privacy.DataSubjectErasureRequested;
import io.eventcommerce.insights.catalog.service.ProductReplica;
import io.eventcommerce.insights.catalog.service.StockLevels;
import io.eventcommerce.insights.supply.PurchaseOrderReplica;
import io.eventcommerce.insights.customer.service.CustomerProfiles;
import io.eventcommerce.insights.sales.service.OrderLifecycle;
import io.eventcommerce.insights.sales.service.Refunds;
import io.eventcommerce.servicekit.messaging.FailureClass;
import io.eventcommerce.servicekit.messaging.IncomingEvent;
import io.eventcommerce.servicekit.problem.DomainException;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;

/**
 * Rebuilds every read model from the domain topics' history (they keep it: no deletion by age, entity topics
 * compacted). Stops the live consumers ({@link ReadModelGuard}), empties the read models and their inbox records,
 * reads each topic from its beginning to the end it had when the rebuild started with a consumer of its own (a fresh
 * group that commits nothing) through the same handlers, re-applies the erasures of compliance.privacy-request (the
 * topics still carry an erased customer's id), and lets the live consumers go on from their offsets: what the replay
 * applied already, their inbox skips. An event the live path would dead-letter is skipped and counted.
 */
@ApplicationScoped
public class ReadModelRebuild {

    private static final Logger LOG = Logger.getLogger(ReadModelRebuild.class);
    private static final Duration POLL = Duration.ofMillis(500);

    private final RebuildState state;
    private final Map<String, Consumer<IncomingEvent>> handlers;
    private final String bootstrapServers;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> new Thread(r, "read-model-rebuild"));

    public ReadModelRebuild(RebuildState state, OrderLifecycle orders, Refunds refunds, CustomerProfiles customers,
                            ProductReplica products, StockLevels stock, PurchaseOrderReplica purchaseOrders,
                            @ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers) {
        this.state = state;
        this.handlers = Map.of(Topics.ORDERS_ORDER, orders::apply, Topics.ORDERS_PAYMENT, refunds::apply,
                Topics.ORDERS_CUSTOMER, customers::apply, Topics.CATALOG_PRODUCT, products::apply,
                Topics.CATALOG_INVENTORY, stock::apply, Topics.CATALOG_PURCHASE_ORDER, purchaseOrders::apply);
        this.bootstrapServers = bootstrapServers;
    }

    /** Claims the rebuild (409 while one runs, unless {@code force}) and runs it in the background. */
    public RebuildState.Status start(boolean force) {
        if (!state.claim(force)) {
            throw DomainException.conflict("a rebuild of the read models is running");
        }
        worker.submit(() -> ReadModelGuard.replaying(this::run));
        return state.status();
    }

    public RebuildState.Status status() {
        return state.status();
    }

    private void run() {
        long[] counts = new long[2];
        try {
            state.empty();
            Set<UUID> erased = new LinkedHashSet<>();
            replay(counts, erased);
            erased.forEach(state::erase);
            state.finish(counts[0], counts[1]);
            LOG.infof("Read models rebuilt: %d events applied, %d skipped, %d erasures re-applied", counts[0],
                    counts[1], erased.size());
        } catch (RuntimeException e) {
            LOG.error("Read-model rebuild failed; the live consumers stay stopped until a rebuild succeeds", e);
            state.fail(FailureClass.describe(e));
        }
    }

    private void replay(long[] counts, Set<UUID> erased) {
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.GROUP_ID_CONFIG, "insights-service-rebuild-" + UUID.randomUUID(),
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false",
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName(),
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName()))) {
            List<TopicPartition> partitions = new ArrayList<>();
            List<String> topics = new ArrayList<>(handlers.keySet());
            topics.add(Topics.COMPLIANCE_PRIVACY_REQUEST);
            for (String topic : topics) {
                List<PartitionInfo> infos = consumer.partitionsFor(topic);
                if (infos != null) {
                    infos.forEach(p -> partitions.add(new TopicPartition(p.topic(), p.partition())));
                }
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                for (ConsumerRecord<String, String> record : consumer.poll(POLL)) {
                    if (record.offset() < end.get(new TopicPartition(record.topic(), record.partition()))) {
                        apply(record, counts, erased);
                    }
                }
                state.progress(counts[0], counts[1]);
            }
        }
    }

    private void apply(ConsumerRecord<String, String> record, long[] counts, Set<UUID> erased) {
        try {
            IncomingEvent event = IncomingEvent.from(record);
            if (record.topic().equals(Topics.COMPLIANCE_PRIVACY_REQUEST)) {
                if (event.is(DataSubjectErasureRequested.TYPE)) {
                    erased.add(event.data(DataSubjectErasureRequested.TYPE).customerId());
                }
                return;
            }
            handlers.get(record.topic()).accept(event);
            counts[0]++;
        } catch (RuntimeException e) {
            if (FailureClass.of(e) != FailureClass.PERMANENT) {
                throw e;
            }
            // What the live path dead-letters (not an event, or data that breaks its contract) stays out here too.
            counts[1]++;
        }
    }

    @PreDestroy
    void stop() {
        worker.shutdownNow();
    }
}
