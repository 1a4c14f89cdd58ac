package io.eventcommerce.catalog;

import io.eventcommerce.devstack.DevTokens;
import io.eventcommerce.testkit.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

/** A token signed with the right key is still refused when another issuer made it or it is meant for someone else. */
@QuarkusTest
class TokenVerificationIT {

    private static void refused(String token) {
        given().auth().oauth2(token).get("/products").then().statusCode(401)
                .contentType("application/problem+json")
                .body("type", equalTo("https://eventcommerce.io/problems/unauthorized"));
    }

    @Test
    void issuerAndAudienceAreVerified() {
        given().auth().oauth2(TestTokens.from(DevTokens.ISSUER, DevTokens.AUDIENCE, "catalog-manager"))
                .get("/products").then().statusCode(200);
        refused(TestTokens.from("https://someone-else.example.com", DevTokens.AUDIENCE, "catalog-manager"));
        refused(TestTokens.from(DevTokens.ISSUER, "another-platform", "catalog-manager"));
        refused(TestTokens.from(DevTokens.ISSUER, null, "catalog-manager"));
    }
}
