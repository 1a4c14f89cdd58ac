package io.eventcommerce.compliance.audit.model;

import java.util.Iterator;
import java.util.List;
import java.util.Optional;

/**
 * Walks stored entries in sequence order and names the first problem, with the exact sequence and its kind. It holds
 * one entry back (an insertion is told from a broken link by what the entry after it links to), so a range of any
 * length is checked in constant memory.
 *
 * <p>Per entry, in this order: a gap before it (MISSING), its content's sequence against its place (OUT_OF_ORDER),
 * its hash against its own content (CHANGED), its link to the entry before it (INSERTED when the entry after it links
 * to that predecessor instead, BROKEN_LINK otherwise), and a signed checkpoint at its sequence (REWRITTEN when the
 * checkpoint's hash differs or its signature fails: the chain was recomputed consistently from some entry on).
 */
public final class ChainVerifier {

    public enum Kind { MISSING, CHANGED, OUT_OF_ORDER, INSERTED, BROKEN_LINK, REWRITTEN }

    public record Problem(long seq, Kind kind, String detail) {
    }

    /** One stored row: its place ({@code seq}), the sequence inside its content, the content, and its two hashes. */
    public record Stored(long seq, long contentSeq, String canonical, String prevHash, String hash) {
    }

    /** A checkpoint as verify sees it: the signed sequence and hash, and whether its signature holds. */
    public record Checkpoint(long seq, String hash, boolean signatureValid) {
    }

    private final Iterator<Checkpoint> checkpoints;
    private Checkpoint nextCheckpoint;
    private long expected;
    private String predecessorHash;
    private Stored held;
    private long checked;
    private long checkpointsChecked;
    private Problem problem;

    /**
     * @param from            the first sequence of the range
     * @param predecessorHash the hash of entry {@code from - 1} (the genesis hash for 1), or null when it is unknown,
     *                        so the first entry's link is not checked
     * @param checkpoints     the checkpoints of the range, by sequence
     */
    public ChainVerifier(long from, String predecessorHash, List<Checkpoint> checkpoints) {
        this.expected = from;
        this.predecessorHash = predecessorHash;
        this.checkpoints = checkpoints.iterator();
        this.nextCheckpoint = this.checkpoints.hasNext() ? this.checkpoints.next() : null;
    }

    /** Feeds the next stored row (in ascending seq); false once a problem was found and the rest can be skipped. */
    public boolean accept(Stored next) {
        if (problem != null) {
            return false;
        }
        if (held != null) {
            check(held, next);
        }
        held = next;
        return problem == null;
    }

    /**
     * Ends the walk. {@code lastSeq} is the last sequence the range should hold (the head's, when the range reaches
     * it): a deleted last entry has no successor to reveal the gap, the head does.
     */
    public Optional<Problem> finish(long lastSeq) {
        if (problem == null && held != null) {
            check(held, null);
            held = null;
        }
        if (problem == null && expected <= lastSeq) {
            problem = new Problem(expected, Kind.MISSING, "entries " + expected + ".." + lastSeq
                    + " are missing (the head of the chain is at " + lastSeq + ")");
        }
        while (problem == null && nextCheckpoint != null && nextCheckpoint.seq() <= lastSeq) {
            problem = new Problem(nextCheckpoint.seq(), Kind.MISSING, "a checkpoint signed entry "
                    + nextCheckpoint.seq() + ", which is not there");
        }
        return Optional.ofNullable(problem);
    }

    public long checked() {
        return checked;
    }

    public long checkpointsChecked() {
        return checkpointsChecked;
    }

    private void check(Stored entry, Stored after) {
        if (entry.seq() > expected) {
            problem = new Problem(expected, Kind.MISSING, entry.seq() == expected + 1 ? "entry " + expected
                    + " is missing" : "entries " + expected + ".." + (entry.seq() - 1) + " are missing");
            return;
        }
        if (nextCheckpoint != null && nextCheckpoint.seq() < entry.seq()) {
            problem = new Problem(nextCheckpoint.seq(), Kind.MISSING, "a checkpoint signed entry "
                    + nextCheckpoint.seq() + ", which is not there");
            return;
        }
        checked++;
        if (entry.contentSeq() != entry.seq()) {
            problem = new Problem(entry.seq(), Kind.OUT_OF_ORDER, "the entry at " + entry.seq()
                    + " was written as entry " + entry.contentSeq());
            return;
        }
        if (!AuditContent.hash(entry.prevHash(), entry.canonical()).equals(entry.hash())) {
            problem = new Problem(entry.seq(), Kind.CHANGED, "the content of entry " + entry.seq()
                    + " does not match its hash");
            return;
        }
        if (predecessorHash != null && !predecessorHash.equals(entry.prevHash())) {
            if (after != null && predecessorHash.equals(after.prevHash())) {
                problem = new Problem(entry.seq(), Kind.INSERTED, "entry " + entry.seq() + " does not link to entry "
                        + (entry.seq() - 1) + ", and the entry after it does: it was inserted");
            } else {
                problem = new Problem(entry.seq(), Kind.BROKEN_LINK, "entry " + entry.seq()
                        + " does not link to entry " + (entry.seq() - 1));
            }
            return;
        }
        if (nextCheckpoint != null && nextCheckpoint.seq() == entry.seq()) {
            checkpointsChecked++;
            if (!nextCheckpoint.signatureValid()) {
                problem = new Problem(entry.seq(), Kind.REWRITTEN, "the checkpoint at " + entry.seq()
                        + " carries no valid signature");
                return;
            }
            if (!nextCheckpoint.hash().equals(entry.hash())) {
                problem = new Problem(entry.seq(), Kind.REWRITTEN, "entry " + entry.seq() + " differs from the "
                        + "signed checkpoint: the chain was recomputed up to here");
                return;
            }
            nextCheckpoint = checkpoints.hasNext() ? checkpoints.next() : null;
            // Several checkpoints may sign the same entry.
            while (nextCheckpoint != null && nextCheckpoint.seq() == entry.seq()) {
                checkpointsChecked++;
                if (!nextCheckpoint.signatureValid() || !nextCheckpoint.hash().equals(entry.hash())) {
                    problem = new Problem(entry.seq(), Kind.REWRITTEN, "entry " + entry.seq()
                            + " differs from a signed checkpoint");
                    return;
                }
                nextCheckpoint = checkpoints.hasNext() ? checkpoints.next() : null;
            }
        }
        expected = entry.seq() + 1;
        predecessorHash = entry.hash();
    }
}
