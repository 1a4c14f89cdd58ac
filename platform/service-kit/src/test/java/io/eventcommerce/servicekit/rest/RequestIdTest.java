package io.eventcommerce.servicekit.rest;

import org.junit.jupiter.api.Test;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class RequestIdTest {

    @Test
    void aPlausibleIdIsKept() {
        assertThat(RequestId.accepted("req-42")).isEqualTo("req-42");
        assertThat(RequestId.accepted("00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01"))
                .isEqualTo("00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01");
        String id = "a".repeat(RequestId.MAX_LENGTH);
        assertThat(RequestId.accepted(id)).isEqualTo(id);
    }

    @Test
    void anythingElseIsReplacedByANewId() {
        for (String bad : new String[]{null, "", "a".repeat(RequestId.MAX_LENGTH + 1), "x */ drop table t",
                "a b", "id;other", "caf\u00e9", "line\nbreak"}) {
            String accepted = RequestId.accepted(bad);
            assertThat(accepted).isNotEqualTo(bad);
            assertThat(UUID.fromString(accepted)).isNotNull();
        }
    }

    @Test
    void theFirstIdOfARequestStays() {
        RequestId id = new RequestId();
        assertThat(id.value()).isEmpty();
        assertThat(id.assign("first")).isEqualTo("first");
        assertThat(id.assign("second")).isEqualTo("first");
        assertThat(id.value()).contains("first");
    }
}
