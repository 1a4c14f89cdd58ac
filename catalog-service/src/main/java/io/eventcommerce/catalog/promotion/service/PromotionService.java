package io.eventcommerce.catalog.promotion.service;

import io.eventcommerce.catalog.promotion.domain.Promotion;
import io.eventcommerce.catalog.promotion.domain.PromotionRepository;
import io.eventcommerce.catalog.promotion.domain.PromotionStatus;
import io.eventcommerce.catalog.promotion.domain.PromotionTerms;
import io.eventcommerce.events.catalog.PromotionCreated;
import io.eventcommerce.events.catalog.PromotionSnapshot;
import io.eventcommerce.events.catalog.PromotionUpdated;
import io.eventcommerce.servicekit.outbox.Outbox;
import io.eventcommerce.servicekit.problem.DomainException;
import io.eventcommerce.servicekit.rest.Page;
import io.eventcommerce.servicekit.time.Timestamps;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.util.Locale;
import java.util.UUID;

/** Promotion writes: each changes the promotion and publishes its new state through the outbox, in one transaction. */
@ApplicationScoped
public class PromotionService {

    private final PromotionRepository promotions;
    private final Outbox outbox;

    public PromotionService(PromotionRepository promotions, Outbox outbox) {
        this.promotions = promotions;
        this.outbox = outbox;
    }

    /** Codes are matched case-insensitively; they are kept upper case. */
    public static String normalize(String code) {
        return code.trim().toUpperCase(Locale.ROOT);
    }

    @Transactional
    public Promotion create(String code, PromotionTerms terms) {
        String normalized = normalize(code);
        if (promotions.existsByCode(normalized)) {
            throw DomainException.conflict("A promotion with code '" + normalized + "' already exists");
        }
        Promotion promotion = new Promotion(UUID.randomUUID(), normalized, terms, Timestamps.now());
        promotions.persistAndFlush(promotion);
        outbox.publish(new PromotionCreated(snapshot(promotion)));
        return promotion;
    }

    /** Replaces the editable fields; publishes {@code PromotionUpdated} only if something changed. */
    @Transactional
    public Promotion update(UUID id, String code, PromotionTerms terms) {
        Promotion promotion = get(id);
        if (!promotion.code().equals(normalize(code))) {
            throw DomainException.invalid("code", "cannot change (is '" + promotion.code() + "')");
        }
        if (promotion.apply(terms, Timestamps.now())) {
            promotions.flush();
            outbox.publish(new PromotionUpdated(snapshot(promotion)));
        }
        return promotion;
    }

    public Promotion get(UUID id) {
        return promotions.findByIdOptional(id).orElseThrow(() -> DomainException.notFound("Promotion", id));
    }

    public Page<Promotion> list(PromotionStatus status, int page, int size) {
        var query = status == null ? promotions.findAll(Sort.by("code"))
                : promotions.find("status", Sort.by("code"), status);
        return Page.of(query.page(page, size).list(), page, size, query.count());
    }

    static PromotionSnapshot snapshot(Promotion p) {
        return new PromotionSnapshot(p.id(), p.code(), p.description(), p.kind().name(), p.value(),
                p.minimumOrder(), p.currency(), p.usageLimit(), p.startsAt(), p.endsAt(), p.status().name(),
                p.version());
    }
}
