package io.eventcommerce.servicekit.audit;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class WriteStatementsTest {

    @ParameterizedTest
    @ValueSource(strings = {
            "insert into customer (id, email) values (?, ?)",
            "INSERT INTO outbox_event (id) VALUES (?)",
            "Update customer set segment=? where id=? and version=?",
            "delete from customer_address where id=?",
            "REPLACE INTO t (a) VALUES (1)",
            "INSERT IGNORE INTO processed_event (consumer) VALUES (?1)",
            "insert into t select * from u",
            "  \n\t update t set a = 1",
            "/* insert for io.eventcommerce.orders.customer.domain.Customer */ insert into customer (id) values (?)",
            "/* one */ /* two */\nDELETE FROM t",
            "-- a line comment\nupdate t set a = 1",
            "# a hash comment\r\ndelete from t",
            "/* ec-actor:user%3Aalice;r1;http */ update t set a = 1",
            "with recursive tree (id) as (select id from category union all select 1) update category set x = 1",
            "WITH c AS (SELECT id FROM t WHERE a = ')') DELETE FROM t WHERE id IN (SELECT id FROM c)",
            "with a as (select 1), b as (select 2) insert into t select * from a"})
    void writesAreRecognisedWhateverTheirCaseAndWhatPrecedesThem(String sql) {
        assertThat(WriteStatements.isWrite(sql)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "select * from customer where id=? for update",
            "SELECT c.id FROM customer c WHERE c.email = 'update@example.com' FOR UPDATE SKIP LOCKED",
            "select id from stock_level where product_id=? for share",
            "  /* update */ select 1",
            "-- delete\nselect 1",
            "with c as (select id from t) select * from c for update",
            "WITH c AS (SELECT 'update' AS x) SELECT x FROM c",
            "(select 1) union (select 2)",
            "values (1)",
            "table customer",
            "set @x = 1",
            "call refresh()",
            "insertion_count",
            "updated_at",
            "/*!40101 SET NAMES utf8 */",
            "/* never closed update t set a = 1",
            "--update t set a=1",
            "",
            "   "})
    void readsAndEverythingElseAreNotWrites(String sql) {
        assertThat(WriteStatements.isWrite(sql)).isFalse();
    }

    @org.junit.jupiter.api.Test
    void nullIsNoWrite() {
        assertThat(WriteStatements.isWrite(null)).isFalse();
    }
}
