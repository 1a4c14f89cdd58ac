package io.eventcommerce.orders.payment.service;

import io.eventcommerce.orders.OrdersConfig;
import io.eventcommerce.orders.order.domain.Order;
import io.eventcommerce.orders.order.domain.OrderRepository;
import io.eventcommerce.orders.payment.domain.Payment;
import io.eventcommerce.orders.payment.domain.PaymentRefund;
import io.eventcommerce.orders.payment.domain.PaymentRefundRepository;
import io.eventcommerce.orders.payment.domain.PaymentRepository;
import io.eventcommerce.orders.payment.gateway.GatewayUnavailableException;
import io.eventcommerce.orders.payment.gateway.PaymentGateway;
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
 * Makes the refunds (and voids) that cancellations, returns and payment timeouts recorded as {@link PaymentRefund}
 * rows: a short read, the gateway call outside any transaction with the key {@code refund-<paymentId>}, and a short
 * transaction that locks the row, re-checks it is still PENDING and records REFUNDED with PaymentRefunded. A gateway
 * that is unavailable is tried again with back-off until it answers. Several instances may run this: the gateway
 * answers a repeated key with its first answer, and only one of them records it.
 */
@ApplicationScoped
public class RefundProcess {

    private static final Logger LOG = Logger.getLogger(RefundProcess.class);
    private static final int BATCH = 100;

    private final PaymentRefundRepository refunds;
    private final PaymentRepository payments;
    private final OrderRepository orders;
    private final PaymentService paymentService;
    private final PaymentGateway gateway;
    private final OrdersConfig config;
    private final MeterRegistry meters;

    public RefundProcess(PaymentRefundRepository refunds, PaymentRepository payments, OrderRepository orders,
                         PaymentService paymentService, PaymentGateway gateway, OrdersConfig config,
                         MeterRegistry meters) {
        this.refunds = refunds;
        this.payments = payments;
        this.orders = orders;
        this.paymentService = paymentService;
        this.gateway = gateway;
        this.config = config;
        this.meters = meters;
    }

    @Scheduled(every = "${orders.payment.check-every:5s}", delayed = "5s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void refundDue() {
        for (UUID id : due(Timestamps.now())) {
            try {
                process(id);
            } catch (RuntimeException e) {
                LOG.warnf("Could not work off refund %s (will retry): %s", id, e.toString());
            }
        }
    }

    @Transactional
    List<UUID> due(Instant now) {
        return refunds.due(now, BATCH);
    }

    /** What a refund's gateway call needs; {@code reference} is null for a void not yet looked up. */
    record Work(UUID refundId, String chargeKey, UUID paymentId, String reference, BigDecimal amount,
                String currency) {
    }

    @Transactional(Transactional.TxType.NEVER)
    public void process(UUID refundId) {
        Work work = read(refundId);
        if (work == null) {
            return;
        }
        try {
            if (work.paymentId() == null) {
                Optional<PaymentGateway.Outcome> charge = gateway.lookup(work.chargeKey());
                if (charge.isEmpty() || !charge.get().approved()) {
                    settle(refundId, null, null);
                    return;
                }
                work = capturedLate(refundId, charge.get().reference());
                if (work == null) {
                    return;
                }
            }
            if (work.amount().signum() == 0 || PaymentService.NO_CHARGE.equals(work.reference())) {
                settle(refundId, PaymentService.NO_CHARGE, null);
                return;
            }
            PaymentGateway.Outcome outcome = gateway.refund(work.reference(), work.amount(), work.currency(),
                    PaymentService.refundKey(work.paymentId()));
            settle(refundId, outcome.approved() ? outcome.reference() : null,
                    outcome.approved() ? null : outcome.declineCode());
        } catch (GatewayUnavailableException e) {
            unavailable(refundId, e.getMessage());
        }
    }

    @Transactional
    Work read(UUID refundId) {
        PaymentRefund refund = refunds.findById(refundId);
        if (refund == null || refund.status() != PaymentRefund.Status.PENDING) {
            return null;
        }
        String reference = refund.paymentId() == null ? null : payments.findById(refund.paymentId())
                .gatewayReference();
        return new Work(refund.id(), refund.chargeKey(), refund.paymentId(), reference, refund.amount(),
                refund.currency());
    }

    /** A void found its charge captured: record the Payment, and make the void the refund of it. */
    @Transactional
    Work capturedLate(UUID refundId, String reference) {
        PaymentRefund refund = refunds.lock(refundId).orElse(null);
        if (refund == null || refund.status() != PaymentRefund.Status.PENDING) {
            return null;
        }
        if (refund.paymentId() == null) {
            Order order = orders.findById(refund.orderId());
            Payment payment = paymentService.recordLateCapture(order, reference, Timestamps.now());
            refund.capturedAs(payment, Timestamps.now());
            LOG.warnf("Order %s was cancelled while its charge was unsettled, and the gateway did capture it (%s): "
                    + "refunding", refund.orderId(), reference);
        }
        return new Work(refund.id(), refund.chargeKey(), refund.paymentId(),
                payments.findById(refund.paymentId()).gatewayReference(), refund.amount(), refund.currency());
    }

    /**
     * The gateway answered: refunded ({@code reference}), refused ({@code declineCode}), or, for a void, nothing
     * was captured (both null).
     */
    @Transactional
    void settle(UUID refundId, String reference, String declineCode) {
        PaymentRefund refund = refunds.lock(refundId).orElse(null);
        if (refund == null || refund.status() != PaymentRefund.Status.PENDING) {
            return;
        }
        Instant now = Timestamps.now();
        if (reference != null) {
            Payment payment = payments.findById(refund.paymentId());
            paymentService.recordRefund(orders.findById(refund.orderId()), payment, reference, refund.reason(), now);
            refund.refunded(reference, now);
        } else if (declineCode != null) {
            refund.failed("refused by the gateway: " + declineCode, now);
            meters.counter("eventcommerce.payments", "outcome", "refund_failed").increment();
            LOG.errorf("The gateway refused refund %s of order %s (%s); it needs a person", refundId,
                    refund.orderId(), declineCode);
        } else {
            refund.nothingCaptured(now);
            LOG.infof("Order %s: its unsettled charge was never captured; nothing to give back", refund.orderId());
        }
    }

    @Transactional
    void unavailable(UUID refundId, String error) {
        PaymentRefund refund = refunds.lock(refundId).orElse(null);
        if (refund == null || refund.status() != PaymentRefund.Status.PENDING) {
            return;
        }
        Instant now = Timestamps.now();
        refund.attemptFailed(error, now.plus(config.payment().backoffAfter(refund.attempts() + 1)), now);
    }
}
