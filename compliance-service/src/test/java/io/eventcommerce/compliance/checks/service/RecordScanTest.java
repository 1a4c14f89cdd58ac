package io.eventcommerce.compliance.checks.service;

import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** What a scan of a record finds, and that it survives what a producer may send. */
class RecordScanTest {

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void aCardInAJsonFieldIsOneHitNamingItsPathBrandAndMaskedNumber() {
        RecordHeaders headers = new RecordHeaders();
        headers.add("eventType", utf8("PromotionCreated"));
        headers.add("id", utf8("e-1"));
        RecordScan.Scanned scanned = RecordScan.scan(utf8("p-1"), utf8("{\"data\":{\"text\":\"card 4111 1111 1111"
                + " 1111 exp 12/30\",\"again\":\"4111-1111-1111-1111\",\"rate\":0.4166666666666667,"
                + "\"ref\":\"4111111111111112\"}}"), headers);

        assertThat(scanned.hits()).singleElement().satisfies(hit -> {
            assertThat(hit.brand()).isEqualTo("Visa");
            assertThat(hit.masked()).isEqualTo("411111******1111");
            assertThat(hit.places()).containsExactly("value $.data.text", "value $.data.again");
        });
        assertThat(scanned.eventType()).isEqualTo("PromotionCreated");
        assertThat(scanned.eventId()).isEqualTo("e-1");
    }

    @Test
    void keysHeadersNestedJsonAndPlainTextAreSearchedToo() {
        RecordHeaders headers = new RecordHeaders();
        headers.add("note", utf8("5555 5555 5555 4444"));
        RecordScan.Scanned scanned = RecordScan.scan(utf8("378282246310005"),
                utf8("{\"after\":{\"features\":\"{\\\"pan\\\":\\\"4000056655665556\\\"}\"},\"type\":\"X\"}"),
                headers);
        assertThat(scanned.hits()).extracting(RecordScan.Hit::brand, RecordScan.Hit::masked).containsExactly(
                org.assertj.core.groups.Tuple.tuple("American Express", "378282*****0005"),
                org.assertj.core.groups.Tuple.tuple("Visa", "400005******5556"),
                org.assertj.core.groups.Tuple.tuple("Mastercard", "555555******4444"));
        assertThat(scanned.hits().get(1).places()).containsExactly("value $.after.features (JSON) $.pan");
        assertThat(scanned.hits().get(2).places()).containsExactly("header note");
        assertThat(scanned.eventType()).isEqualTo("X");

        assertThat(RecordScan.scan(null, utf8("not json { 4111111111111111"), null).hits())
                .extracting(RecordScan.Hit::places).containsExactly(java.util.Set.of("value"));
    }

    @Test
    void poisonRecordsAreSearchedWithoutFailing() {
        byte[] binary = new byte[4096];
        for (int i = 0; i < binary.length; i++) {
            binary[i] = (byte) (i * 31);
        }
        assertThat(RecordScan.scan(binary, binary, null).hits()).isEmpty();
        assertThat(RecordScan.scan(null, utf8("{\"a\":[[[[[[" + "[".repeat(5000)), null).hits()).isEmpty();

        // Hundreds of thousands of digit groups (a regular expression's recursion overflowed on a few thousand).
        StringBuilder degenerate = new StringBuilder();
        for (int i = 0; i < 400_000; i++) {
            degenerate.append("1 ");
        }
        degenerate.append("pay with 4111 1111 1111 1111; ");
        for (int i = 0; i < 400_000; i++) {
            degenerate.append("1 ");
        }
        List<RecordScan.Hit> hits = RecordScan.scan(null, utf8(degenerate.toString()), null).hits();
        assertThat(hits).extracting(RecordScan.Hit::masked).containsExactly("411111******1111");
    }
}
