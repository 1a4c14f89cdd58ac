package io.eventcommerce.orders.order.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/** The order a caller's Idempotency-Key created, and a hash of the request that created it. */
@Entity
@Table(name = "idempotency_record")
public class IdempotencyRecord {

    @Embeddable
    public static class Key implements Serializable {
        @Column(nullable = false, length = 100)
        private String caller;
        @Column(name = "idem_key", nullable = false, length = 100)
        private String key;

        protected Key() {
        }

        public Key(String caller, String key) {
            this.caller = caller;
            this.key = key;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && caller.equals(k.caller) && key.equals(k.key);
        }

        @Override
        public int hashCode() {
            return Objects.hash(caller, key);
        }
    }

    @EmbeddedId
    private Key id;

    @Column(name = "request_hash", nullable = false, length = 64, columnDefinition = "CHAR(64)")
    private String requestHash;

    @JdbcTypeCode(SqlTypes.CHAR)
    @Column(name = "order_id", nullable = false, length = 36)
    private UUID orderId;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected IdempotencyRecord() {
    }

    public IdempotencyRecord(Key id, String requestHash, UUID orderId, Instant now) {
        this.id = id;
        this.requestHash = requestHash;
        this.orderId = orderId;
        this.createdAt = now;
    }

    public String requestHash() {
        return requestHash;
    }

    public UUID orderId() {
        return orderId;
    }
}
