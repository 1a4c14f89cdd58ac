package io.eventcommerce.orders.payment.service;

import io.eventcommerce.events.orders.OrderPaid;
import io.eventcommerce.events.orders.PaymentCaptured;
import io.eventcommerce.events.orders.PaymentDeclined;
import io.eventcommerce.events.orders.PaymentRefunded;
import io.eventcommerce.orders.order.domain.Order;
import io.eventcommerce.orders.order.service.OrderEvents;
import io.eventcommerce.orders.payment.domain.Payment;
import io.eventcommerce.orders.payment.domain.PaymentMethod;
import io.eventcommerce.orders.payment.domain.PaymentMethodRepository;
import io.eventcommerce.orders.payment.domain.PaymentRepository;
import io.eventcommerce.orders.payment.gateway.PaymentGateway;
import io.eventcommerce.servicekit.outbox.Outbox;
import io.eventcommerce.servicekit.problem.ApiException;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Charges and refunds orders through the {@link PaymentGateway}, recording each attempt as a {@link Payment} and
 * publishing it on orders.payment. The gateway is called inside the caller's transaction with an idempotency key
 * derived from the order, so if the transaction fails after the call, its retry gets the gateway's first answer
 * instead of a second charge.
 */
@ApplicationScoped
public class PaymentService {

    private final PaymentGateway gateway;
    private final PaymentRepository payments;
    private final PaymentMethodRepository methods;
    private final Outbox outbox;
    private final MeterRegistry meters;

    public PaymentService(PaymentGateway gateway, PaymentRepository payments, PaymentMethodRepository methods,
                          Outbox outbox, MeterRegistry meters) {
        this.gateway = gateway;
        this.payments = payments;
        this.methods = methods;
        this.outbox = outbox;
        this.meters = meters;
    }

    /** Charges the order's total; the payment tells whether it was captured or declined. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Payment charge(Order order, Instant now) {
        PaymentMethod method = methods.findById(order.paymentMethodId());
        PaymentGateway.Outcome outcome = gateway.charge(method.gatewayToken(), order.total(), order.currency(),
                "charge-" + order.id());
        Payment payment;
        if (outcome.approved()) {
            payment = captured(order, method, outcome.reference(), now);
        } else {
            payment = Payment.declined(order.id(), method.id(), order.total(), order.currency(),
                    outcome.declineCode(), now);
            payments.persist(payment);
            outbox.publish(new PaymentDeclined(payment.id(), order.id(), order.customerId(), payment.amount(),
                    payment.currency(), outcome.declineCode(), OrderEvents.ref(method), now));
        }
        meters.counter("eventcommerce.payments", "outcome", outcome.approved() ? "captured" : outcome.declineCode())
                .increment();
        return payment;
    }

    /** Refunds the order's captured payment in full; returns the amount refunded. */
    @Transactional(Transactional.TxType.MANDATORY)
    public BigDecimal refund(Order order, String reason, Instant now) {
        Payment captured = payments.forOrder(order.id()).stream()
                .filter(p -> p.status() == Payment.Status.CAPTURED).findFirst()
                .orElseThrow(() -> new IllegalStateException("order " + order.id() + " is paid but has no capture"));
        PaymentGateway.Outcome outcome = gateway.refund(captured.gatewayReference(), captured.amount(),
                captured.currency(), "refund-" + captured.id());
        if (!outcome.approved()) {
            throw ApiException.conflict("The payment gateway refused the refund (" + outcome.declineCode() + ")");
        }
        refunded(order, captured, outcome.reference(), reason, now);
        meters.counter("eventcommerce.payments", "outcome", "refunded").increment();
        return captured.amount();
    }

    /** Reference of payments backfilled by the history import: taken long ago, by whatever gateway was used then. */
    public static final String IMPORTED_REFERENCE = "imported";

    /** Records, without calling the gateway, that an imported order was paid at {@code paidAt}. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Payment recordImported(Order order, PaymentMethod method, Instant paidAt) {
        return captured(order, method, IMPORTED_REFERENCE, paidAt);
    }

    /** Records, without calling the gateway, that an imported payment was refunded at {@code refundedAt}. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void recordImportedRefund(Order order, Payment payment, String reason, Instant refundedAt) {
        refunded(order, payment, IMPORTED_REFERENCE, reason, refundedAt);
    }

    /** Stores the captured payment and publishes PaymentCaptured and OrderPaid, live or imported alike. */
    private Payment captured(Order order, PaymentMethod method, String reference, Instant at) {
        Payment payment = Payment.captured(order.id(), method.id(), order.total(), order.currency(), reference, at);
        payments.persist(payment);
        outbox.publish(new PaymentCaptured(payment.id(), order.id(), order.customerId(), payment.amount(),
                payment.currency(), reference, OrderEvents.ref(method), at));
        outbox.publish(new OrderPaid(order.id(), order.customerId(), payment.id(), payment.amount(),
                payment.currency(), at));
        return payment;
    }

    /** Marks the payment refunded in full and publishes PaymentRefunded, live or imported alike. */
    private void refunded(Order order, Payment payment, String reference, String reason, Instant at) {
        payment.refunded(payment.amount(), at);
        outbox.publish(new PaymentRefunded(payment.id(), order.id(), order.customerId(), payment.amount(),
                payment.currency(), reference, reason, at));
    }

    public List<Payment> forOrder(UUID orderId) {
        return payments.forOrder(orderId);
    }
}
