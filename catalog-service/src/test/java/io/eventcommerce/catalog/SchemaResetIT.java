package io.eventcommerce.catalog;

import io.eventcommerce.testkit.Database;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import static io.eventcommerce.catalog.CatalogFixtures.MANAGER;
import static io.eventcommerce.catalog.CatalogFixtures.createCategory;
import static io.eventcommerce.catalog.CatalogFixtures.product;
import static io.eventcommerce.catalog.CatalogFixtures.unique;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/** The test kit's cheap reset empties a service's tables between tests, leaving its schema and the service usable. */
@QuarkusTest
class SchemaResetIT {

    @Test
    void truncateAllEmptiesEveryTableButKeepsTheMigrations() {
        Database catalog = Database.of("catalog");
        given().auth().oauth2(MANAGER).contentType("application/json").body(product(unique("SKU"), createCategory()))
                .post("/products").then().statusCode(201);
        assertThat(catalog.count("SELECT COUNT(*) FROM product")).isPositive();

        catalog.truncateAll();

        assertThat(catalog.rowCounts()).allSatisfy((table, rows) -> assertThat(rows).as(table).isZero());
        assertThat(catalog.count("SELECT COUNT(*) FROM flyway_schema_history")).isPositive();
        given().auth().oauth2(MANAGER).get("/products").then().statusCode(200).body("totalItems", equalTo(0));
        given().auth().oauth2(MANAGER).contentType("application/json").body(product(unique("SKU"), createCategory()))
                .post("/products").then().statusCode(201);
    }
}
