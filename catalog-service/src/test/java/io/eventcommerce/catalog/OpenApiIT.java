package io.eventcommerce.catalog;

import io.eventcommerce.servicekit.rest.Page;
import io.eventcommerce.testkit.OpenApiDocument;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

@QuarkusTest
class OpenApiIT {

    @Test
    void everyOperationStatesItsRolesItsProblemResponsesAndItsPageCap() {
        OpenApiDocument document = OpenApiDocument.parse(given().queryParam("format", "json").get("/q/openapi")
                .then().statusCode(200).extract().asString());
        assertThat(document.operations()).isGreaterThan(20);
        assertThat(document.gaps(Page.MAX_SIZE, Page.MAX_PAGE)).isEmpty();
    }
}
