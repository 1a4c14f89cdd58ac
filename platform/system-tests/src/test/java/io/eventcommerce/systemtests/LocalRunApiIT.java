package io.eventcommerce.systemtests;

import io.eventcommerce.devstack.PlatformService;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

/**
 * The local run ({@code ./platformctl up}, the same {@code RunningServices} as {@link Platform}) serves each
 * service's API for people: Swagger UI, which production leaves off, and the OpenAPI document whose servers include
 * the relative one Swagger UI calls.
 */
class LocalRunApiIT {

    @Test
    void everyServiceServesSwaggerUiAndItsOpenApiDocument() {
        for (PlatformService service : PlatformService.values()) {
            String base = Platform.services().get(service).uri().toString();
            given().baseUri(base).get("/q/swagger-ui").then().statusCode(200)
                    .body(containsString("swagger-ui"));
            given().baseUri(base).queryParam("format", "json").get("/q/openapi").then().statusCode(200)
                    .body("info.title", equalTo(service.serviceName()))
                    .body("servers.url", hasItem("/"));
        }
    }
}
