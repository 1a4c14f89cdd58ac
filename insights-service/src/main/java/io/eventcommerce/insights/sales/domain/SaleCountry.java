package io.eventcommerce.insights.sales.domain;

import io.eventcommerce.events.orders.Address;
import io.eventcommerce.events.orders.OrderPlaced;

/** The country a sale is reported under: where it ships to, else where it is billed, else ZZ (unknown). */
public final class SaleCountry {

    public static final String UNKNOWN = "ZZ";

    private SaleCountry() {
    }

    public static String of(OrderPlaced order) {
        String country = country(order.shippingAddress());
        if (country == null) {
            country = country(order.billingAddress());
        }
        return country == null ? UNKNOWN : country;
    }

    private static String country(Address address) {
        return address == null || address.country() == null || address.country().length() != 2 ? null
                : address.country();
    }
}
