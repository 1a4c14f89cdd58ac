package io.eventcommerce.servicekit.persistence;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class ReplicasTest {

    record Snapshot(String name, long version) {
    }

    static final class Copy extends ReplicaEntity<Snapshot> {
        String name;

        static Copy from(Snapshot snapshot, UUID eventId, Instant now) {
            Copy copy = new Copy();
            copy.take(snapshot, eventId, now);
            return copy;
        }

        @Override
        protected long versionOf(Snapshot snapshot) {
            return snapshot.version();
        }

        @Override
        protected void copy(Snapshot snapshot) {
            name = snapshot.name();
        }
    }

    private final List<Copy> persisted = new ArrayList<>();
    private final Instant now = Instant.parse("2026-01-01T00:00:00Z");

    @Test
    void theFirstSnapshotCreatesTheReplica() {
        UUID eventId = UUID.randomUUID();

        assertThat(Replicas.keep(Optional.empty(), new Snapshot("Kettle", 0), eventId, now, Copy::from,
                persisted::add)).isEqualTo(Replicas.Outcome.CREATED);

        assertThat(persisted).singleElement().satisfies(copy -> {
            assertThat(copy.name).isEqualTo("Kettle");
            assertThat(copy.version()).isZero();
            assertThat(copy.lastEventId()).isEqualTo(eventId);
            assertThat(copy.updatedAt()).isEqualTo(now);
        });
    }

    @Test
    void aNewerSnapshotWinsAndAnOlderOrEqualOneChangesNothing() {
        UUID first = UUID.randomUUID();
        Copy copy = Copy.from(new Snapshot("Kettle", 2), first, now);

        assertThat(Replicas.keep(Optional.of(copy), new Snapshot("Old kettle", 1), UUID.randomUUID(),
                now.plusSeconds(1), Copy::from, persisted::add)).isEqualTo(Replicas.Outcome.STALE);
        assertThat(Replicas.keep(Optional.of(copy), new Snapshot("Same kettle", 2), UUID.randomUUID(),
                now.plusSeconds(1), Copy::from, persisted::add)).isEqualTo(Replicas.Outcome.STALE);
        assertThat(copy.name).isEqualTo("Kettle");
        assertThat(copy.lastEventId()).isEqualTo(first);

        UUID newer = UUID.randomUUID();
        assertThat(Replicas.keep(Optional.of(copy), new Snapshot("Steel kettle", 3), newer, now.plusSeconds(2),
                Copy::from, persisted::add)).isEqualTo(Replicas.Outcome.UPDATED);
        assertThat(copy.name).isEqualTo("Steel kettle");
        assertThat(copy.version()).isEqualTo(3);
        assertThat(copy.lastEventId()).isEqualTo(newer);
        assertThat(copy.updatedAt()).isEqualTo(now.plusSeconds(2));
        assertThat(persisted).isEmpty();
    }
}
