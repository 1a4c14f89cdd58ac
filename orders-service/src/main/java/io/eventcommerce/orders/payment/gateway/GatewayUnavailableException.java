package io.eventcommerce.orders.payment.gateway;

/**
 * The gateway could not be reached or did not answer in time: the outcome of the call is unknown. Not a decline;
 * the caller retries with the same idempotency key or asks {@link PaymentGateway#lookup}. The message never carries
 * card data.
 */
public class GatewayUnavailableException extends RuntimeException {

    private final boolean timedOut;

    public GatewayUnavailableException(String message, boolean timedOut) {
        super(message);
        this.timedOut = timedOut;
    }

    /** True if the call was sent but not answered in time (it may have taken effect). */
    public boolean timedOut() {
        return timedOut;
    }
}
