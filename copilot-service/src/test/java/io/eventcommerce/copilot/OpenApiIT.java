package io.eventcommerce.copilot;

import io.eventcommerce.servicekit.rest.Page;
import io.eventcommerce.testkit.OpenApiDocument;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

@QuarkusTest
class OpenApiIT {

    @Test
    void everyOperationStatesItsRolesItsProblemResponsesAndItsPageCap() {
        OpenApiDocument document = OpenApiDocument.parse(given().queryParam("format", "json").get("/q/openapi")
                .then().statusCode(200).extract().asString());
        assertThat(document.operations()).isGreaterThan(0);
        assertThat(document.gaps(Page.MAX_SIZE, Page.MAX_PAGE)).isEmpty();
    }

    /** The checks of redocly lint's recommended rules that matter to a client generator (docs/api.md). */
    @Test
    void aClientGeneratorTakesTheDocumentAsItIs() {
        OpenApiDocument document = OpenApiDocument.parse(given().queryParam("format", "json").get("/q/openapi")
                .then().statusCode(200).extract().asString());
        // For redocly lint (not run by the build): npx @redocly/cli lint target/openapi/copilot-service.json
        document.save(Path.of("target", "openapi", "copilot-service.json"));
        assertThat(document.clientGeneratorGaps()).isEmpty();
    }

    @Test
    void swaggerUiIsOffUnlessEnabled() {
        // Production's default; the local run enables it (devstack PlatformService.localConfig, LocalRunApiIT).
        given().get("/q/swagger-ui").then().statusCode(404);
    }
}
