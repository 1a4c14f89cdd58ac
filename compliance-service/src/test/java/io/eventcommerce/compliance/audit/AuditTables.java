package io.eventcommerce.compliance.audit;

import io.eventcommerce.testkit.Database;

/**
 * compliance-service's test stack runs only compliance's migrations, so the audited tables of orders and catalog are
 * created here (as root), with the columns of those services' migrations that the tests write.
 */
final class AuditTables {

    private AuditTables() {
    }

    static synchronized void create() {
        Database orders = Database.of("orders");
        orders.update("CREATE TABLE IF NOT EXISTS customer (id CHAR(36) NOT NULL, email VARCHAR(254) NOT NULL,"
                + " first_name VARCHAR(100) NOT NULL, last_name VARCHAR(100) NOT NULL, segment VARCHAR(20) NOT NULL,"
                + " country CHAR(2) NULL, version BIGINT NOT NULL, created_at DATETIME(6) NOT NULL,"
                + " updated_at DATETIME(6) NOT NULL, PRIMARY KEY (id))");
        orders.update("CREATE TABLE IF NOT EXISTS customer_address (id CHAR(36) NOT NULL, customer_id CHAR(36) NOT"
                + " NULL, name VARCHAR(200) NOT NULL, line1 VARCHAR(200) NOT NULL, city VARCHAR(100) NOT NULL,"
                + " postal_code VARCHAR(20) NOT NULL, country CHAR(2) NOT NULL, PRIMARY KEY (id))");
        // As orders-service's V9__personal_data_read.sql (branch actor) creates it.
        orders.update("CREATE TABLE IF NOT EXISTS personal_data_read (id CHAR(36) NOT NULL, subject_type VARCHAR(20)"
                + " NOT NULL, subject_id CHAR(36) NOT NULL, resource VARCHAR(100) NOT NULL, fields VARCHAR(500) NOT"
                + " NULL, read_at DATETIME(6) NOT NULL, PRIMARY KEY (id))");
        Database catalog = Database.of("catalog");
        catalog.update("CREATE TABLE IF NOT EXISTS stock_level (warehouse_id CHAR(36) NOT NULL, product_id CHAR(36)"
                + " NOT NULL, on_hand INT NOT NULL, reserved INT NOT NULL, version BIGINT NOT NULL,"
                + " PRIMARY KEY (warehouse_id, product_id))");
    }
}
