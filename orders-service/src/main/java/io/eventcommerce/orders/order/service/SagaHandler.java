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
import io.eventcommerce.servicekit.messaging.IncomingEvent;
import io.eventcommerce.servicekit.time.Timestamps;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

import java.time.Instant;
import java.util.UUID;
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
    private final Inbox inbox;
    private final OrdersConfig config;

    public SagaHandler(OrderRepository orders, PaymentStep payments, OrderEvents events, Inbox inbox,
                       OrdersConfig config) {
        this.orders = orders;
        this.payments = payments;
        this.events = events;
        this.inbox = inbox;
        this.config = config;
    }

    /** StockReserved, StockRejected (catalog.reservation) and FraudAssessed (compliance.fraud). */
    @Transactional
    public void onReply(IncomingEvent event) {
        UUID orderId;
        if (event.is(StockReserved.TYPE)) {
            orderId = event.data(StockReserved.TYPE).orderId();
        } else if (event.is(StockRejected.TYPE)) {
            orderId = event.data(StockRejected.TYPE).orderId();
        } else if (event.is(FraudAssessed.TYPE)) {
            orderId = event.data(FraudAssessed.TYPE).orderId();
        } else {
            return;
        }
        if (!inbox.firstDelivery(REPLIES, event.eventId(), event.type())) {
            return;
        }
        Order order = orders.lock(orderId).orElse(null);
        if (order == null) {
            LOG.warnf("%s is about order %s, which does not exist here; ignored", event, orderId);
            return;
        }
        Instant now = Timestamps.now();
        if (event.is(StockReserved.TYPE)) {
            order.recordStock(true, null, now);
        } else if (event.is(StockRejected.TYPE)) {
            order.recordStock(false, event.data(StockRejected.TYPE).shortages().stream()
                    .map(s -> "line " + s.lineNo() + ": " + s.reason() + " (" + s.requested() + " requested, "
                            + s.available() + " available)")
                    .collect(Collectors.joining("; ")), now);
        } else {
            FraudAssessed fraud = event.data(FraudAssessed.TYPE);
            order.recordFraud(fraud.decision(), fraud.score(), fraud.reasons(), now);
        }
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
        if (event.is(OrderConfirmed.TYPE)) {
            payments.attempt(event.data(OrderConfirmed.TYPE).orderId());
        }
    }
}
