package io.eventcommerce.testkit;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class OpenApiDocumentTest {

    private static final String CLEAN = """
            {"openapi": "3.1.0",
             "info": {"title": "t", "version": "1", "license": {"name": "Proprietary", "identifier": "LicenseRef-P"}},
             "servers": [{"url": "/"}, {"url": "http://127.0.0.1:8081"}],
             "tags": [{"name": "Things", "description": "Things."}],
             "paths": {"/things/{id}": {"get": {"operationId": "thingGet", "summary": "Get a thing",
                "tags": ["Things"], "security": [{"jwt": []}],
                "parameters": [{"name": "id", "in": "path", "required": true}],
                "responses": {"200": {"content": {"application/json": {"schema": {"$ref": "#/components/schemas/Thing"}}}},
                              "404": {"description": "no such thing"}}}}},
             "components": {"schemas": {"Thing": {"type": "object"}},
                            "securitySchemes": {"jwt": {"type": "http", "scheme": "bearer"}}}}
            """;

    @Test
    void aCleanDocumentHasNoGaps() {
        assertThat(OpenApiDocument.parse(CLEAN).clientGeneratorGaps()).isEmpty();
    }

    @Test
    void namesEveryGapOfABrokenDocument() {
        String broken = """
                {"openapi": "3.1.0", "info": {"title": "t", "version": "1", "license": {"name": "Proprietary"}},
                 "servers": [{"url": "http://localhost:8081"}],
                 "tags": [{"name": "Things"}, {"name": "Things"}],
                 "paths": {
                   "/things/{id}": {"get": {"operationId": "same", "tags": ["Things"], "security": [{"oauth": []}],
                      "responses": {"200": {"description": "ok"}}}},
                   "/others": {"post": {"operationId": "same", "summary": "Add",
                      "parameters": [{"name": "id", "in": "path"}], "responses": {"201": {"description": "ok"}}},
                               "put": {"summary": "Replace", "responses": {"400": {"description": "bad"}}}}},
                 "components": {"schemas": {"Unused": {"type": "object"}}, "securitySchemes": {}}}
                """;
        assertThat(OpenApiDocument.parse(broken).clientGeneratorGaps()).containsExactlyInAnyOrder(
                "server 'http://localhost:8081': empty, example.com or localhost, or with a trailing slash",
                "info: no licence with a name and an identifier or URL",
                "tag 'Things' declared twice",
                "GET /things/{id}: no summary",
                "GET /things/{id}: no 4xx response",
                "GET /things/{id}: path parameters [id] but declared []",
                "GET /things/{id}: security scheme 'oauth' is not defined",
                "GET /things/{id}: tag 'Things' has no description",
                "POST /others: operationId 'same' also names GET /things/{id}",
                "POST /others: no 4xx response",
                "POST /others: path parameters [] but declared [id]",
                "PUT /others: no operationId",
                "PUT /others: no 2xx response",
                "component schema 'Unused' is not used");
    }

    @Test
    void noServersIsAGap() {
        assertThat(OpenApiDocument.parse(CLEAN.replace("""
                "servers": [{"url": "/"}, {"url": "http://127.0.0.1:8081"}],""", "")).clientGeneratorGaps())
                .containsExactly("no servers");
    }

    @Test
    void pathsThatCanMatchOneUrlWithNeitherMoreSpecificAreAGap() {
        assertThat(OpenApiDocument.ambiguous("/checks/runs/{runId}", "/checks/{check}/runs")).isTrue();
        assertThat(OpenApiDocument.ambiguous("/{entity}/me", "/users/{id}")).isTrue();
        // A fixed segment wins over a parameter at the one place they differ: not ambiguous.
        assertThat(OpenApiDocument.ambiguous("/things/{id}", "/things/search")).isFalse();
        assertThat(OpenApiDocument.ambiguous("/things/{id}/runs", "/things/{other}/runs")).isFalse();
        assertThat(OpenApiDocument.ambiguous("/things/{id}", "/others/{id}")).isFalse();
        assertThat(OpenApiDocument.ambiguous("/things/{id}", "/things/{id}/runs")).isFalse();
        String twoPaths = CLEAN.replace("\"paths\": {", """
                "paths": {"/things/runs/{run}": {}, "/others/{id}/runs": {}, "/things/{id}/runs": {},""");
        assertThat(OpenApiDocument.parse(twoPaths).clientGeneratorGaps())
                .containsExactly("paths /things/runs/{run} and /things/{id}/runs can match one URL");
    }
}
