package io.eventcommerce.catalog.promotion.domain;

import io.eventcommerce.servicekit.persistence.VersionedEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * A discount campaign behind a code. catalog-service owns its terms; orders-service applies them and counts the
 * uses against {@link #usageLimit()}.
 */
@Entity
@Table(name = "promotion")
public class Promotion extends VersionedEntity {

    @Column(nullable = false, length = 40, updatable = false)
    private String code;

    @Column(length = 500)
    private String description;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 10)
    private PromotionKind kind;

    @Column(nullable = false, precision = 12, scale = 2)
    private BigDecimal value;

    @Column(name = "minimum_order", precision = 12, scale = 2)
    private BigDecimal minimumOrder;

    @Column(nullable = false, length = 3, columnDefinition = "CHAR(3)")
    private String currency;

    @Column(name = "usage_limit")
    private Integer usageLimit;

    @Column(name = "starts_at", nullable = false)
    private Instant startsAt;

    @Column(name = "ends_at")
    private Instant endsAt;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    private PromotionStatus status;

    protected Promotion() {
    }

    public Promotion(UUID id, String code, PromotionTerms terms, Instant now) {
        super(id, now);
        this.code = code;
        apply(terms, now);
    }

    /** Sets every editable field; returns whether anything changed (nothing to save or publish otherwise). */
    public boolean apply(PromotionTerms t, Instant now) {
        BigDecimal newValue = t.value().setScale(2, RoundingMode.UNNECESSARY);
        BigDecimal newMinimum = t.minimumOrder() == null ? null : t.minimumOrder().setScale(2, RoundingMode.UNNECESSARY);
        boolean changed = !Objects.equals(description, t.description()) || kind != t.kind()
                || !sameAmount(value, newValue) || !sameAmount(minimumOrder, newMinimum)
                || !Objects.equals(currency, t.currency()) || !Objects.equals(usageLimit, t.usageLimit())
                || !Objects.equals(startsAt, t.startsAt()) || !Objects.equals(endsAt, t.endsAt())
                || status != t.status();
        if (changed) {
            description = t.description();
            kind = t.kind();
            value = newValue;
            minimumOrder = newMinimum;
            currency = t.currency();
            usageLimit = t.usageLimit();
            startsAt = t.startsAt();
            endsAt = t.endsAt();
            status = t.status();
            touch(now);
        }
        return changed;
    }

    private static boolean sameAmount(BigDecimal a, BigDecimal b) {
        return a == null ? b == null : b != null && a.compareTo(b) == 0;
    }

    public String code() {
        return code;
    }

    public String description() {
        return description;
    }

    public PromotionKind kind() {
        return kind;
    }

    public BigDecimal value() {
        return value;
    }

    public BigDecimal minimumOrder() {
        return minimumOrder;
    }

    public String currency() {
        return currency;
    }

    public Integer usageLimit() {
        return usageLimit;
    }

    public Instant startsAt() {
        return startsAt;
    }

    public Instant endsAt() {
        return endsAt;
    }

    public PromotionStatus status() {
        return status;
    }
}
