package io.eventcommerce.catalog.onboarding.service;

import io.agroal.api.AgroalDataSource;
import io.eventcommerce.servicekit.audit.ChangeActors;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.hibernate.Session;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The received file of an upload, stored in chunks ({@code vendor_upload_chunk}) so a worker on any instance can
 * read it, and read it again when it resumes the upload. Chunks are written in the transaction that records the
 * upload (the file is durably received, or not at all), and read back one at a time, so neither side ever holds
 * more than a chunk.
 */
@ApplicationScoped
public class UploadFileStore {

    private final EntityManager entityManager;
    private final AgroalDataSource dataSource;
    private final ChangeActors actors;

    public UploadFileStore(EntityManager entityManager, AgroalDataSource dataSource, ChangeActors actors) {
        this.entityManager = entityManager;
        this.dataSource = dataSource;
        this.actors = actors;
    }

    /** Stores one chunk, in the caller's transaction (on Hibernate's connection, so it commits with the upload). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void append(UUID uploadId, int seq, byte[] data) {
        entityManager.unwrap(Session.class).doWork(connection -> {
            // Plain JDBC passes no StatementInspector: the actor is put on here (ChangeActors).
            try (PreparedStatement insert = connection.prepareStatement(actors.annotate(
                    "INSERT INTO vendor_upload_chunk (upload_id, seq, data) VALUES (?, ?, ?)"))) {
                insert.setString(1, uploadId.toString());
                insert.setInt(2, seq);
                insert.setBytes(3, data);
                insert.executeUpdate();
            }
        });
    }

    /** The stored file as a stream; each chunk is fetched when the previous one is used up. */
    public InputStream open(UUID uploadId) {
        return new InputStream() {
            private int seq;
            private byte[] chunk = new byte[0];
            private int pos;
            private boolean end;

            private boolean fill() throws IOException {
                while (!end && pos == chunk.length) {
                    byte[] next = readChunk(uploadId, seq++);
                    if (next == null) {
                        end = true;
                    } else {
                        chunk = next;
                        pos = 0;
                    }
                }
                return !end || pos < chunk.length;
            }

            @Override
            public int read() throws IOException {
                return fill() && pos < chunk.length ? chunk[pos++] & 0xff : -1;
            }

            @Override
            public int read(byte[] buffer, int offset, int length) throws IOException {
                if (length == 0) {
                    return 0;
                }
                if (!fill() || pos == chunk.length) {
                    return -1;
                }
                int n = Math.min(length, chunk.length - pos);
                System.arraycopy(chunk, pos, buffer, offset, n);
                pos += n;
                return n;
            }
        };
    }

    private byte[] readChunk(UUID uploadId, int seq) throws IOException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement(
                     "SELECT data FROM vendor_upload_chunk WHERE upload_id = ? AND seq = ?")) {
            select.setString(1, uploadId.toString());
            select.setInt(2, seq);
            try (ResultSet rs = select.executeQuery()) {
                return rs.next() ? rs.getBytes(1) : null;
            }
        } catch (SQLException e) {
            throw new IOException("Could not read chunk " + seq + " of upload " + uploadId, e);
        }
    }

    /**
     * Passes at most {@code maxBytes} bytes through; reading past them throws what {@code tooLarge} makes (unchecked,
     * so no parser on top takes it for bad input).
     */
    static final class LimitedInputStream extends FilterInputStream {
        private final long maxBytes;
        private final Supplier<? extends RuntimeException> tooLarge;
        private long total;

        LimitedInputStream(InputStream in, long maxBytes, Supplier<? extends RuntimeException> tooLarge) {
            super(in);
            this.maxBytes = maxBytes;
            this.tooLarge = tooLarge;
        }

        @Override
        public int read() throws IOException {
            int b = in.read();
            if (b >= 0) {
                count(1);
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = in.read(b, off, len);
            if (n > 0) {
                count(n);
            }
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
            long skipped = in.skip(n);
            count(Math.max(0, skipped));
            return skipped;
        }

        private void count(long n) {
            total += n;
            if (total > maxBytes) {
                throw tooLarge.get();
            }
        }

        @Override
        public boolean markSupported() {
            return false;
        }
    }

    /**
     * Passes the bytes read through and hands them on in chunks of {@code chunkBytes} (the last one shorter), so
     * the body can be parsed and stored in one pass.
     */
    static final class ChunkingInputStream extends FilterInputStream {
        private final byte[] buffer;
        private final Consumer<byte[]> sink;
        private int filled;
        private long total;

        ChunkingInputStream(InputStream in, int chunkBytes, Consumer<byte[]> sink) {
            super(in);
            this.buffer = new byte[chunkBytes];
            this.sink = sink;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            int n = read(one, 0, 1);
            return n < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = in.read(b, off, len);
            for (int i = 0; i < n; ) {
                int step = Math.min(n - i, buffer.length - filled);
                System.arraycopy(b, off + i, buffer, filled, step);
                filled += step;
                i += step;
                if (filled == buffer.length) {
                    emit();
                }
            }
            if (n > 0) {
                total += n;
            }
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
            // Every byte must pass through the buffer.
            byte[] scratch = new byte[(int) Math.min(8192, Math.max(0, n))];
            int read = read(scratch, 0, scratch.length);
            return Math.max(0, read);
        }

        /**
         * Reads whatever the parser left unread, so the stored file is the whole body. A parser that met the end of
         * the body inside a quote has closed it already: then everything was read.
         */
        void drain() {
            byte[] scratch = new byte[8192];
            try {
                while (read(scratch, 0, scratch.length) >= 0) {
                    // stored by read
                }
            } catch (IOException e) {
                // closed at the end, or the client is gone: processing stops at the unreadable row before either
            }
        }

        /** Hands on the last, partial chunk. */
        void finish() {
            if (filled > 0) {
                emit();
            }
        }

        long total() {
            return total;
        }

        private void emit() {
            sink.accept(Arrays.copyOf(buffer, filled));
            filled = 0;
        }

        @Override
        public boolean markSupported() {
            return false;
        }
    }
}
