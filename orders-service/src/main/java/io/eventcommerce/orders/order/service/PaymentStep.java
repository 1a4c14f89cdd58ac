package io.eventcommerce.orders.order.service;

import io.eventcommerce.orders.OrdersConfig;
import io.eventcommerce.orders.order.domain.CancelReason;
import io.eventcommerce.orders.order.domain.Order;
import io.eventcommerce.orders.order.domain.OrderRepository;
import io.eventcommerce.orders.order.domain.OrderStatus;
import io.eventcommerce.orders.payment.domain.PaymentMethodRepository;
import io.eventcommerce.orders.payment.gateway.GatewayUnavailableException;
import io.eventcommerce.orders.payment.gateway.PaymentGateway;
import io.eventcommerce.orders.payment.service.PaymentService;
import io.eventcommerce.servicekit.time.Timestamps;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Takes a CONFIRMED order's payment, and gives the order a way out when it cannot (docs/payments.md). One attempt is
 * a short read (still CONFIRMED?), the gateway call outside any transaction with the key {@code charge-<orderId>}
 * on every attempt, and a short transaction that locks the order, re-checks it is still CONFIRMED and records the
 * outcome: captured → PAID, declined → CANCELLED (PAYMENT_DECLINED). An unavailable gateway is recorded on the order
 * with the next attempt's time. The first attempt is triggered by OrderConfirmed; the scheduler makes the others:
 * the charge is repeated until {@code orders.payment.reconcile-after}, then the gateway is asked what became of the
 * key (captured → PAID, declined → CANCELLED, never received → CANCELLED PAYMENT_FAILED), and an order whose payment
 * is still unsettled at {@code orders.payment.timeout} is cancelled (PAYMENT_FAILED) with a void of the charge left
 * pending. Every cancellation releases the stock (OrderCancelled). Several instances may run this at once: the
 * gateway answers a repeated key with its first answer, and the row lock with the re-check lets one record it.
 */
@ApplicationScoped
public class PaymentStep {

    private static final Logger LOG = Logger.getLogger(PaymentStep.class);
    private static final int BATCH = 100;

    private final OrderRepository orders;
    private final PaymentMethodRepository methods;
    private final PaymentService payments;
    private final PaymentGateway gateway;
    private final OrderEvents events;
    private final OrdersConfig config;
    private final MeterRegistry meters;

    public PaymentStep(OrderRepository orders, PaymentMethodRepository methods, PaymentService payments,
                       PaymentGateway gateway, OrderEvents events, OrdersConfig config, MeterRegistry meters) {
        this.orders = orders;
        this.methods = methods;
        this.payments = payments;
        this.gateway = gateway;
        this.events = events;
        this.config = config;
        this.meters = meters;
    }

    /** What one attempt needs, read in a short transaction. */
    record Attempt(UUID orderId, boolean reconcile, String token, BigDecimal amount, String currency) {
    }

    @Scheduled(every = "${orders.payment.check-every:5s}", delayed = "5s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void retryDue() {
        for (UUID id : due(Timestamps.now())) {
            try {
                attempt(id);
            } catch (RuntimeException e) {
                LOG.warnf("Payment step of order %s failed (will retry): %s", id, e.toString());
            }
        }
    }

    @Transactional
    List<UUID> due(Instant now) {
        return orders.find("status = ?1 and paymentNextAttemptAt <= ?2 order by paymentNextAttemptAt",
                OrderStatus.CONFIRMED, now).page(0, BATCH).stream().map(Order::id).toList();
    }

    /**
     * One attempt to settle the order's payment. NEVER in a transaction: the gateway may take long, and no
     * transaction or row lock may be held meanwhile.
     */
    @Transactional(Transactional.TxType.NEVER)
    public void attempt(UUID orderId) {
        Attempt attempt = read(orderId);
        if (attempt == null) {
            return;
        }
        if (attempt.amount().signum() == 0) {
            // Paid entirely by a promotion: nothing to charge, so the gateway is not called.
            record(orderId, PaymentGateway.Outcome.approved(PaymentService.NO_CHARGE));
            return;
        }
        String key = PaymentService.chargeKey(orderId);
        try {
            if (!attempt.reconcile()) {
                record(orderId, gateway.charge(attempt.token(), attempt.amount(), attempt.currency(), key));
                return;
            }
            Optional<PaymentGateway.Outcome> known = gateway.lookup(key);
            if (known.isPresent()) {
                record(orderId, known.get());
            } else {
                fail(orderId, "The payment gateway never received the charge");
            }
        } catch (GatewayUnavailableException e) {
            unavailable(orderId, e);
        }
    }

    @Transactional
    Attempt read(UUID orderId) {
        Order order = orders.findById(orderId);
        if (order == null || order.status() != OrderStatus.CONFIRMED) {
            LOG.debugf("Order %s is no longer waiting for payment", orderId);
            return null;
        }
        Instant now = Timestamps.now();
        boolean reconcile = order.paymentReconcileAt() != null && !now.isBefore(order.paymentReconcileAt());
        return new Attempt(orderId, reconcile, methods.findById(order.paymentMethodId()).gatewayToken(),
                order.total(), order.currency());
    }

    /** The gateway's answer: PAID or CANCELLED (PAYMENT_DECLINED). */
    @Transactional
    void record(UUID orderId, PaymentGateway.Outcome outcome) {
        Order order = orders.lock(orderId).orElse(null);
        if (order == null) {
            return;
        }
        Instant now = Timestamps.now();
        if (order.status() != OrderStatus.CONFIRMED) {
            LOG.infof("Order %s was %s when its payment was answered (%s)", orderId, order.status(),
                    outcome.approved() ? "captured" : outcome.declineCode());
            if (order.status() == OrderStatus.CANCELLED && outcome.approved()
                    && !PaymentService.NO_CHARGE.equals(outcome.reference())) {
                // Cancelled meanwhile (a timeout, a person) while this call was in flight: give the money back.
                payments.capturedAfterCancel(order, outcome.reference(), now);
            }
            return;
        }
        if (outcome.approved()) {
            payments.recordCapture(order, outcome.reference(), now);
            order.markPaid(now);
            meters.counter("eventcommerce.orders.saga", "outcome", "paid").increment();
        } else {
            payments.recordDecline(order, outcome.declineCode(), now);
            order.cancel(CancelReason.PAYMENT_DECLINED, "The payment was declined (" + outcome.declineCode() + ")",
                    now);
            orders.flush();
            events.moved(order, OrderStatus.CONFIRMED, now);
        }
    }

    /** No answer: try again later, or give up at the order's payment deadline. */
    @Transactional
    void unavailable(UUID orderId, GatewayUnavailableException e) {
        Order order = confirmed(orderId);
        if (order == null) {
            return;
        }
        Instant now = Timestamps.now();
        Instant deadline = order.sagaDeadline();
        if (deadline != null && !now.isBefore(deadline)) {
            cancel(order, "The payment gateway did not answer until the payment deadline (" + e.getMessage()
                    + "); any capture will be voided", now);
            return;
        }
        Instant next = now.plus(config.payment().backoffAfter(order.paymentAttempts() + 1));
        order.paymentAttemptFailed(e.getMessage(), deadline != null && next.isAfter(deadline) ? deadline : next,
                now);
        LOG.infof("Payment of order %s: %s; attempt %d failed, next at %s", orderId, e.getMessage(),
                order.paymentAttempts(), order.paymentNextAttemptAt());
    }

    @Transactional
    void fail(UUID orderId, String detail) {
        Order order = confirmed(orderId);
        if (order != null) {
            cancel(order, detail, Timestamps.now());
        }
    }

    /**
     * PAYMENT_FAILED: the stock is released (OrderCancelled), and a void of the charge is left pending, since a
     * gateway that did not answer may still have captured.
     */
    private void cancel(Order order, String detail, Instant now) {
        order.cancel(CancelReason.PAYMENT_FAILED, detail, now);
        payments.requestVoid(order, CancelReason.PAYMENT_FAILED.name(), now);
        orders.flush();
        events.moved(order, OrderStatus.CONFIRMED, now);
        LOG.warnf("Order %s cancelled: %s", order.id(), detail);
    }

    private Order confirmed(UUID orderId) {
        return orders.lock(orderId).filter(o -> o.status() == OrderStatus.CONFIRMED).orElse(null);
    }
}
