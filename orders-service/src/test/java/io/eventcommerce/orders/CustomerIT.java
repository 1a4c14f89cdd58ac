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

        given().auth().oauth2(SUPPORT).contentType(ContentType.JSON)
                .body(Map.of("email", email.toUpperCase(), "firstName", "G", "lastName", "H"))
                .post("/customers")
                .then().statusCode(409).contentType("application/problem+json");
        given().auth().oauth2(SUPPORT).contentType(ContentType.JSON)
                .body(Map.of("email", "not-an-email", "firstName", "G", "lastName", "H", "country", "Germany"))
                .post("/customers")
                .then().statusCode(422).body("errors.size()", equalTo(2));
        // Counted on the test's own address: other tests register customers meanwhile.
        assertThat(ORDERS.count("SELECT COUNT(*) FROM customer WHERE email = ?", email.toLowerCase())).isEqualTo(1);

        given().auth().oauth2(TestTokens.customer(UUID.fromString(id))).get("/customers/" + id)
                .then().statusCode(200).body("lastName", equalTo("Hopper"));
        given().auth().oauth2(TestTokens.customer(UUID.randomUUID())).get("/customers/" + id)
                .then().statusCode(404);
        given().auth().oauth2(TestTokens.forRoles("customer")).contentType(ContentType.JSON)
                .body(Map.of("email", "x@example.com", "firstName", "G", "lastName", "H"))
                .post("/customers").then().statusCode(403);
    }

    @Test
    void staffFindACustomerByEmailInAnyCase() {
        String email = "ada." + UUID.randomUUID() + "@example.com";
        String id = given().auth().oauth2(SUPPORT).contentType(ContentType.JSON)
                .body(Map.of("email", email, "firstName", "Ada", "lastName", "Lovelace"))
                .post("/customers").then().statusCode(201).extract().path("id");

        given().auth().oauth2(SUPPORT).queryParam("email", email.toUpperCase()).get("/customers")
                .then().statusCode(200).body("size()", equalTo(1)).body("[0].id", equalTo(id));
        given().auth().oauth2(SUPPORT).queryParam("email", "nobody." + UUID.randomUUID() + "@example.com")
                .get("/customers").then().statusCode(200).body("size()", equalTo(0));
        given().auth().oauth2(SUPPORT).queryParam("email", "not-an-email").get("/customers")
                .then().statusCode(422).contentType("application/problem+json");
        given().auth().oauth2(SUPPORT).get("/customers").then().statusCode(422);
        given().auth().oauth2(TestTokens.customer(UUID.fromString(id))).queryParam("email", email)
                .get("/customers").then().statusCode(403);
    }
}
