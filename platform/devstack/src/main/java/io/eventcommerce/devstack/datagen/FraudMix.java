package io.eventcommerce.devstack.datagen;

import java.time.Duration;

/**
 * The fraud of the generated history in one place: its patterns and their shares, how they come to be labelled
 * (chargebacks weeks later, some never), and the legitimate orders that look like them. The fraud model learns from
 * these labels, so each pattern has its own signature and every signature has legitimate look-alikes; the tables of
 * docs/data-generator.md ("Fraud") follow these numbers.
 */
final class FraudMix {

    /**
     * A fraud pattern: its share of all orders and the share of its orders that the platform's own fraud check
     * rejected at the time (CANCELLED, FRAUD_REJECTED).
     */
    enum Pattern {
        /** Stolen cards tried with small orders minutes apart on one new account, most declined. */
        CARD_TESTING("card-testing", 0.006, 0.0),
        /** An old, well-behaved account suddenly ships high value abroad, from a foreign IP, with a new card. */
        ACCOUNT_TAKEOVER("account-takeover", 0.003, 0.2),
        /** Many orders within an hour on one new account. */
        VELOCITY_BURST("velocity-burst", 0.005, 0.3),
        /** Billing (card holder's), card, shipping and IP countries disagree. */
        COUNTRY_MISMATCH("country-mismatch", 0.003, 0.25),
        /** A very high-value first order of an account registered minutes or hours before. */
        HIGH_VALUE_FIRST_ORDER("high-value-first-order", 0.003, 0.3);

        final String label;
        final double share;
        final double rejected;

        Pattern(String label, double share, double rejected) {
            this.label = label;
            this.share = share;
            this.rejected = rejected;
        }
    }

    /** Legitimate orders with a signature a fraud pattern also has; labelled legitimate with their kind. */
    enum LookAlike {
        /** The customer orders from abroad (a foreign IP), now and then to the hotel there. */
        TRAVELLER("traveller"),
        /** A customer living in one country with a card issued in another, on every order. */
        EXPAT("expat"),
        /** A WHOLESALE account's bulk, high-value first order, placed the day it registered. */
        BIG_FIRST_ORDER("big-first-order"),
        /** Shipped to someone else's address, sometimes in another country. */
        GIFT("gift"),
        /** A legitimate order the customer disputed anyway: charged back, but no fraud pattern. */
        FRIENDLY_FRAUD("friendly-fraud");

        final String label;

        LookAlike(String label) {
            this.label = label;
        }
    }

    /** Share of legitimate orders placed from abroad. */
    static final double TRAVELLER_SHARE = 0.015;
    /** Of the traveller orders, the share shipped to the country they were placed from. */
    static final double TRAVELLER_SHIPS_THERE = 0.3;
    /** Share of legitimate orders sent as gifts; twice that in November and December. */
    static final double GIFT_SHARE = 0.015;
    /** Of the gifts, the share shipped to another country. */
    static final double GIFT_ABROAD = 0.35;
    /** Share of customers who are expats (a card of another country). */
    static final double EXPAT_SHARE = 0.02;
    /** Share of WHOLESALE customers whose first order is a big one, placed the day they registered. */
    static final double BIG_FIRST_ORDER_SHARE = 0.3;

    /** Share of paid fraud orders never charged back (the fraud goes unnoticed): unlabelled in the platform. */
    static final double UNLABELLED_SHARE = 0.2;
    /** Share of paid legitimate orders charged back all the same (friendly fraud): mislabelled in the platform. */
    static final double FRIENDLY_FRAUD_SHARE = 0.002;
    /** A chargeback arrives this long after the payment, uniformly; one that would be in the future is not made. */
    static final Duration CHARGEBACK_MIN = Duration.ofDays(5);
    static final Duration CHARGEBACK_MAX = Duration.ofDays(60);

    /** Share of customers registered on the day of their first order (the others well before it). */
    static final double SAME_DAY_REGISTRATION = 0.12;
    /** Mean of the exponential gap, in days, between registering and the first order of the others. */
    static final double REGISTRATION_GAP_DAYS = 200;
    /** An account taken over is at least this old, and has at least this many orders before. */
    static final Duration TAKEOVER_MIN_AGE = Duration.ofDays(180);
    static final int TAKEOVER_MIN_ORDERS = 3;

    private FraudMix() {
    }

    static double totalShare() {
        double total = 0;
        for (Pattern p : Pattern.values()) {
            total += p.share;
        }
        return total;
    }
}
