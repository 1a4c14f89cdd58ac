package io.eventcommerce.orders.order.service;

import io.eventcommerce.events.catalog.StockRejected;
import io.eventcommerce.events.catalog.StockReserved;
import io.eventcommerce.events.compliance.FraudAssessed;
import io.eventcommerce.events.orders.OrderConfirmed;
import io.eventcommerce.orders.OrdersConfig;
import io.eventcommerce.orders.order.domain.Order;
import io.eventcommerce.orders.order.domain.OrderRepository;
import io.eventcommerce.orders.order.domain.OrderStatus;
import io.eventcommerce.servicekit.inbox.Inbox;
import io.eventcommerce.servicekit.messaging.EventRoutes;
import io.eventcommerce.servicekit.messaging.IncomingEvent;
import io.eventcommerce.servicekit.time.Timestamps;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

import java.time.Instant;
import java.util.UUID;
import java.util.function.BiConsumer;
import java.util.stream.Collectors;

/**
 * orders-service's side of the saga (DESIGN §3). It records the stock and fraud answers and moves the order on
 * ({@link Order#advance}); when it becomes CONFIRMED the payment is taken in a separate step ({@link PaymentStep}),
 * triggered by this service's own OrderConfirmed event, so a slow or failing gateway never holds up the answers. The
 * order's payment deadlines are set here, so the scheduler settles a payment whose first attempt never ran or did
 * not finish. Each answer is applied once (inbox) in one transaction with its effects.
 */
@ApplicationScoped
public class SagaHandler {

    public static final String REPLIES = "saga-replies";
    private static final Logger LOG = Logger.getLogger(SagaHandler.class);

    private final OrderRepository orders;
    private final PaymentStep payments;
    private final OrderEvents events;
    private final OrdersConfig config;
    private final EventRoutes replies;
    private final EventRoutes confirmations;

    public SagaHandler(OrderRepository orders, PaymentStep payments, OrderEvents events, Inbox inbox,
                       OrdersConfig config) {
        this.orders = orders;
        this.payments = payments;
        this.events = events;
        this.config = config;
        this.replies = EventRoutes.recordedIn(inbox, REPLIES)
                .on(StockReserved.TYPE, (StockReserved reserved, IncomingEvent event) ->
                        answer(reserved.orderId(), event, (order, now) -> order.recordStock(true, null, now)))
                .on(StockRejected.TYPE, this::stockRejected)
                .on(FraudAssessed.TYPE, this::fraudAssessed)
                .build();
        // No inbox: a second attempt is harmless (see onConfirmed).
        this.confirmations = EventRoutes.unrecorded()
                .on(OrderConfirmed.TYPE, (OrderConfirmed confirmed) -> payments.attempt(confirmed.orderId()))
                .build();
    }

    /** StockReserved, StockRejected (catalog.reservation) and FraudAssessed (compliance.fraud). */
    @Transactional
    public void onReply(IncomingEvent event) {
        replies.apply(event);
    }

    private void stockRejected(StockRejected rejected, IncomingEvent event) {
        String shortages = rejected.shortages().stream()
                .map(s -> "line " + s.lineNo() + ": " + s.reason() + " (" + s.requested() + " requested, "
                        + s.available() + " available)")
                .collect(Collectors.joining("; "));
        answer(rejected.orderId(), event, (order, now) -> order.recordStock(false, shortages, now));
    }

    private void fraudAssessed(FraudAssessed fraud, IncomingEvent event) {
        answer(fraud.orderId(), event,
                (order, now) -> order.recordFraud(fraud.decision(), fraud.score(), fraud.reasons(), now));
    }

    /** Records one answer on the order (locked) and moves the order on if it can. */
    private void answer(UUID orderId, IncomingEvent event, BiConsumer<Order, Instant> record) {
        Order order = orders.lock(orderId).orElse(null);
        if (order == null) {
            LOG.warnf("%s is about order %s, which does not exist here; ignored", event, orderId);
            return;
        }
        Instant now = Timestamps.now();
        record.accept(order, now);
        OrderStatus previous = order.status();
        order.advance(config.saga().policy(), now).ifPresent(status -> {
            if (status == OrderStatus.CONFIRMED) {
                OrdersConfig.Payment payment = config.payment();
                order.awaitPayment(now.plus(payment.firstRetryAfter()), now.plus(payment.reconcileAfter()),
                        now.plus(payment.timeout()));
            }
            orders.flush();
            events.moved(order, previous, now);
        });
    }

    /**
     * OrderConfirmed (orders.order, this service's own event): the first attempt to charge the order. Not in a
     * transaction (the gateway is called outside one); a redelivery makes a harmless second attempt, since the
     * order is no longer CONFIRMED or the gateway answers the same key with its first answer.
     */
    public void onConfirmed(IncomingEvent event) {
        confirmations.apply(event);
    }
}
