package io.eventcommerce.orders.catalog.domain;

import io.eventcommerce.events.catalog.PromotionSnapshot;
import io.eventcommerce.servicekit.persistence.ReplicaEntity;
import io.eventcommerce.servicekit.persistence.Replicas;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * orders-service's copy of a catalog promotion: the terms an order's promotion code is checked against. The terms
 * are written only from events; the count of uses ({@code times_used}) only by {@code CatalogPromotionRepository},
 * never through this entity, so a replica update cannot overwrite a use counted in between.
 */
@Entity
@Table(name = "catalog_promotion")
public class CatalogPromotion extends ReplicaEntity<PromotionSnapshot> {

    public static final String PERCENT = "PERCENT";
    public static final String ACTIVE = "ACTIVE";
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    @Id
    @JdbcTypeCode(SqlTypes.CHAR)
    @Column(name = "promotion_id", length = 36)
    private UUID promotionId;

    @Column(nullable = false, length = 40)
    private String code;

    @Column(nullable = false, length = 10)
    private String kind;

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

    @Column(nullable = false, length = 20)
    private String status;

    @Column(name = "times_used", insertable = false, updatable = false)
    private int timesUsed;

    protected CatalogPromotion() {
    }

    /** The replica of the promotion of its first snapshot (see {@link Replicas#keep}). */
    public static CatalogPromotion from(PromotionSnapshot snapshot, UUID eventId, Instant now) {
        CatalogPromotion promotion = new CatalogPromotion();
        promotion.promotionId = snapshot.promotionId();
        promotion.take(snapshot, eventId, now);
        return promotion;
    }

    @Override
    protected long versionOf(PromotionSnapshot snapshot) {
        return snapshot.version();
    }

    @Override
    protected void copy(PromotionSnapshot s) {
        code = s.code();
        kind = s.kind();
        value = s.value();
        minimumOrder = s.minimumOrder();
        currency = s.currency();
        usageLimit = s.usageLimit();
        startsAt = s.startsAt();
        endsAt = s.endsAt();
        status = s.status();
    }

    /**
     * Why the code cannot apply to an order with this subtotal, in this currency, now; empty if it can. The usage
     * limit is not checked here: it is claimed atomically when the order is stored.
     */
    public Optional<String> refusal(BigDecimal subtotal, String orderCurrency, Instant now) {
        if (!ACTIVE.equals(status)) {
            return Optional.of("is not active");
        }
        if (now.isBefore(startsAt)) {
            return Optional.of("is not valid before " + startsAt);
        }
        if (endsAt != null && !now.isBefore(endsAt)) {
            return Optional.of("expired at " + endsAt);
        }
        boolean needsCurrency = !PERCENT.equals(kind) || minimumOrder != null;
        if (needsCurrency && !currency.equals(orderCurrency)) {
            return Optional.of("applies to orders in " + currency);
        }
        if (minimumOrder != null && subtotal.compareTo(minimumOrder) < 0) {
            return Optional.of("needs a subtotal of at least " + minimumOrder + " " + currency);
        }
        return Optional.empty();
    }

    /**
     * The amount off {@code subtotal}: a percentage rounded half up to the cent, or the fixed amount; never more
     * than the subtotal.
     */
    public BigDecimal discountOn(BigDecimal subtotal) {
        BigDecimal off = PERCENT.equals(kind)
                ? subtotal.multiply(value).divide(HUNDRED, 2, RoundingMode.HALF_UP)
                : value.setScale(2, RoundingMode.UNNECESSARY);
        return off.min(subtotal);
    }

    public UUID promotionId() {
        return promotionId;
    }

    public String code() {
        return code;
    }

    public Integer usageLimit() {
        return usageLimit;
    }

    /** The uses counted when this row was read; may be stale at once. */
    public int timesUsed() {
        return timesUsed;
    }
}
