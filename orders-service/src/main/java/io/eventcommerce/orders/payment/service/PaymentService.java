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
import io.eventcommerce.orders.payment.domain.PaymentRefund;
import io.eventcommerce.orders.payment.domain.PaymentRefundRepository;
import io.eventcommerce.orders.payment.domain.PaymentRepository;
import io.eventcommerce.orders.payment.gateway.PaymentGateway;
import io.eventcommerce.servicekit.outbox.Outbox;
import io.eventcommerce.servicekit.problem.DomainException;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Records what the {@link PaymentGateway} did with an order's money, as {@link Payment}s published on
 * orders.payment, and the refunds still to be made ({@link PaymentRefund}). It never calls the gateway: the calls are
 * made outside any transaction by {@code PaymentStep} (charges) and {@link RefundProcess} (refunds), each with an
 * idempotency key derived from the order or the payment, so a retried call gets the gateway's first answer instead
 * of a second charge or refund. Every method runs in its caller's transaction, the one that locked the order.
 */
@ApplicationScoped
public class PaymentService {

    /** Reference of a payment of 0.00 (an order paid entirely by a promotion): the gateway was not called. */
    public static final String NO_CHARGE = "no-charge";

    private final PaymentRepository payments;
    private final PaymentRefundRepository refunds;
    private final PaymentMethodRepository methods;
    private final Outbox outbox;
    private final MeterRegistry meters;

    public PaymentService(PaymentRepository payments, PaymentRefundRepository refunds,
                          PaymentMethodRepository methods, Outbox outbox, MeterRegistry meters) {
        this.payments = payments;
        this.refunds = refunds;
        this.methods = methods;
        this.outbox = outbox;
        this.meters = meters;
    }

    /** The idempotency key of an order's charge: the same on every attempt, from every instance. */
    public static String chargeKey(UUID orderId) {
        return "charge-" + orderId;
    }

    /** The idempotency key of a payment's (full) refund. */
    public static String refundKey(UUID paymentId) {
        return "refund-" + paymentId;
    }

    /** The gateway captured the order's total: Payment, PaymentCaptured and OrderPaid. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Payment recordCapture(Order order, String reference, Instant now) {
        Payment payment = captured(order, methods.findById(order.paymentMethodId()), reference, now, true);
        meters.counter("eventcommerce.payments", "outcome", NO_CHARGE.equals(reference) ? "no_charge" : "captured")
                .increment();
        return payment;
    }

    /** The gateway declined the charge: Payment (DECLINED) and PaymentDeclined. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Payment recordDecline(Order order, String declineCode, Instant now) {
        PaymentMethod method = methods.findById(order.paymentMethodId());
        Payment payment = Payment.declined(order.id(), method.id(), order.total(), order.currency(), declineCode, now);
        payments.persist(payment);
        outbox.publish(new PaymentDeclined(payment.id(), order.id(), order.customerId(), payment.amount(),
                payment.currency(), declineCode, OrderEvents.ref(method), now));
        meters.counter("eventcommerce.payments", "outcome", declineCode).increment();
        return payment;
    }

    /**
     * A capture the gateway made for an order that was cancelled meanwhile (found by a void's lookup): the Payment
     * and PaymentCaptured, but no OrderPaid; the void then refunds it.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Payment recordLateCapture(Order order, String reference, Instant now) {
        meters.counter("eventcommerce.payments", "outcome", "late_capture").increment();
        return captured(order, methods.findById(order.paymentMethodId()), reference, now, false);
    }

    /**
     * The gateway answered a charge with a capture after the order had been cancelled (a call still in flight when
     * the cancellation's void looked): makes sure that money is given back, whatever the void found. Locks the void
     * (as {@link RefundProcess} does), so the capture is recorded once.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void capturedAfterCancel(Order order, String reference, Instant now) {
        PaymentRefund refund = refunds.forCharge(chargeKey(order.id())).flatMap(r -> refunds.lock(r.id()))
                .orElse(null);
        if (refund == null) {
            refunds.persist(PaymentRefund.of(recordLateCapture(order, reference, now), chargeKey(order.id()),
                    "PAYMENT_FAILED", now));
        } else if (refund.status() == PaymentRefund.Status.PENDING && refund.paymentId() == null) {
            refund.capturedAs(recordLateCapture(order, reference, now), now);
        } else if (refund.status() == PaymentRefund.Status.NOTHING_CAPTURED) {
            refund.reopenFor(recordLateCapture(order, reference, now), now);
        }
        // Otherwise the void already found this capture (a payment exists for it).
    }

    /**
     * Records that the order's captured payment is to be refunded in full (made later by {@link RefundProcess});
     * returns the amount. In the transaction that cancels or returns the order, so the decision and the refund owed
     * are never separated.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public BigDecimal requestRefund(Order order, String reason, Instant now) {
        List<Payment> ofOrder = payments.forOrder(order.id());
        Payment captured = ofOrder.stream().filter(p -> p.status() == Payment.Status.CAPTURED).findFirst()
                .orElse(null);
        if (captured == null && ofOrder.stream().anyMatch(p -> p.status() == Payment.Status.REFUNDED)) {
            // Charged back before: the money went back already, there is nothing left to refund.
            return BigDecimal.ZERO.setScale(2);
        }
        if (captured == null) {
            throw new IllegalStateException("order " + order.id() + " is paid but has no capture");
        }
        refunds.persist(PaymentRefund.of(captured, chargeKey(order.id()), reason, now));
        return captured.amount();
    }

    /**
     * Records that whatever the order's charge may have captured is to be given back: for an order cancelled while
     * its payment was unsettled (CONFIRMED). {@link RefundProcess} asks the gateway and refunds a capture.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void requestVoid(Order order, String reason, Instant now) {
        if (refunds.forCharge(chargeKey(order.id())).isEmpty()) {
            refunds.persist(PaymentRefund.voidOf(order.id(), chargeKey(order.id()), order.total(), order.currency(),
                    reason, now));
        }
    }

    /** The gateway refunded {@code payment}: REFUNDED and PaymentRefunded. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void recordRefund(Order order, Payment payment, String reference, String reason, Instant now) {
        refunded(order, payment, reference, reason, now);
        meters.counter("eventcommerce.payments", "outcome", "refunded").increment();
    }

    /** Refund reason of a chargeback the card's holder disputed as fraud: the fraud label scoring learns from. */
    public static final String FRAUD_CHARGEBACK = "FRAUD_CHARGEBACK";

    /** Refund reason of any other chargeback (goods not received, a dispute about the amount, ...). */
    public static final String CHARGEBACK = "CHARGEBACK";

    /** Gateway reference of a chargeback: the issuer took the money back, the gateway was not asked to refund. */
    public static final String CHARGEBACK_REFERENCE = "chargeback";

    /**
     * The card's issuer took the order's captured payment back (a chargeback): REFUNDED at once, without calling the
     * gateway, with PaymentRefunded and a {@code payment_refund} row (REFUNDED) so no refund follows. 409 when the
     * order has no captured payment left or a refund of it is already recorded.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public PaymentRefund recordChargeback(Order order, String reason, String comment, Instant now) {
        Payment captured = payments.forOrder(order.id()).stream()
                .filter(p -> p.status() == Payment.Status.CAPTURED).findFirst()
                .orElseThrow(() -> DomainException.conflict("Order " + order.id()
                        + " has no captured payment left to charge back (refunded or charged back already)"));
        if (refunds.forCharge(chargeKey(order.id())).isPresent()) {
            throw DomainException.conflict("A refund of order " + order.id() + " is already recorded");
        }
        PaymentRefund refund = PaymentRefund.chargeback(captured, chargeKey(order.id()), reason,
                CHARGEBACK_REFERENCE, comment, now);
        refunds.persist(refund);
        refunded(order, captured, CHARGEBACK_REFERENCE, reason, now);
        meters.counter("eventcommerce.payments", "outcome", "chargeback").increment();
        return refund;
    }

    /** Reference of payments backfilled by the history import: taken long ago, by whatever gateway was used then. */
    public static final String IMPORTED_REFERENCE = "imported";

    /** Records, without calling the gateway, that an imported order was paid at {@code paidAt}. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Payment recordImported(Order order, PaymentMethod method, Instant paidAt) {
        return captured(order, method, IMPORTED_REFERENCE, paidAt, true);
    }

    /** Records, without calling the gateway, that an imported payment was refunded at {@code refundedAt}. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void recordImportedRefund(Order order, Payment payment, String reason, Instant refundedAt) {
        refunded(order, payment, IMPORTED_REFERENCE, reason, refundedAt);
    }

    /** Stores the captured payment and publishes PaymentCaptured (and OrderPaid), live or imported alike. */
    private Payment captured(Order order, PaymentMethod method, String reference, Instant at, boolean paid) {
        Payment payment = Payment.captured(order.id(), method.id(), order.total(), order.currency(), reference, at);
        payments.persist(payment);
        outbox.publish(new PaymentCaptured(payment.id(), order.id(), order.customerId(), payment.amount(),
                payment.currency(), reference, OrderEvents.ref(method), at));
        if (paid) {
            outbox.publish(new OrderPaid(order.id(), order.customerId(), payment.id(), payment.amount(),
                    payment.currency(), at));
        }
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

    public List<PaymentRefund> refundsOf(UUID orderId) {
        return refunds.forOrder(orderId);
    }
}
