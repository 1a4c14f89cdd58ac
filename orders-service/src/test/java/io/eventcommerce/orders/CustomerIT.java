package io.eventcommerce.orders;

import io.eventcommerce.testkit.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.UUID;

import static io.eventcommerce.orders.OrdersFixtures.ORDERS;
import static io.eventcommerce.orders.OrdersFixtures.SUPPORT;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

@QuarkusTest
class CustomerIT {

    @Test
    void registersACustomerWithAUniqueCaseInsensitiveEmail() {
        String email = "Grace." + UUID.randomUUID() + "@Example.com";
        String id = given().auth().oauth2(SUPPORT).contentType(ContentType.JSON)
                .body(Map.of("email", email, "firstName", "Grace", "lastName", "Hopper", "segment", "VIP"))
                .post("/customers")
                .then().statusCode(201).body("email", equalTo(email.toLowerCase())).body("segment", equalTo("VIP"))
                .extract().path("id");
        long customers = ORDERS.count("SELECT COUNT(*) FROM customer");

        given().auth().oauth2(SUPPORT).contentType(ContentType.JSON)
                .body(Map.of("email", email.toUpperCase(), "firstName", "G", "lastName", "H"))
                .post("/customers")
                .then().statusCode(409).contentType("application/problem+json");
        given().auth().oauth2(SUPPORT).contentType(ContentType.JSON)
                .body(Map.of("email", "not-an-email", "firstName", "G", "lastName", "H", "country", "Germany"))
                .post("/customers")
                .then().statusCode(422).body("errors.size()", equalTo(2));
        assertThat(ORDERS.count("SELECT COUNT(*) FROM customer")).isEqualTo(customers);

        given().auth().oauth2(TestTokens.customer(UUID.fromString(id))).get("/customers/" + id)
                .then().statusCode(200).body("lastName", equalTo("Hopper"));
        given().auth().oauth2(TestTokens.customer(UUID.randomUUID())).get("/customers/" + id)
                .then().statusCode(404);
        given().auth().oauth2(TestTokens.forRoles("customer")).contentType(ContentType.JSON)
                .body(Map.of("email", "x@example.com", "firstName", "G", "lastName", "H"))
                .post("/customers").then().statusCode(403);
    }
}
