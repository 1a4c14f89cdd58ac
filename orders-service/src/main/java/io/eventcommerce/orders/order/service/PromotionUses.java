package io.eventcommerce.orders.order.service;

import io.eventcommerce.orders.catalog.domain.CatalogPromotion;
import io.eventcommerce.orders.catalog.domain.CatalogPromotionRepository;
import io.eventcommerce.orders.order.domain.PromotionUsage;
import io.eventcommerce.orders.order.domain.PromotionUsageRepository;
import io.eventcommerce.servicekit.problem.DomainException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Locale;
import java.util.UUID;

/**
 * Applies promotion codes to orders and counts their use. A use is claimed in the transaction that stores the
 * order, so an order that fails to be stored uses nothing, and given back when the order is cancelled.
 */
@ApplicationScoped
public class PromotionUses {

    static final String FIELD = "promotionCode";

    private final CatalogPromotionRepository promotions;
    private final PromotionUsageRepository usages;

    public PromotionUses(CatalogPromotionRepository promotions, PromotionUsageRepository usages) {
        this.promotions = promotions;
        this.usages = usages;
    }

    /** A code that applies, with the amount it takes off. */
    public record Applied(CatalogPromotion promotion, BigDecimal discount) {
    }

    /** Checks the code against the order and its terms; 422 on {@code promotionCode} when it does not apply. */
    public Applied check(String code, BigDecimal subtotal, String currency, Instant now) {
        CatalogPromotion promotion = promotions.findByCode(code.trim().toUpperCase(Locale.ROOT))
                .orElseThrow(() -> DomainException.invalid(FIELD, "unknown promotion code"));
        promotion.refusal(subtotal, currency, now).ifPresent(reason -> {
            throw DomainException.invalid(FIELD, "this code " + reason);
        });
        return new Applied(promotion, promotion.discountOn(subtotal));
    }

    /** Counts the use against the limit; 422 when the limit is reached. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void claim(Applied applied, UUID orderId, UUID customerId, Instant now) {
        if (!promotions.claimUse(applied.promotion().promotionId())) {
            throw DomainException.invalid(FIELD, "this code has reached its usage limit");
        }
        usages.persist(new PromotionUsage(orderId, applied.promotion().promotionId(), customerId,
                applied.discount(), now));
    }

    /** Gives back the use of a cancelled order, once; nothing if it used no code. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void release(UUID orderId, Instant now) {
        usages.findByIdOptional(orderId).filter(usage -> usage.release(now))
                .ifPresent(usage -> promotions.releaseUse(usage.promotionId()));
    }
}
