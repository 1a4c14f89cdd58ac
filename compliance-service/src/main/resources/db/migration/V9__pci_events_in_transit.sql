-- The PCI scan of events in transit (package checks, PciTransitScanner): every domain and audit topic is read by a
-- consumer group of its own and each record's key, value and headers are searched for card numbers.

-- An alert a scan of events raises comes from no check run: the scanner raises it as it reads the record, and the
-- next run of pci-events-in-transit sees it (last_run_id). MODIFY restates the whole column; the same statement on
-- MySQL 8.4 and MariaDB 11.4.
ALTER TABLE compliance_alert MODIFY first_run_id CHAR(36) NULL, MODIFY last_run_id CHAR(36) NULL;

-- How far the scan has read each partition, written in the transaction that stores its alerts (offsets are
-- committed to Kafka after it): whichever instance owns a partition keeps its row, so a run on any instance reports
-- every partition. records_scanned counts each offset once, a redelivered record is not counted again.
CREATE TABLE pci_transit_partition (
    -- Kafka topic names are at most 249 characters (of [a-zA-Z0-9._-]).
    topic           VARCHAR(249) NOT NULL,
    kafka_partition INT          NOT NULL,
    last_offset     BIGINT       NOT NULL,
    records_scanned BIGINT       NOT NULL,
    -- card numbers found in the partition's records (one per record and number)
    hits            BIGINT       NOT NULL,
    first_scan_at   DATETIME(6)  NOT NULL,
    last_scan_at    DATETIME(6)  NOT NULL,
    PRIMARY KEY (topic, kafka_partition)
);
