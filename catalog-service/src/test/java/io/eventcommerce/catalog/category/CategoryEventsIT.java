package io.eventcommerce.catalog.category;

import io.eventcommerce.events.EventCodec;
import io.eventcommerce.events.Topics;
import io.eventcommerce.events.catalog.CategoryChanged;
import io.eventcommerce.testkit.TestTokens;
import io.eventcommerce.testkit.TopicProbe;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every write of a category puts its full state on catalog.category (through the outbox, in the write's transaction):
 * a create, a rename, a move under another parent; a change that changes nothing publishes nothing.
 */
@QuarkusTest
class CategoryEventsIT {

    private static final String MANAGER = TestTokens.forRoles("catalog-manager");

    @Test
    void createRenameAndMoveEachPublishTheCategorysSnapshotWithItsVersion() {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String parent = create("Parent " + suffix, null);
        String child = create("Child " + suffix, null);
        change(child, "Renamed " + suffix, null);
        // The same values again: no change, no event.
        change(child, "Renamed " + suffix, null);
        change(child, "Renamed " + suffix, parent);

        List<CategoryChanged> published = TopicProbe.readUntil(Topics.CATALOG_CATEGORY, r -> child.equals(r.key()),
                        seen -> seen.stream().anyMatch(r -> r.value().contains("\"parentId\":\"" + parent + "\"")),
                        TopicProbe.DEFAULT_TIMEOUT).stream()
                .map(r -> EventCodec.data(EventCodec.parse(r.value()), CategoryChanged.TYPE)).toList();

        assertThat(published).extracting(CategoryChanged::name)
                .containsExactly("Child " + suffix, "Renamed " + suffix, "Renamed " + suffix);
        assertThat(published).extracting(CategoryChanged::version).containsExactly(0L, 1L, 2L);
        assertThat(published).extracting(c -> c.parentId() == null ? null : c.parentId().toString())
                .containsExactly(null, null, parent);
        assertThat(published).allSatisfy(c -> {
            assertThat(c.categoryId()).hasToString(child);
            assertThat(c.slug()).isEqualTo("child-" + suffix);
            assertThat(c.deleted()).isFalse();
            assertThat(c.changedAt()).isNotNull();
        });
        CategoryChanged root = EventCodec.data(EventCodec.parse(TopicProbe.awaitKey(Topics.CATALOG_CATEGORY, parent,
                CategoryChanged.TYPE.name()).value()), CategoryChanged.TYPE);
        assertThat(root.name()).isEqualTo("Parent " + suffix);
        assertThat(root.parentId()).isNull();
    }

    private static String create(String name, String parentId) {
        Map<String, Object> body = new HashMap<>(Map.of("name", name));
        if (parentId != null) {
            body.put("parentId", parentId);
        }
        return given().auth().oauth2(MANAGER).contentType(ContentType.JSON).body(body)
                .post("/categories").then().statusCode(201).extract().path("id");
    }

    private static void change(String id, String name, String parentId) {
        Map<String, Object> body = new HashMap<>(Map.of("name", name));
        body.put("parentId", parentId);
        given().auth().oauth2(MANAGER).contentType(ContentType.JSON).body(body)
                .put("/categories/" + id).then().statusCode(200);
    }
}
