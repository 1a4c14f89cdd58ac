package io.eventcommerce.orders.order.domain;

import io.eventcommerce.servicekit.persistence.VersionedEntity;
import jakarta.persistence.AttributeOverride;
import jakarta.persistence.AttributeOverrides;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * An order and its place in the saga. Every status change goes through {@link #moveTo}, which enforces
 * {@link OrderStatus#canMoveTo}; the saga's answers are recorded as they arrive and {@link #advance} decides what
 * they mean.
 */
@Entity
@Table(name = "customer_order")
public class Order extends VersionedEntity {

    /** What catalog-service answered about the order's stock. */
    public enum StockAnswer { AWAITING, RESERVED, REJECTED }

    @JdbcTypeCode(SqlTypes.CHAR)
    @Column(name = "customer_id", nullable = false, length = 36)
    private UUID customerId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    private OrderStatus status;

    @Column(nullable = false, length = 3, columnDefinition = "CHAR(3)")
    private String currency;

    @Column(nullable = false, precision = 14, scale = 2)
    private BigDecimal subtotal;

    @Column(nullable = false, precision = 14, scale = 2)
    private BigDecimal discount;

    @Column(nullable = false, precision = 14, scale = 2)
    private BigDecimal total;

    @Column(name = "promotion_code", length = 40)
    private String promotionCode;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 10)
    private Channel channel;

    @Column(name = "client_ip", length = 45)
    private String clientIp;

    @Embedded
    @AttributeOverrides({
            @AttributeOverride(name = "name", column = @Column(name = "ship_name", length = 200)),
            @AttributeOverride(name = "line1", column = @Column(name = "ship_line1", length = 200)),
            @AttributeOverride(name = "line2", column = @Column(name = "ship_line2", length = 200)),
            @AttributeOverride(name = "city", column = @Column(name = "ship_city", length = 100)),
            @AttributeOverride(name = "region", column = @Column(name = "ship_region", length = 100)),
            @AttributeOverride(name = "postalCode", column = @Column(name = "ship_postal_code", length = 20)),
            @AttributeOverride(name = "country", column = @Column(name = "ship_country", length = 2,
                    columnDefinition = "CHAR(2)"))})
    private PostalAddress shippingAddress;

    @Embedded
    @AttributeOverrides({
            @AttributeOverride(name = "name", column = @Column(name = "bill_name", length = 200)),
            @AttributeOverride(name = "line1", column = @Column(name = "bill_line1", length = 200)),
            @AttributeOverride(name = "line2", column = @Column(name = "bill_line2", length = 200)),
            @AttributeOverride(name = "city", column = @Column(name = "bill_city", length = 100)),
            @AttributeOverride(name = "region", column = @Column(name = "bill_region", length = 100)),
            @AttributeOverride(name = "postalCode", column = @Column(name = "bill_postal_code", length = 20)),
            @AttributeOverride(name = "country", column = @Column(name = "bill_country", length = 2,
                    columnDefinition = "CHAR(2)"))})
    private PostalAddress billingAddress;

    @JdbcTypeCode(SqlTypes.CHAR)
    @Column(name = "payment_method_id", length = 36)
    private UUID paymentMethodId;

    @Enumerated(EnumType.STRING)
    @Column(name = "stock_answer", nullable = false, length = 10)
    private StockAnswer stockAnswer;

    @Column(name = "fraud_decision", length = 10)
    private String fraudDecision;

    @Column(name = "fraud_score", precision = 4, scale = 3)
    private BigDecimal fraudScore;

    /** The fraud check's reason codes, comma-separated (OrderOnHold carries them). */
    @Column(name = "fraud_reasons", length = 500)
    private String fraudReasons;

    /** Failed payment attempts (gateway unavailable or timed out) while CONFIRMED. */
    @Column(name = "payment_attempts", nullable = false)
    private int paymentAttempts;

    /** When the payment step runs next; null outside CONFIRMED. */
    @Column(name = "payment_next_attempt_at")
    private Instant paymentNextAttemptAt;

    /** From then on the charge is not repeated: the gateway is asked what became of it. */
    @Column(name = "payment_reconcile_at")
    private Instant paymentReconcileAt;

    @Column(name = "payment_last_error", length = 200)
    private String paymentLastError;

    /** When the current wait (for answers, or for a review) ends; null once the saga has moved on. */
    @Column(name = "saga_deadline")
    private Instant sagaDeadline;

    @Enumerated(EnumType.STRING)
    @Column(name = "cancel_reason", length = 20)
    private CancelReason cancelReason;

    @Column(name = "status_detail", length = 500)
    private String statusDetail;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "order_item", joinColumns = @JoinColumn(name = "order_id"))
    @OrderBy("lineNo")
    private List<OrderLine> lines = new ArrayList<>();

    protected Order() {
    }

    private Order(UUID id, Instant now) {
        super(id, now);
    }

    /** What the placing of an order needs besides its priced lines. */
    public record Placement(UUID customerId, Channel channel, String clientIp, PostalAddress shippingAddress,
                            PostalAddress billingAddress, UUID paymentMethodId, String promotionCode,
                            BigDecimal discount) {
    }

    /** A new order from lines priced by {@link OrderPricing}; it starts {@link OrderStatus#PENDING}. */
    public static Order place(UUID id, OrderPricing.Result priced, Placement p, SagaPolicy policy, Instant now) {
        Order order = new Order(id, now);
        order.fill(priced, p, OrderStatus.PENDING);
        order.clientIp = p.clientIp();
        order.stockAnswer = StockAnswer.AWAITING;
        order.sagaDeadline = now.plus(policy.replyTimeout());
        return order;
    }

    /**
     * An order backfilled from history: it is stored in the final status it reached, with its original placing time
     * and last change, and nothing of the saga is awaited. {@code priced} carries the historical prices.
     */
    public static Order imported(UUID id, OrderPricing.Result priced, Placement p, ImportedTimeline timeline,
                                 CancelReason cancelReason) {
        Order order = new Order(id, timeline.placedAt());
        order.fill(priced, p, timeline.status());
        order.clientIp = p.clientIp();
        order.stockAnswer = timeline.paid() ? StockAnswer.RESERVED : StockAnswer.AWAITING;
        order.cancelReason = timeline.status() == OrderStatus.CANCELLED ? cancelReason : null;
        order.statusDetail = timeline.status() == OrderStatus.CANCELLED ? "Imported from history" : null;
        order.touch(timeline.lastChange());
        return order;
    }

    /** What every order takes from its priced lines and its placement. */
    private void fill(OrderPricing.Result priced, Placement p, OrderStatus initial) {
        if (!priced.valid() || priced.lines().isEmpty()) {
            throw new IllegalArgumentException("an order needs priced lines");
        }
        BigDecimal off = p.discount() == null ? BigDecimal.ZERO.setScale(2) : p.discount();
        if (off.signum() < 0 || off.compareTo(priced.subtotal()) > 0) {
            throw new IllegalArgumentException("discount must be between 0 and the subtotal");
        }
        customerId = p.customerId();
        status = initial;
        currency = priced.currency();
        subtotal = priced.subtotal();
        discount = off;
        total = priced.subtotal().subtract(off);
        promotionCode = p.promotionCode();
        channel = p.channel();
        shippingAddress = p.shippingAddress();
        billingAddress = p.billingAddress();
        paymentMethodId = p.paymentMethodId();
        lines.addAll(priced.lines());
    }

    /** Records catalog-service's answer; {@link #advance} acts on it. Later answers to the same question are ignored. */
    public boolean recordStock(boolean reserved, String detail, Instant now) {
        if (stockAnswer != StockAnswer.AWAITING) {
            return false;
        }
        stockAnswer = reserved ? StockAnswer.RESERVED : StockAnswer.REJECTED;
        if (!reserved) {
            statusDetail = truncate(detail);
        }
        touch(now);
        return true;
    }

    /**
     * Records compliance-service's verdict. A first REVIEW may be followed by the officer's APPROVE or REJECT; a final
     * verdict is not changed by anything after it.
     */
    public boolean recordFraud(String decision, BigDecimal score, List<String> reasons, Instant now) {
        if (fraudDecision != null && !"REVIEW".equals(fraudDecision)) {
            return false;
        }
        fraudDecision = decision;
        fraudScore = score;
        fraudReasons = reasons == null || reasons.isEmpty() ? null : truncate(String.join(",", reasons));
        touch(now);
        return true;
    }

    /** What the recorded answers call for, given the policy: hold, confirm, cancel, or nothing yet. */
    public Optional<OrderStatus> advance(SagaPolicy policy, Instant now) {
        if (!status.awaitsSaga()) {
            return Optional.empty();
        }
        if (policy.awaitStock() && stockAnswer == StockAnswer.REJECTED) {
            cancel(CancelReason.OUT_OF_STOCK, statusDetail == null ? "Not enough stock" : statusDetail, now);
        } else if (policy.awaitFraud() && "REJECT".equals(fraudDecision)) {
            cancel(CancelReason.FRAUD_REJECTED, "The fraud check rejected the order", now);
        } else if (policy.awaitFraud() && "REVIEW".equals(fraudDecision)) {
            if (status == OrderStatus.ON_HOLD) {
                return Optional.empty();
            }
            moveTo(OrderStatus.ON_HOLD, now);
            sagaDeadline = now.plus(policy.reviewTimeout());
        } else if ((!policy.awaitStock() || stockAnswer == StockAnswer.RESERVED)
                && (!policy.awaitFraud() || "APPROVE".equals(fraudDecision))) {
            moveTo(OrderStatus.CONFIRMED, now);
            sagaDeadline = null;
        } else {
            return Optional.empty();
        }
        return Optional.of(status);
    }

    public void cancel(CancelReason reason, String detail, Instant now) {
        moveTo(OrderStatus.CANCELLED, now);
        cancelReason = reason;
        statusDetail = truncate(detail);
        sagaDeadline = null;
        paymentNextAttemptAt = null;
    }

    /**
     * A CONFIRMED order's payment deadlines: the scheduler takes over at {@code firstRetry} if the first attempt did
     * not settle it, repeats the charge until {@code reconcileAt}, then asks the gateway; at {@code deadline} an order
     * whose payment could not be settled is cancelled.
     */
    public void awaitPayment(Instant firstRetry, Instant reconcileAt, Instant deadline) {
        if (status != OrderStatus.CONFIRMED) {
            throw new IllegalStateException("only a CONFIRMED order awaits its payment, this one is " + status);
        }
        paymentAttempts = 0;
        paymentNextAttemptAt = firstRetry;
        paymentReconcileAt = reconcileAt;
        sagaDeadline = deadline;
    }

    /** An attempt to settle the payment failed without an answer (gateway unavailable or timed out). */
    public void paymentAttemptFailed(String error, Instant next, Instant now) {
        paymentAttempts++;
        paymentLastError = truncate200(error);
        paymentNextAttemptAt = next;
        touch(now);
    }

    public void markPaid(Instant now) {
        moveTo(OrderStatus.PAID, now);
        sagaDeadline = null;
        paymentNextAttemptAt = null;
    }

    public void markShipped(Instant now) {
        moveTo(OrderStatus.SHIPPED, now);
    }

    public void markDelivered(Instant now) {
        moveTo(OrderStatus.DELIVERED, now);
    }

    public void markReturned(Instant now) {
        moveTo(OrderStatus.RETURNED, now);
    }

    private void moveTo(OrderStatus target, Instant now) {
        if (!status.canMoveTo(target)) {
            throw new IllegalTransitionException(status, target);
        }
        status = target;
        touch(now);
    }

    private static String truncate200(String text) {
        return text == null || text.length() <= 200 ? text : text.substring(0, 199) + "…";
    }

    private static String truncate(String text) {
        return text == null || text.length() <= 500 ? text : text.substring(0, 499) + "…";
    }

    public UUID customerId() {
        return customerId;
    }

    public OrderStatus status() {
        return status;
    }

    public String currency() {
        return currency;
    }

    public BigDecimal subtotal() {
        return subtotal;
    }

    public BigDecimal discount() {
        return discount;
    }

    public BigDecimal total() {
        return total;
    }

    public String promotionCode() {
        return promotionCode;
    }

    public Channel channel() {
        return channel;
    }

    public String clientIp() {
        return clientIp;
    }

    public PostalAddress shippingAddress() {
        return shippingAddress;
    }

    public PostalAddress billingAddress() {
        return billingAddress;
    }

    public UUID paymentMethodId() {
        return paymentMethodId;
    }

    public StockAnswer stockAnswer() {
        return stockAnswer;
    }

    public String fraudDecision() {
        return fraudDecision;
    }

    public BigDecimal fraudScore() {
        return fraudScore;
    }

    public List<String> fraudReasons() {
        return fraudReasons == null ? List.of() : List.of(fraudReasons.split(","));
    }

    public int paymentAttempts() {
        return paymentAttempts;
    }

    public Instant paymentNextAttemptAt() {
        return paymentNextAttemptAt;
    }

    public Instant paymentReconcileAt() {
        return paymentReconcileAt;
    }

    public String paymentLastError() {
        return paymentLastError;
    }

    public Instant sagaDeadline() {
        return sagaDeadline;
    }

    public CancelReason cancelReason() {
        return cancelReason;
    }

    public String statusDetail() {
        return statusDetail;
    }

    public List<OrderLine> lines() {
        return List.copyOf(lines);
    }
}
