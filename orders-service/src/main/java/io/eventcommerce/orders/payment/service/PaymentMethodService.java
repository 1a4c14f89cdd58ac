package io.eventcommerce.orders.payment.service;

import io.eventcommerce.orders.customer.domain.CustomerRepository;
import io.eventcommerce.orders.payment.domain.CardToken;
import io.eventcommerce.orders.payment.domain.PaymentMethod;
import io.eventcommerce.orders.payment.domain.PaymentMethodRepository;
import io.eventcommerce.orders.payment.gateway.PaymentGateway;
import io.eventcommerce.servicekit.problem.DomainException;
import io.eventcommerce.servicekit.rest.Page;
import io.eventcommerce.servicekit.time.Timestamps;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** A customer's saved cards: tokenized by the gateway, kept as token, brand, last four and expiry only. */
@ApplicationScoped
public class PaymentMethodService {

    private final PaymentMethodRepository methods;
    private final CustomerRepository customers;
    private final PaymentGateway gateway;

    public PaymentMethodService(PaymentMethodRepository methods, CustomerRepository customers,
                                PaymentGateway gateway) {
        this.methods = methods;
        this.customers = customers;
        this.gateway = gateway;
    }

    /**
     * Tokenizes card data; the number and CVV go to the gateway and nowhere else. The gateway is called before the
     * transaction that stores the method, never under it.
     */
    public PaymentMethod register(UUID customerId, PaymentGateway.CardDetails card) {
        requireCustomer(customerId);
        if (card.expiry().isBefore(YearMonth.now(ZoneOffset.UTC))) {
            throw DomainException.invalid("expYear", "the card has expired");
        }
        CardToken token = gateway.tokenize(card)
                .orElseThrow(() -> DomainException.invalid("cardNumber", "is not a valid card number"));
        return save(customerId, token);
    }

    @Transactional
    PaymentMethod save(UUID customerId, CardToken token) {
        requireCustomer(customerId);
        PaymentMethod method = new PaymentMethod(customerId, token, Timestamps.now());
        methods.persist(method);
        return method;
    }

    /**
     * What the gateway knows of tokens clients obtained from it, asked before the transaction that uses them (so no
     * gateway call runs while that transaction holds its locks); a token it does not know maps to empty.
     */
    public Map<String, Optional<CardToken>> describe(Collection<String> tokens) {
        Map<String, Optional<CardToken>> described = new HashMap<>();
        for (String token : tokens) {
            if (token != null) {
                described.computeIfAbsent(token, gateway::describe);
            }
        }
        return described;
    }

    /**
     * The customer's method for a token the client obtained from the gateway itself (the usual way: card data never
     * reaches us), saved on first use; {@code described} is what {@link #describe} returned for it.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public PaymentMethod fromToken(UUID customerId, String token, Optional<CardToken> described, String field) {
        requireCustomer(customerId);
        var saved = methods.find("customerId = ?1 and gatewayToken = ?2", customerId, token).firstResultOptional();
        if (saved.isPresent()) {
            return saved.get();
        }
        CardToken card = described == null ? null : described.orElse(null);
        if (card == null) {
            throw DomainException.invalid(field, "the payment gateway does not know this token");
        }
        PaymentMethod method = new PaymentMethod(customerId, card, Timestamps.now());
        methods.persist(method);
        return method;
    }

    /** The customer's method {@code id}; 404 for a method of another customer, so ids leak nothing. */
    public PaymentMethod get(UUID customerId, UUID id) {
        return methods.findByIdOptional(id).filter(m -> m.customerId().equals(customerId))
                .orElseThrow(() -> DomainException.notFound("Payment method", id));
    }

    public Page<PaymentMethod> list(UUID customerId, int page, int size) {
        requireCustomer(customerId);
        return methods.pageForCustomer(customerId, page, size);
    }

    private void requireCustomer(UUID customerId) {
        if (customers.findByIdOptional(customerId).isEmpty()) {
            throw DomainException.notFound("Customer", customerId);
        }
    }
}
