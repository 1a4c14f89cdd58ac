-- Asynchronous, resumable vendor uploads (docs/vendor-onboarding.md): the POST stores the file and answers 202; a
-- worker processes it under a lease and, if its instance dies, another (or the same after a restart) resumes it.
-- Runs unchanged on MySQL 8.4 and MariaDB 11.4: both drop a CHECK with DROP CONSTRAINT (MySQL since 8.0.19).

-- total_rows is now the file's row count, known when the file is received; rows_done = valid + error grows with
-- every committed batch (in the batch's transaction, with the batch's effects), so a resumed upload knows where to
-- continue. lease_owner / lease_until: the instance processing the upload and until when it may do so without
-- renewing; an expired lease may be taken over. processing_started_at: when processing (last) began, for the rate.
ALTER TABLE vendor_upload
    DROP CONSTRAINT ck_vendor_upload_status,
    DROP CONSTRAINT ck_vendor_upload_counts,
    DROP CONSTRAINT ck_vendor_upload_finished;

ALTER TABLE vendor_upload
    ADD COLUMN rows_done             INT          NOT NULL DEFAULT 0,
    ADD COLUMN lease_owner           VARCHAR(150) NULL,
    ADD COLUMN lease_until           DATETIME(6)  NULL,
    ADD COLUMN processing_started_at DATETIME(6)  NULL,
    ADD COLUMN file_bytes            BIGINT       NOT NULL DEFAULT 0;

-- Uploads of before were processed synchronously: all their rows were done.
UPDATE vendor_upload SET rows_done = valid_rows + error_rows;

ALTER TABLE vendor_upload
    ADD CONSTRAINT ck_vendor_upload_status
        CHECK (status IN ('QUEUED', 'PROCESSING', 'COMPLETED', 'FAILED', 'CANCELLED')),
    ADD CONSTRAINT ck_vendor_upload_counts CHECK (rows_done = valid_rows + error_rows AND valid_rows >= 0
        AND error_rows >= 0 AND created_count >= 0 AND updated_count >= 0
        AND created_count + updated_count <= valid_rows),
    ADD CONSTRAINT ck_vendor_upload_finished
        CHECK ((status IN ('QUEUED', 'PROCESSING')) = (finished_at IS NULL)),
    -- What a worker looks for: queued uploads, and processing ones whose lease expired.
    ADD INDEX ix_vendor_upload_status_lease (status, lease_until);

-- The file as received, in chunks of about 1 MiB (catalog.onboarding.chunk-bytes): each chunk is one statement
-- parameter, well within max_allowed_packet (MariaDB 11.4 default 16 MiB, MySQL 8.4 64 MiB). MEDIUMBLOB holds up
-- to 16 MiB. Kept after processing so the rows can be re-read; deleted with the upload.
CREATE TABLE vendor_upload_chunk (
    upload_id CHAR(36)   NOT NULL,
    seq       INT        NOT NULL,
    data      MEDIUMBLOB NOT NULL,
    PRIMARY KEY (upload_id, seq),
    CONSTRAINT fk_vendor_upload_chunk_upload FOREIGN KEY (upload_id) REFERENCES vendor_upload (id)
);
