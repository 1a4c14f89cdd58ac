package io.eventcommerce.orders.order.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/** An address as it was when the order was placed (a copy: later edits of the customer's address book do not
 * change it). The column names are set per use with {@code @AttributeOverride}. */
@Embeddable
public class PostalAddress {

    @Column(length = 200)
    private String name;
    @Column(length = 200)
    private String line1;
    @Column(length = 200)
    private String line2;
    @Column(length = 100)
    private String city;
    @Column(length = 100)
    private String region;
    @Column(length = 20)
    private String postalCode;
    @Column(length = 2, columnDefinition = "CHAR(2)")
    private String country;

    protected PostalAddress() {
    }

    public PostalAddress(String name, String line1, String line2, String city, String region, String postalCode,
                         String country) {
        this.name = name;
        this.line1 = line1;
        this.line2 = line2;
        this.city = city;
        this.region = region;
        this.postalCode = postalCode;
        this.country = country;
    }

    public String name() {
        return name;
    }

    public String line1() {
        return line1;
    }

    public String line2() {
        return line2;
    }

    public String city() {
        return city;
    }

    public String region() {
        return region;
    }

    public String postalCode() {
        return postalCode;
    }

    public String country() {
        return country;
    }
}
