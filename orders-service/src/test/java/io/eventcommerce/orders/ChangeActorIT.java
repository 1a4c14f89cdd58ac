package io.eventcommerce.orders;

import io.eventcommerce.events.EventEnvelope;
import io.eventcommerce.servicekit.rest.RequestId;
import io.eventcommerce.testkit.BinaryLog;
import io.eventcommerce.testkit.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.eventcommerce.orders.OrdersFixtures.ORDERS;
import static io.eventcommerce.orders.OrdersFixtures.awaitReplica;
import static io.eventcommerce.orders.OrdersFixtures.created;
import static io.eventcommerce.orders.OrdersFixtures.createCustomer;
import static io.eventcommerce.orders.OrdersFixtures.send;
import static io.eventcommerce.orders.OrdersFixtures.snapshot;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/**
 * Every change orders-service makes names its actor in the binary log, in the statement's leading comment
 * (servicekit audit.ChangeActor), which the audit connector reads as {@code source.query}; staff reads of personal
 * data leave an insert into {@code personal_data_read} there, and nothing in the table.
 */
@QuarkusTest
class ChangeActorIT {

    private static final BinaryLog BINLOG = BinaryLog.of(ORDERS);

    private static List<String> statementsWith(BinaryLog.Position since, String... parts) {
        return BINLOG.statementsSince(since).stream().filter(s -> {
            String lower = s.toLowerCase();
            for (String part : parts) {
                if (!lower.contains(part.toLowerCase())) {
                    return false;
                }
            }
            return true;
        }).toList();
    }

    @Test
    void aStaffChangeNamesTheUserAndTheRequestItSent() {
        String id = createCustomer();
        String agent = "agent-" + UUID.randomUUID();
        String requestId = "it-" + UUID.randomUUID();
        BinaryLog.Position before = BINLOG.position();

        given().auth().oauth2(TestTokens.as(agent, "support")).header(RequestId.HEADER, requestId)
                .contentType(ContentType.JSON).body(Map.of("segment", "VIP"))
                .patch("/customers/" + id)
                .then().statusCode(200).header(RequestId.HEADER, requestId).body("segment", equalTo("VIP"));

        String actor = "/* ec-actor:user%3A" + agent + ";" + requestId + ";http */";
        assertThat(statementsWith(before, actor, "update customer ", id)).hasSize(1);
        // The outbox row of its CustomerUpdated is written with plain JDBC, and carries the actor all the same.
        assertThat(statementsWith(before, actor, "insert into outbox_event", id)).hasSize(1);
        assertThat(statementsWith(before, "update customer ", id))
                .allSatisfy(statement -> assertThat(statement).startsWith(actor));
    }

    @Test
    void aRequestIdThatIsNoPlausibleIdIsReplacedAndTheNewOneIsEchoed() {
        String id = createCustomer();
        String agent = "agent-" + UUID.randomUUID();
        BinaryLog.Position before = BINLOG.position();

        String echoed = given().auth().oauth2(TestTokens.as(agent, "admin"))
                .header(RequestId.HEADER, "x */ drop table customer; --")
                .contentType(ContentType.JSON).body(Map.of("country", "FR"))
                .patch("/customers/" + id)
                .then().statusCode(200).extract().header(RequestId.HEADER);

        assertThat(UUID.fromString(echoed)).isNotNull();
        assertThat(statementsWith(before, "update customer ", id)).singleElement().asString()
                .startsWith("/* ec-actor:user%3A" + agent + ";" + echoed + ";http */")
                .doesNotContain("drop table");
        // Every response carries an id, also one the caller did not ask for and an error.
        given().auth().oauth2(TestTokens.as(agent, "admin")).get("/customers/" + UUID.randomUUID())
                .then().statusCode(404).header(RequestId.HEADER, org.hamcrest.Matchers.matchesPattern("[0-9a-f-]{36}"));
    }

    @Test
    void aChangeMadeByAConsumerNamesTheServiceAndTheEvent() {
        UUID productId = UUID.randomUUID();
        BinaryLog.Position before = BINLOG.position();

        EventEnvelope<?> event = send(created(snapshot(productId, "10.00", "ACTIVE", 0)));
        awaitReplica(productId, 0);

        String actor = "/* ec-actor:service%3Aorders-service;" + event.eventId() + ";event */";
        assertThat(statementsWith(before, "catalog_product", productId.toString())).isNotEmpty()
                .allSatisfy(statement -> assertThat(statement).startsWith(actor));
        assertThat(statementsWith(before, "processed_event", event.eventId().toString())).singleElement().asString()
                .startsWith(actor);
    }

    @Test
    void aStaffReadOfACustomerLeavesItsTraceInTheBinaryLogAndNothingInTheTable() {
        String id = createCustomer();
        String agent = "agent-" + UUID.randomUUID();
        String requestId = "read-" + UUID.randomUUID();
        BinaryLog.Position before = BINLOG.position();

        given().auth().oauth2(TestTokens.as(agent, "support")).header(RequestId.HEADER, requestId)
                .get("/customers/" + id).then().statusCode(200).body("id", equalTo(id));

        String actor = "/* ec-actor:user%3A" + agent + ";" + requestId + ";http */";
        assertThat(statementsWith(before, actor, "insert into personal_data_read", "'customer'", id,
                "'email,firstName,lastName,country'")).hasSize(1);
        assertThat(statementsWith(before, actor, "delete from personal_data_read")).hasSize(1);
        assertThat(ORDERS.count("SELECT COUNT(*) FROM personal_data_read WHERE subject_id = ?", id)).isZero();
    }

    @Test
    void staffReadsOfAddressesAndOrdersAreRecordedToo() {
        String id = createCustomer();
        String agent = "agent-" + UUID.randomUUID();
        String token = TestTokens.as(agent, "support");
        given().auth().oauth2(token).contentType(ContentType.JSON)
                .body(Map.of("label", "Home", "address", OrdersFixtures.ADDRESS))
                .post("/customers/" + id + "/addresses").then().statusCode(201);
        BinaryLog.Position before = BINLOG.position();

        given().auth().oauth2(token).get("/customers/" + id + "/addresses").then().statusCode(200)
                .body("size()", equalTo(1));

        assertThat(statementsWith(before, "/* ec-actor:user%3A" + agent + ";",
                "insert into personal_data_read", id, "'customer.addresses'")).hasSize(1);
    }

    @Test
    void aCustomerReadingItsOwnDataLeavesNoTrace() {
        String id = createCustomer();
        BinaryLog.Position before = BINLOG.position();

        given().auth().oauth2(TestTokens.customer(UUID.fromString(id))).get("/customers/" + id)
                .then().statusCode(200).body("id", equalTo(id));
        // A later staff read of the same customer, so the log has certainly been written past the customer's read.
        given().auth().oauth2(TestTokens.forRoles("support")).get("/customers/" + id).then().statusCode(200);

        List<String> reads = statementsWith(before, "insert into personal_data_read", id);
        assertThat(reads).singleElement().asString().contains("user%3Atest-support;");
    }

    @Test
    void aBatchOfInsertsStaysOneStatementWithOneActor() {
        List<String> ids = List.of(UUID.randomUUID().toString(), UUID.randomUUID().toString(),
                UUID.randomUUID().toString());
        String agent = "agent-" + UUID.randomUUID();
        String registeredAt = Instant.now().minus(30, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS).toString();
        BinaryLog.Position before = BINLOG.position();

        given().auth().oauth2(TestTokens.as(agent, "admin")).contentType(ContentType.JSON)
                .body(Map.of("customers", ids.stream().map(id -> Map.of("id", id, "email", "b-" + id + "@example.com",
                        "firstName", "Ada", "lastName", "Lovelace", "registeredAt", registeredAt)).toList()))
                .post("/admin/customers/import").then().statusCode(200).body("imported", equalTo(3));

        // Hibernate's JDBC batch, rewritten by Connector/J into one multi-row INSERT: one statement, one comment.
        assertThat(statementsWith(before, "insert into customer ", ids.get(0))).singleElement().asString()
                .startsWith("/* ec-actor:user%3A" + agent + ";")
                .contains(ids.get(1), ids.get(2));
    }
}
