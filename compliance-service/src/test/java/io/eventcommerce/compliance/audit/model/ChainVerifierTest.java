package io.eventcommerce.compliance.audit.model;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** Each kind of tampering, on a chain of 10 built here, is named at its exact sequence. */
class ChainVerifierTest {

    private static List<ChainVerifier.Stored> chain(int n) {
        List<ChainVerifier.Stored> out = new ArrayList<>();
        String prev = AuditContent.GENESIS;
        for (long seq = 1; seq <= n; seq++) {
            String canonical = AuditContentTest.content(seq, "{\"n\":" + seq + "}").canonical();
            String hash = AuditContent.hash(prev, canonical);
            out.add(new ChainVerifier.Stored(seq, seq, canonical, prev, hash));
            prev = hash;
        }
        return out;
    }

    private static Optional<ChainVerifier.Problem> verify(List<ChainVerifier.Stored> rows, long head,
                                                          List<ChainVerifier.Checkpoint> checkpoints) {
        ChainVerifier verifier = new ChainVerifier(1, AuditContent.GENESIS, checkpoints);
        for (ChainVerifier.Stored row : rows) {
            if (!verifier.accept(row)) {
                break;
            }
        }
        return verifier.finish(head);
    }

    private static Optional<ChainVerifier.Problem> verify(List<ChainVerifier.Stored> rows, long head) {
        return verify(rows, head, List.of());
    }

    private static ChainVerifier.Stored at(ChainVerifier.Stored row, long seq) {
        return new ChainVerifier.Stored(seq, row.contentSeq(), row.canonical(), row.prevHash(), row.hash());
    }

    @Test
    void anIntactChainIsOk() {
        assertThat(verify(chain(10), 10)).isEmpty();
    }

    @Test
    void aChangedContentIsChangedAtItsSequence() {
        List<ChainVerifier.Stored> rows = chain(10);
        ChainVerifier.Stored e = rows.get(4);
        rows.set(4, new ChainVerifier.Stored(5, 5, e.canonical().replace("\"n\":5", "\"n\":50"), e.prevHash(),
                e.hash()));
        assertThat(verify(rows, 10)).hasValueSatisfying(p -> {
            assertThat(p.kind()).isEqualTo(ChainVerifier.Kind.CHANGED);
            assertThat(p.seq()).isEqualTo(5);
        });
    }

    @Test
    void aDeletedEntryIsMissingAtItsSequenceAndADeletedLastOneAgainstTheHead() {
        List<ChainVerifier.Stored> rows = chain(10);
        rows.remove(6);
        assertThat(verify(rows, 10)).hasValueSatisfying(p -> assertThat(p).extracting("seq", "kind")
                .containsExactly(7L, ChainVerifier.Kind.MISSING));
        List<ChainVerifier.Stored> tail = chain(10);
        tail.remove(9);
        assertThat(verify(tail, 10)).hasValueSatisfying(p -> assertThat(p).extracting("seq", "kind")
                .containsExactly(10L, ChainVerifier.Kind.MISSING));
    }

    @Test
    void twoSwappedEntriesAreOutOfOrderAtTheFirst() {
        List<ChainVerifier.Stored> rows = chain(10);
        ChainVerifier.Stored four = rows.get(3);
        ChainVerifier.Stored five = rows.get(4);
        rows.set(3, at(five, 4));
        rows.set(4, at(four, 5));
        assertThat(verify(rows, 10)).hasValueSatisfying(p -> assertThat(p).extracting("seq", "kind")
                .containsExactly(4L, ChainVerifier.Kind.OUT_OF_ORDER));
    }

    @Test
    void anInsertedEntryIsInsertedAndAForeignLinkIsBroken() {
        List<ChainVerifier.Stored> rows = chain(10);
        String canonical = AuditContentTest.content(4, "{\"forged\":true}").canonical();
        String forgedPrev = "f".repeat(64);
        List<ChainVerifier.Stored> inserted = new ArrayList<>(rows.subList(0, 3));
        inserted.add(new ChainVerifier.Stored(4, 4, canonical, forgedPrev, AuditContent.hash(forgedPrev, canonical)));
        for (ChainVerifier.Stored row : rows.subList(3, 10)) {
            inserted.add(new ChainVerifier.Stored(row.seq() + 1, row.seq() + 1, row.canonical(), row.prevHash(),
                    row.hash()));
        }
        assertThat(verify(inserted, 11)).hasValueSatisfying(p -> assertThat(p).extracting("seq", "kind")
                .containsExactly(4L, ChainVerifier.Kind.INSERTED));

        List<ChainVerifier.Stored> relinked = chain(10);
        ChainVerifier.Stored six = relinked.get(5);
        relinked.set(5, new ChainVerifier.Stored(6, 6, six.canonical(), forgedPrev,
                AuditContent.hash(forgedPrev, six.canonical())));
        assertThat(verify(relinked, 10)).hasValueSatisfying(p -> assertThat(p).extracting("seq", "kind")
                .containsExactly(6L, ChainVerifier.Kind.BROKEN_LINK));
    }

    @Test
    void aConsistentlyRecomputedChainPassesItsLinksButNotASignedCheckpoint() {
        List<ChainVerifier.Stored> original = chain(10);
        ChainVerifier.Checkpoint signed = new ChainVerifier.Checkpoint(8, original.get(7).hash(), true);
        // Rewrite from entry 3 on: new content, every hash recomputed, so every link holds again.
        List<ChainVerifier.Stored> rewritten = new ArrayList<>(original.subList(0, 2));
        String prev = original.get(1).hash();
        for (long seq = 3; seq <= 10; seq++) {
            String canonical = AuditContentTest.content(seq, "{\"n\":" + (seq * 100) + "}").canonical();
            String hash = AuditContent.hash(prev, canonical);
            rewritten.add(new ChainVerifier.Stored(seq, seq, canonical, prev, hash));
            prev = hash;
        }
        assertThat(verify(rewritten, 10)).isEmpty();
        assertThat(verify(rewritten, 10, List.of(signed))).hasValueSatisfying(p -> assertThat(p)
                .extracting("seq", "kind").containsExactly(8L, ChainVerifier.Kind.REWRITTEN));
        assertThat(verify(original, 10, List.of(signed))).isEmpty();
        assertThat(verify(original, 10, List.of(new ChainVerifier.Checkpoint(8, original.get(7).hash(), false))))
                .hasValueSatisfying(p -> assertThat(p.kind()).isEqualTo(ChainVerifier.Kind.REWRITTEN));
    }
}
