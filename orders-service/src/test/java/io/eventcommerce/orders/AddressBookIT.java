package io.eventcommerce.orders;

import io.eventcommerce.testkit.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.eventcommerce.orders.OrdersFixtures.ADDRESS;
import static io.eventcommerce.orders.OrdersFixtures.ORDERS;
import static io.eventcommerce.orders.OrdersFixtures.SUPPORT;
import static io.eventcommerce.orders.OrdersFixtures.createCustomer;
import static io.eventcommerce.orders.OrdersFixtures.productInReplica;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;

@QuarkusTest
class AddressBookIT {

    private static final Map<String, Object> OFFICE = Map.of("name", "Ada Lovelace", "line1", "1 Analytical Way",
            "city", "Manchester", "postalCode", "M1 1AA", "country", "GB");

    private static String add(String token, String customerId, String label, Map<String, Object> address,
                              boolean defaultShipping) {
        return given().auth().oauth2(token).contentType(ContentType.JSON)
                .body(Map.of("label", label, "address", address, "defaultShipping", defaultShipping))
                .post("/customers/" + customerId + "/addresses").then().statusCode(201).extract().path("id");
    }

    @Test
    void aCustomerKeepsAnAddressBookWithOneDefaultOfEachKind() {
        String customerId = createCustomer();
        String own = TestTokens.customer(UUID.fromString(customerId));
        String home = add(own, customerId, "Home", ADDRESS, false);
        given().auth().oauth2(own).get("/customers/" + customerId + "/addresses/" + home).then().statusCode(200)
                .body("defaultShipping", equalTo(true)).body("defaultBilling", equalTo(true))
                .body("address.postalCode", equalTo("SW1Y 4JH"));

        String office = add(own, customerId, "Office", OFFICE, true);
        given().auth().oauth2(own).get("/customers/" + customerId + "/addresses").then().statusCode(200)
                .body("label", contains("Home", "Office"))
                .body("defaultShipping", contains(false, true))
                .body("defaultBilling", contains(true, false));

        Map<String, Object> moved = new HashMap<>(OFFICE);
        moved.put("line1", "2 Analytical Way");
        given().auth().oauth2(own).contentType(ContentType.JSON)
                .body(Map.of("label", "Office", "address", moved, "defaultShipping", true))
                .put("/customers/" + customerId + "/addresses/" + office).then().statusCode(200)
                .body("address.line1", equalTo("2 Analytical Way")).body("version", equalTo(1));

        Map<String, Object> noCountry = new HashMap<>(OFFICE);
        noCountry.remove("country");
        given().auth().oauth2(own).contentType(ContentType.JSON).body(Map.of("address", noCountry))
                .post("/customers/" + customerId + "/addresses").then().statusCode(422);
        assertThat(ORDERS.count("SELECT COUNT(*) FROM customer_address WHERE customer_id = ?", customerId))
                .isEqualTo(2);

        String stranger = TestTokens.customer(UUID.fromString(createCustomer()));
        given().auth().oauth2(stranger).get("/customers/" + customerId + "/addresses").then().statusCode(404);
        given().auth().oauth2(stranger).contentType(ContentType.JSON).body(Map.of("address", OFFICE))
                .post("/customers/" + customerId + "/addresses").then().statusCode(404);
        given().auth().oauth2(stranger).delete("/customers/" + customerId + "/addresses/" + home)
                .then().statusCode(404);

        given().auth().oauth2(own).delete("/customers/" + customerId + "/addresses/" + home).then().statusCode(204);
        given().auth().oauth2(SUPPORT).get("/customers/" + customerId + "/addresses").then().statusCode(200)
                .body("label", contains("Office"));
    }

    @Test
    void anOrderTakesItsAddressFromTheBookAndKeepsItsCopy() {
        String customerId = createCustomer();
        UUID product = productInReplica("10.00");
        Map<String, Object> order = new HashMap<>(Map.of("customerId", customerId, "paymentToken", "tok_approve",
                "lines", List.of(Map.of("productId", product.toString(), "quantity", 1))));

        given().auth().oauth2(SUPPORT).contentType(ContentType.JSON).body(order).post("/orders")
                .then().statusCode(422).body("errors[0].field", equalTo("shippingAddress"));

        add(SUPPORT, customerId, "Home", ADDRESS, false);
        String office = add(SUPPORT, customerId, "Office", OFFICE, false);
        String byDefault = given().auth().oauth2(SUPPORT).contentType(ContentType.JSON).body(order).post("/orders")
                .then().statusCode(201).body("shippingAddress.city", equalTo("London"))
                .body("billingAddress.city", equalTo("London")).extract().path("id");

        order.put("shippingAddressId", office);
        given().auth().oauth2(SUPPORT).contentType(ContentType.JSON).body(order).post("/orders")
                .then().statusCode(201).body("shippingAddress.city", equalTo("Manchester"));

        Map<String, Object> both = new HashMap<>(order);
        both.put("shippingAddress", ADDRESS);
        given().auth().oauth2(SUPPORT).contentType(ContentType.JSON).body(both).post("/orders")
                .then().statusCode(422).body("errors[0].field", equalTo("shippingAddress"));
        order.put("shippingAddressId", UUID.randomUUID().toString());
        given().auth().oauth2(SUPPORT).contentType(ContentType.JSON).body(order).post("/orders")
                .then().statusCode(422).body("errors[0].field", equalTo("shippingAddressId"));
        assertThat(ORDERS.count("SELECT COUNT(*) FROM customer_order WHERE customer_id = ?", customerId))
                .isEqualTo(2);

        given().auth().oauth2(SUPPORT).delete("/customers/" + customerId + "/addresses/" + office)
                .then().statusCode(204);
        given().auth().oauth2(SUPPORT).get("/orders/" + byDefault).then().statusCode(200)
                .body("shippingAddress.line1", equalTo("12 St James's Square"));
    }
}
