-- Vendors (third-party sellers), the vendor of a product, and CSV onboarding of a vendor's catalog: the uploads and
-- the rows they refused. Ids CHAR(36), times DATETIME(6) in UTC, as in V2. Every statement runs unchanged on
-- MySQL 8.4 and MariaDB 11.4; both enforce the CHECKs.

CREATE TABLE vendor (
    id            CHAR(36)     NOT NULL,
    name          VARCHAR(200) NOT NULL,
    -- Stored trimmed and lower-cased by the service, so the key is case-insensitive under any collation.
    email         VARCHAR(254) NOT NULL,
    phone         VARCHAR(30)  NULL,
    business_name VARCHAR(200) NULL,
    tax_id        VARCHAR(50)  NULL,
    address_line1 VARCHAR(200) NULL,
    address_line2 VARCHAR(200) NULL,
    city          VARCHAR(100) NULL,
    region        VARCHAR(100) NULL,
    postal_code   VARCHAR(20)  NULL,
    country       CHAR(2)      NOT NULL,
    status        VARCHAR(20)  NOT NULL,
    version       BIGINT       NOT NULL,
    created_at    DATETIME(6)  NOT NULL,
    updated_at    DATETIME(6)  NOT NULL,
    PRIMARY KEY (id),
    CONSTRAINT uk_vendor_email UNIQUE (email),
    CONSTRAINT ck_vendor_status CHECK (status IN ('ACTIVE', 'SUSPENDED')),
    INDEX ix_vendor_name (name)
);

-- A product sold by a vendor names it; the platform's own products have no vendor. vendor_product_id is the
-- vendor's own reference, unique per vendor. NULLs never collide in a unique key (same on MySQL and MariaDB), so
-- platform products and vendor products without a reference of their own do not need one.
ALTER TABLE product
    ADD COLUMN vendor_id         CHAR(36)     NULL,
    ADD COLUMN vendor_product_id VARCHAR(100) NULL,
    ADD CONSTRAINT fk_product_vendor FOREIGN KEY (vendor_id) REFERENCES vendor (id),
    ADD CONSTRAINT uk_product_vendor_product UNIQUE (vendor_id, vendor_product_id),
    ADD CONSTRAINT ck_product_vendor_product CHECK (vendor_product_id IS NULL OR vendor_id IS NOT NULL),
    -- A vendor's product list, page by page in SKU order.
    ADD INDEX ix_product_vendor_sku (vendor_id, sku);

-- One CSV upload. The counters grow with every committed batch, in the batch's transaction, so
-- total = valid + error holds at every moment, also for an upload that failed half-way.
CREATE TABLE vendor_upload (
    id             CHAR(36)     NOT NULL,
    vendor_id      CHAR(36)     NOT NULL,
    warehouse_id   CHAR(36)     NOT NULL,
    file_name      VARCHAR(255) NULL,
    status         VARCHAR(20)  NOT NULL,
    failure_reason VARCHAR(500) NULL,
    total_rows     INT          NOT NULL,
    valid_rows     INT          NOT NULL,
    error_rows     INT          NOT NULL,
    created_count  INT          NOT NULL,
    updated_count  INT          NOT NULL,
    uploaded_by    VARCHAR(100) NOT NULL,
    -- The service instance reading the file: a restarted instance fails what it was processing when it died.
    processed_by   VARCHAR(100) NOT NULL,
    started_at     DATETIME(6)  NOT NULL,
    finished_at    DATETIME(6)  NULL,
    version        BIGINT       NOT NULL,
    created_at     DATETIME(6)  NOT NULL,
    updated_at     DATETIME(6)  NOT NULL,
    PRIMARY KEY (id),
    CONSTRAINT fk_vendor_upload_vendor FOREIGN KEY (vendor_id) REFERENCES vendor (id),
    CONSTRAINT fk_vendor_upload_warehouse FOREIGN KEY (warehouse_id) REFERENCES warehouse (id),
    CONSTRAINT ck_vendor_upload_status CHECK (status IN ('PROCESSING', 'COMPLETED', 'FAILED')),
    CONSTRAINT ck_vendor_upload_counts CHECK (total_rows = valid_rows + error_rows AND valid_rows >= 0
        AND error_rows >= 0 AND created_count >= 0 AND updated_count >= 0
        AND created_count + updated_count <= valid_rows),
    CONSTRAINT ck_vendor_upload_finished CHECK ((status = 'PROCESSING') = (finished_at IS NULL)),
    CONSTRAINT ck_vendor_upload_failure CHECK ((status = 'FAILED') = (failure_reason IS NOT NULL)),
    -- A vendor's upload history, newest first.
    INDEX ix_vendor_upload_vendor_started (vendor_id, started_at),
    -- Uploads left PROCESSING by an instance that died.
    INDEX ix_vendor_upload_status_updated (status, updated_at)
);

-- The rows an upload refused, each once. row_no counts data rows from 1 (the header is not a row); ROW_NUMBER is a
-- reserved word in MySQL 8, hence row_no. original_row is the row's text as the file had it, capped by the service
-- (catalog.onboarding.max-row-chars) so it fits TEXT's 65,535 bytes even in 4-byte characters.
CREATE TABLE vendor_upload_error (
    upload_id    CHAR(36)      NOT NULL,
    row_no       INT           NOT NULL,
    error_type   VARCHAR(40)   NOT NULL,
    message      VARCHAR(2000) NOT NULL,
    original_row TEXT          NOT NULL,
    PRIMARY KEY (upload_id, row_no),
    CONSTRAINT fk_vendor_upload_error_upload FOREIGN KEY (upload_id) REFERENCES vendor_upload (id),
    CONSTRAINT ck_vendor_upload_error_row CHECK (row_no >= 1),
    INDEX ix_vendor_upload_error_type (upload_id, error_type, row_no)
);
