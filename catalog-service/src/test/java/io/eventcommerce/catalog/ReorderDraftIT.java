package io.eventcommerce.catalog;

import io.eventcommerce.catalog.purchasing.service.ReorderDraftHandler;
import io.eventcommerce.events.EventCodec;
import io.eventcommerce.events.EventEnvelope;
import io.eventcommerce.events.Topics;
import io.eventcommerce.events.insights.ReorderSuggested;
import io.eventcommerce.testkit.Database;
import io.eventcommerce.testkit.Deadlines;
import io.eventcommerce.testkit.TopicProbe;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.eventcommerce.catalog.CatalogFixtures.MANAGER;
import static io.eventcommerce.catalog.CatalogFixtures.createWarehouse;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * insights.reorder → DRAFT purchase orders against the real stack: the same event delivered twice and a second
 * suggestion while the draft is open leave exactly one draft; once it is cancelled, the next suggestion drafts again.
 */
@QuarkusTest
class ReorderDraftIT {

    private static final Database CATALOG = Database.of("catalog");

    @Test
    void oneOpenDraftPerProductAndWarehouseWhateverIsDelivered() {
        String supplier = PurchaseOrderIT.supplier(9);
        String productId = PurchaseOrderIT.newProduct();
        String warehouse = createWarehouse();
        // A cancelled order tells who supplies the product, and leaves nothing open.
        String earlier = PurchaseOrderIT.create(PurchaseOrderIT.order(supplier, warehouse,
                List.of(PurchaseOrderIT.line(productId, 5, null))));
        given().auth().oauth2(MANAGER).contentType(ContentType.JSON).body(Map.of("note", "test"))
                .post("/purchase-orders/" + earlier + "/cancel").then().statusCode(200);

        EventEnvelope<ReorderSuggested> first = envelope(productId, warehouse, 40);
        send(first);
        send(first);
        EventEnvelope<ReorderSuggested> second = envelope(productId, warehouse, 55);
        send(second);
        awaitProcessed(first);
        awaitProcessed(second);

        List<Map<String, Object>> drafts = drafts(productId, warehouse);
        assertThat(drafts).hasSize(1);
        Map<String, Object> draft = drafts.get(0);
        assertThat(draft.get("status")).isEqualTo("DRAFT");
        assertThat(draft.get("supplier_id")).isEqualTo(supplier);
        assertThat(((Number) draft.get("quantity_ordered")).intValue()).isEqualTo(40);
        assertThat(draft.get("expected_on").toString())
                .isEqualTo(LocalDate.now(ZoneOffset.UTC).plusDays(9).toString());
        assertThat(CATALOG.count("SELECT COUNT(*) FROM reorder_draft WHERE product_id = ? AND warehouse_id = ?"
                + " AND purchase_order_id = ?", productId, warehouse, draft.get("id"))).isEqualTo(1);

        // The draft goes; the next suggestion may draft again, once.
        given().auth().oauth2(MANAGER).contentType(ContentType.JSON).body(Map.of("note", "not now"))
                .post("/purchase-orders/" + draft.get("id") + "/cancel").then().statusCode(200);
        EventEnvelope<ReorderSuggested> third = envelope(productId, warehouse, 60);
        send(third);
        send(third);
        awaitProcessed(third);
        List<Map<String, Object>> after = drafts(productId, warehouse);
        assertThat(after).hasSize(1);
        assertThat(after.get(0).get("id")).isNotEqualTo(draft.get("id"));
        assertThat(((Number) after.get(0).get("quantity_ordered")).intValue()).isEqualTo(60);
    }

    private static List<Map<String, Object>> drafts(String productId, String warehouse) {
        return CATALOG.query("SELECT o.id, o.status, o.supplier_id, o.expected_on, l.quantity_ordered"
                + " FROM purchase_order o JOIN purchase_order_line l ON l.purchase_order_id = o.id"
                + " WHERE l.product_id = ? AND o.warehouse_id = ? AND o.status = 'DRAFT' AND o.created_by = ?",
                productId, warehouse, ReorderDraftHandler.ACTOR);
    }

    private static EventEnvelope<ReorderSuggested> envelope(String productId, String warehouse, int quantity) {
        ReorderSuggested suggestion = new ReorderSuggested(UUID.randomUUID(), UUID.fromString(productId),
                UUID.fromString(warehouse), quantity, new BigDecimal("30.5"), new BigDecimal("24.0"),
                new BigDecimal("6.5"), new BigDecimal("0.95"), 14, 3, 3, 0, UUID.randomUUID(), Instant.now());
        return EventEnvelope.wrap(suggestion, "insights-service", Instant.now());
    }

    private static void send(EventEnvelope<ReorderSuggested> envelope) {
        TopicProbe.send(Topics.INSIGHTS_REORDER, envelope.aggregateId(), EventCodec.toJson(envelope),
                Map.of("id", envelope.eventId().toString(), "eventType", envelope.type()));
    }

    private static void awaitProcessed(EventEnvelope<ReorderSuggested> envelope) {
        await().atMost(Deadlines.ASYNC).until(() -> CATALOG.count("SELECT COUNT(*) FROM processed_event"
                + " WHERE consumer = ? AND event_id = ?", ReorderDraftHandler.CONSUMER,
                envelope.eventId().toString()) == 1);
    }
}
