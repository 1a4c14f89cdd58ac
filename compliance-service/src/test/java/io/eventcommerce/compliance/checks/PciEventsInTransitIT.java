package io.eventcommerce.compliance.checks;

import io.eventcommerce.compliance.checks.service.PciTransitScanner;
import io.eventcommerce.events.Topics;
import io.eventcommerce.testkit.Deadlines;
import io.eventcommerce.testkit.PlaintextSearch;
import io.eventcommerce.testkit.TestStack;
import io.eventcommerce.testkit.TestTokens;
import io.eventcommerce.testkit.TopicProbe;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

import static io.eventcommerce.compliance.ComplianceFixtures.COMPLIANCE;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

/**
 * The PCI scan of events in transit on the real broker and database: a record on a domain topic whose free text
 * carries a card number raises one alert naming the record and showing the number masked; computed decimals, a
 * non-Luhn number and poison records (binary, no JSON, a huge degenerate text) raise none and do not stop the
 * scanner; the same record scanned again raises no second alert; the check's run reports how far the scan has read.
 * The test writes to catalog.promotion, which compliance-service's own consumers do not read; each test asserts on
 * the alerts of its own records (their offsets), never on counts of others.
 */
@QuarkusTest
class PciEventsInTransitIT {

    private static final String OFFICER = TestTokens.forRoles("compliance-officer");
    private static final String CHECK = "pci-events-in-transit";
    /** A Visa test number, written by the "customer" with dashes; no other test uses it. */
    private static final String PAN = "4012888888881881";
    private static final String WRITTEN = "4012-8888-8888-1881";
    private static final String MASKED = "401288******1881";

    @Inject
    PciTransitScanner scanner;

    @Test
    void aCardNumberInAnEventsFreeTextIsOneMaskedAlertAndDecimalsNonLuhnAndPoisonAreNot() {
        String key = UUID.randomUUID().toString();
        String eventId = UUID.randomUUID().toString();
        byte[] binary = new byte[2048];
        for (int i = 0; i < binary.length; i++) {
            binary[i] = (byte) (i * 37 + 11);
        }
        StringBuilder degenerate = new StringBuilder();
        for (int i = 0; i < 200_000; i++) {
            degenerate.append("7 ");
        }
        String clean = envelope(UUID.randomUUID().toString(), "rate 0.4166666666666667 and 529.3333333333334, "
                + "reference 4111111111111112, order " + UUID.randomUUID());
        String dirty = envelope(eventId, "Customer asked to pay with " + WRITTEN + " exp 12/30, score "
                + "0.4166666666666667");

        // One key: one partition, so the scan reads them in this order.
        List<RecordMetadata> sent = send(List.of(
                record(key, binary, null),
                record(key, "not json {{{ at all".getBytes(StandardCharsets.UTF_8), null),
                record(key, degenerate.toString().getBytes(StandardCharsets.UTF_8), null),
                record(key, clean.getBytes(StandardCharsets.UTF_8), "PromotionUpdated"),
                record(key, dirty.getBytes(StandardCharsets.UTF_8), "PromotionCreated")));
        RecordMetadata hit = sent.get(4);
        String at = Topics.CATALOG_PROMOTION + "-" + hit.partition() + "@";
        String subject = at + hit.offset() + " " + MASKED;

        await().atMost(Deadlines.ASYNC).until(() -> COMPLIANCE.count(
                "SELECT COUNT(*) FROM compliance_alert WHERE check_name = ? AND subject = ?", CHECK, subject) == 1);
        String alertId = (String) COMPLIANCE.query("SELECT id FROM compliance_alert WHERE check_name = ? AND subject = ?",
                CHECK, subject).get(0).get("id");
        JsonPath alert = given().auth().oauth2(OFFICER).get("/compliance/alerts/" + alertId).then().statusCode(200)
                .body("state", equalTo("OPEN")).body("check", equalTo(CHECK)).extract().jsonPath();
        assertThat(alert.getString("detail")).contains("Visa", MASKED, Topics.CATALOG_PROMOTION,
                "partition " + hit.partition(), "offset " + hit.offset(), "PromotionCreated", eventId,
                "value $.data.promotion.description").doesNotContain(PAN).doesNotContain(WRITTEN);

        // The records before it were read (one partition, in order) and raised nothing, not even "unscanned".
        for (int i = 0; i < 4; i++) {
            assertThat(COMPLIANCE.count("SELECT COUNT(*) FROM compliance_alert WHERE check_name = ? AND subject LIKE ?",
                    CHECK, at + sent.get(i).offset() + " %")).as("alerts of record %d", i).isZero();
        }
        assertThat(COMPLIANCE.count("SELECT COUNT(*) FROM compliance_alert WHERE check_name = ? AND subject LIKE ?",
                CHECK, at + hit.offset() + " %")).isEqualTo(1);

        // The same record delivered again (a restart before the offset was committed): no second alert.
        ConsumerRecord<String, String> again = TopicProbe.await(Topics.CATALOG_PROMOTION,
                r -> r.partition() == hit.partition() && r.offset() == hit.offset(), Deadlines.ASYNC);
        assertThat(scanner.process(List.of(bytes(again)))).isZero();
        assertThat(COMPLIANCE.count("SELECT COUNT(*) FROM compliance_alert WHERE check_name = ? AND subject LIKE ?",
                CHECK, at + hit.offset() + " %")).isEqualTo(1);
        assertThat(COMPLIANCE.query("SELECT id FROM compliance_alert WHERE check_name = ? AND subject = ?", CHECK,
                subject)).singleElement().satisfies(row -> assertThat(row).containsEntry("id", alertId));

        assertThat(PlaintextSearch.inTables("compliance", List.of(PAN, WRITTEN, "4012 8888 8888 1881")))
                .isEmpty();
    }

    @Test
    void aRunReportsHowFarTheScanHasReadFailsWhileAHitWaitsAndResolvesItOnceAcknowledged() {
        String key = UUID.randomUUID().toString();
        RecordMetadata hit = send(List.of(record(key, envelope(UUID.randomUUID().toString(),
                "card number 4012 8888 8888 1881 in a note").getBytes(StandardCharsets.UTF_8),
                "PromotionCreated"))).get(0);
        String subject = Topics.CATALOG_PROMOTION + "-" + hit.partition() + "@" + hit.offset() + " " + MASKED;
        await().atMost(Deadlines.ASYNC).until(() -> COMPLIANCE.count(
                "SELECT COUNT(*) FROM compliance_alert WHERE check_name = ? AND subject = ?", CHECK, subject) == 1);

        String partition = "evidence.partitions.'" + Topics.CATALOG_PROMOTION + "'.'" + hit.partition() + "'";
        // The offset is committed just after the alert is stored: run until the run sees the commit too.
        AtomicReference<String> last = new AtomicReference<>();
        await().atMost(Deadlines.ASYNC).until(() -> {
            last.set(given().auth().oauth2(OFFICER).post("/compliance/checks/" + CHECK + "/runs")
                    .then().statusCode(201).body("run.status", equalTo("FAIL")).extract().asString());
            Object committed = JsonPath.from(last.get()).get(partition + ".committedOffset");
            return committed != null && ((Number) committed).longValue() > hit.offset();
        });
        String body = last.get();
        assertThat(body).doesNotContain(PAN);
        JsonPath run = JsonPath.from(body);
        assertThat(run.getList("evidence.findingsShown.subject", String.class)).contains(subject);
        assertThat(run.getLong(partition + ".lastOffsetScanned")).isGreaterThanOrEqualTo(hit.offset());
        assertThat(run.getLong(partition + ".recordsScanned")).isPositive();
        assertThat(run.getLong(partition + ".endOffset")).isGreaterThan(hit.offset());
        assertThat(run.getLong("evidence.recordsScanned")).isPositive();
        assertThat(run.getLong("evidence.hitsSinceLastRun")).isNotNull();
        assertThat(run.getBoolean("evidence.thisInstance.running")).isTrue();

        String alertId = (String) COMPLIANCE.query("SELECT id FROM compliance_alert WHERE check_name = ? AND subject = ?",
                CHECK, subject).get(0).get("id");
        // Seen by the run (a scheduled run may have seen it too): it has a run now, and is still the one alert.
        JsonPath seen = given().auth().oauth2(OFFICER).get("/compliance/alerts/" + alertId).then().statusCode(200)
                .body("state", equalTo("OPEN")).extract().jsonPath();
        assertThat(seen.getString("firstRunId")).isNotNull();
        assertThat(seen.getInt("timesSeen")).isGreaterThanOrEqualTo(2);

        given().auth().oauth2(OFFICER).contentType("application/json")
                .body(Map.of("comment", "producer fixed, records purged"))
                .post("/compliance/alerts/" + alertId + "/acknowledgement").then().statusCode(200)
                .body("state", equalTo("OPEN"));
        String after = given().auth().oauth2(OFFICER).post("/compliance/checks/" + CHECK + "/runs")
                .then().statusCode(201).extract().asString();
        assertThat(JsonPath.from(after).getList("evidence.findingsShown.subject", String.class))
                .doesNotContain(subject);
        given().auth().oauth2(OFFICER).get("/compliance/alerts/" + alertId).then().statusCode(200)
                .body("state", equalTo("RESOLVED")).body("acknowledgement", equalTo("producer fixed, records purged"));
        given().auth().oauth2(OFFICER).get("/compliance/checks").then().statusCode(200)
                .body("find { it.name == '" + CHECK + "' }.lastRun.status", org.hamcrest.Matchers.notNullValue());
    }

    /** A catalog event as the outbox publishes it, with free text an operator typed. */
    private static String envelope(String eventId, String description) {
        String promotion = UUID.randomUUID().toString();
        return "{\"eventId\":\"" + eventId + "\",\"type\":\"PromotionCreated\",\"schemaVersion\":1,"
                + "\"occurredAt\":\"2026-12-02T10:15:30Z\",\"source\":\"catalog-service\",\"aggregateId\":\""
                + promotion + "\",\"data\":{\"promotion\":{\"promotionId\":\"" + promotion + "\",\"code\":\"X\","
                + "\"description\":\"" + description + "\",\"percentOff\":0.4166666666666667}}}";
    }

    private static ProducerRecord<byte[], byte[]> record(String key, byte[] value, String eventType) {
        ProducerRecord<byte[], byte[]> record = new ProducerRecord<>(Topics.CATALOG_PROMOTION,
                key.getBytes(StandardCharsets.UTF_8), value);
        if (eventType != null) {
            record.headers().add("eventType", eventType.getBytes(StandardCharsets.UTF_8));
        }
        return record;
    }

    private static List<RecordMetadata> send(List<ProducerRecord<byte[], byte[]>> records) {
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestStack.get().kafkaBootstrapServers(),
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName(),
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName(),
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true"))) {
            List<java.util.concurrent.Future<RecordMetadata>> futures = new ArrayList<>();
            records.forEach(r -> futures.add(producer.send(r)));
            List<RecordMetadata> sent = new ArrayList<>();
            for (var future : futures) {
                sent.add(future.get());
            }
            return sent;
        } catch (Exception e) {
            throw new IllegalStateException("could not send to " + Topics.CATALOG_PROMOTION, e);
        }
    }

    private static ConsumerRecord<byte[], byte[]> bytes(ConsumerRecord<String, String> r) {
        ConsumerRecord<byte[], byte[]> copy = new ConsumerRecord<>(r.topic(), r.partition(), r.offset(),
                r.key() == null ? null : r.key().getBytes(StandardCharsets.UTF_8),
                r.value() == null ? null : r.value().getBytes(StandardCharsets.UTF_8));
        r.headers().forEach(h -> copy.headers().add(h));
        return copy;
    }
}
