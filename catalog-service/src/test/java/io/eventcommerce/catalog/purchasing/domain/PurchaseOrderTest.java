package io.eventcommerce.catalog.purchasing.domain;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;

import static io.eventcommerce.catalog.purchasing.domain.PurchaseOrderStatus.APPROVED;
import static io.eventcommerce.catalog.purchasing.domain.PurchaseOrderStatus.CANCELLED;
import static io.eventcommerce.catalog.purchasing.domain.PurchaseOrderStatus.DRAFT;
import static io.eventcommerce.catalog.purchasing.domain.PurchaseOrderStatus.PARTIALLY_RECEIVED;
import static io.eventcommerce.catalog.purchasing.domain.PurchaseOrderStatus.RECEIVED;
import static io.eventcommerce.catalog.purchasing.domain.PurchaseOrderStatus.SUBMITTED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PurchaseOrderTest {

    private static final Instant NOW = Instant.parse("2026-03-01T10:00:00Z");
    private static final UUID KETTLE = UUID.randomUUID();
    private static final UUID TOASTER = UUID.randomUUID();

    /** The whole state machine: every pair not listed here is illegal. */
    private static final Map<PurchaseOrderStatus, Set<PurchaseOrderStatus>> LEGAL = Map.of(
            DRAFT, EnumSet.of(SUBMITTED, CANCELLED),
            SUBMITTED, EnumSet.of(DRAFT, APPROVED, CANCELLED),
            APPROVED, EnumSet.of(PARTIALLY_RECEIVED, RECEIVED, CANCELLED),
            PARTIALLY_RECEIVED, EnumSet.of(RECEIVED),
            RECEIVED, EnumSet.noneOf(PurchaseOrderStatus.class),
            CANCELLED, EnumSet.noneOf(PurchaseOrderStatus.class));

    private static PurchaseOrder draft() {
        return new PurchaseOrder(UUID.randomUUID(), "PO-2026-000001", new PurchaseOrder.Terms(UUID.randomUUID(),
                UUID.randomUUID(), "USD", LocalDate.parse("2026-03-15"), null, List.of(
                new PurchaseOrder.Item(KETTLE, 10, new BigDecimal("7.10")),
                new PurchaseOrder.Item(TOASTER, 4, new BigDecimal("12.5")))), "alice", NOW);
    }

    /** An order brought to {@code status} through the public operations. */
    private static PurchaseOrder in(PurchaseOrderStatus status) {
        PurchaseOrder order = draft();
        switch (status) {
            case DRAFT -> {
            }
            case SUBMITTED -> order.submit("alice", NOW);
            case APPROVED -> approved(order);
            case PARTIALLY_RECEIVED -> {
                approved(order);
                order.receive(List.of(arrival(KETTLE, 3)), "carol", NOW);
            }
            case RECEIVED -> {
                approved(order);
                order.receive(List.of(arrival(KETTLE, 10), arrival(TOASTER, 4)), "carol", NOW);
            }
            case CANCELLED -> order.cancel("alice", "not needed", NOW);
        }
        assertThat(order.status()).isEqualTo(status);
        return order;
    }

    private static void approved(PurchaseOrder order) {
        order.submit("alice", NOW);
        order.approve("bob", NOW);
    }

    private static PurchaseOrder.Arrival arrival(UUID product, int quantity) {
        return new PurchaseOrder.Arrival(product, quantity, costOf(product));
    }

    private static BigDecimal costOf(UUID product) {
        return product.equals(KETTLE) ? new BigDecimal("7.10") : new BigDecimal("12.50");
    }

    /** The operation that attempts each target state. */
    private static Consumer<PurchaseOrder> attempt(PurchaseOrderStatus target) {
        return switch (target) {
            case DRAFT -> o -> o.returnToDraft("fix it", NOW);
            case SUBMITTED -> o -> o.submit("alice", NOW);
            case APPROVED -> o -> o.approve("bob", NOW);
            case PARTIALLY_RECEIVED -> o -> o.receive(List.of(arrival(KETTLE, 1)), "carol", NOW);
            case RECEIVED -> o -> {
                if (o.status() == PARTIALLY_RECEIVED) {
                    o.closeShort("carol", "rest not coming", NOW);
                } else {
                    o.receive(List.of(arrival(KETTLE, 10), arrival(TOASTER, 4)), "carol", NOW);
                }
            };
            case CANCELLED -> o -> o.cancel("alice", "no", NOW);
        };
    }

    @Test
    void canMoveToIsExactlyTheDocumentedMachine() {
        for (PurchaseOrderStatus from : PurchaseOrderStatus.values()) {
            for (PurchaseOrderStatus to : PurchaseOrderStatus.values()) {
                assertThat(from.canMoveTo(to)).as(from + " -> " + to).isEqualTo(LEGAL.get(from).contains(to));
            }
            assertThat(from.isFinal()).as(from + " final").isEqualTo(LEGAL.get(from).isEmpty());
        }
    }

    @Test
    void everyLegalMoveSucceedsAndEveryIllegalOneIsRefusedChangingNothing() {
        for (PurchaseOrderStatus from : PurchaseOrderStatus.values()) {
            for (PurchaseOrderStatus to : PurchaseOrderStatus.values()) {
                if (from == to) {
                    continue;
                }
                PurchaseOrder order = in(from);
                List<PurchaseOrderLine> linesBefore = order.lines();
                if (LEGAL.get(from).contains(to)) {
                    attempt(to).accept(order);
                    assertThat(order.status()).as(from + " -> " + to).isEqualTo(to);
                } else {
                    assertThatThrownBy(() -> attempt(to).accept(order)).as(from + " -> " + to)
                            .isInstanceOf(PurchaseOrderStateException.class);
                    assertThat(order.status()).as(from + " -> " + to + " left it").isEqualTo(from);
                    assertThat(order.lines()).usingRecursiveFieldByFieldElementComparator()
                            .isEqualTo(linesBefore);
                }
            }
        }
    }

    @Test
    void receivingTwoPartsCompletesTheOrderAndRecordsWhoAndWhen() {
        PurchaseOrder order = in(APPROVED);
        order.receive(List.of(arrival(KETTLE, 6), arrival(TOASTER, 4)), "carol", NOW);
        assertThat(order.status()).isEqualTo(PARTIALLY_RECEIVED);
        assertThat(order.receivedAt()).isNull();

        order.receive(List.of(arrival(KETTLE, 4)), "dave", NOW.plusSeconds(60));
        assertThat(order.status()).isEqualTo(RECEIVED);
        assertThat(order.receivedBy()).isEqualTo("dave");
        assertThat(order.receivedAt()).isEqualTo(NOW.plusSeconds(60));
        assertThat(order.closedShort()).isFalse();
        assertThat(order.lines()).allSatisfy(l -> assertThat(l.quantityVariance()).isZero());
        assertThat(order.totalOrdered()).isEqualByComparingTo("121.00");
        assertThat(order.totalReceived()).isEqualByComparingTo("121.00");
    }

    @Test
    void overReceiptIsPositiveVarianceAndADearerUnitCostIsCostVariance() {
        PurchaseOrder order = in(APPROVED);
        order.receive(List.of(new PurchaseOrder.Arrival(KETTLE, 12, new BigDecimal("7.50")),
                arrival(TOASTER, 4)), "carol", NOW);

        assertThat(order.status()).isEqualTo(RECEIVED);
        PurchaseOrderLine kettle = order.line(KETTLE).orElseThrow();
        assertThat(kettle.quantityVariance()).isEqualTo(2);
        assertThat(kettle.costReceived()).isEqualByComparingTo("90.00");
        assertThat(kettle.costVariance()).isEqualByComparingTo("4.80");
        assertThat(order.line(TOASTER).orElseThrow().costVariance()).isEqualByComparingTo("0");
    }

    @Test
    void closingShortLeavesTheShortfallAsNegativeVariance() {
        PurchaseOrder order = in(PARTIALLY_RECEIVED);
        order.closeShort("carol", "supplier out of toasters", NOW);

        assertThat(order.status()).isEqualTo(RECEIVED);
        assertThat(order.closedShort()).isTrue();
        assertThat(order.statusNote()).isEqualTo("supplier out of toasters");
        assertThat(order.line(KETTLE).orElseThrow().quantityVariance()).isEqualTo(-7);
        assertThat(order.line(TOASTER).orElseThrow().quantityVariance()).isEqualTo(-4);
        assertThatThrownBy(() -> in(APPROVED).closeShort("carol", null, NOW))
                .isInstanceOf(PurchaseOrderStateException.class);
    }

    @Test
    void linesChangeOnlyInDraftAndAReturnedOrderCanBeRevised() {
        PurchaseOrder.Terms fewer = new PurchaseOrder.Terms(UUID.randomUUID(), UUID.randomUUID(), "EUR", null,
                "fewer", List.of(new PurchaseOrder.Item(TOASTER, 1, BigDecimal.ONE)));
        for (PurchaseOrderStatus status : EnumSet.complementOf(EnumSet.of(DRAFT))) {
            PurchaseOrder order = in(status);
            assertThatThrownBy(() -> order.revise(fewer, NOW)).as(status.name())
                    .isInstanceOf(PurchaseOrderStateException.class);
            assertThat(order.lines()).as(status.name()).hasSize(2);
        }
        PurchaseOrder returned = in(SUBMITTED);
        returned.returnToDraft("one toaster only", NOW);
        assertThat(returned.submittedBy()).isNull();
        returned.revise(fewer, NOW);
        assertThat(returned.lines()).singleElement().satisfies(l -> {
            assertThat(l.lineNo()).isEqualTo(1);
            assertThat(l.productId()).isEqualTo(TOASTER);
        });
        assertThat(returned.totalOrdered()).isEqualByComparingTo("1.00");
    }

    @Test
    void theAuthorOrSubmitterCannotApprove() {
        PurchaseOrder order = in(SUBMITTED);
        assertThatThrownBy(() -> order.approve("alice", NOW)).isInstanceOf(SelfApprovalException.class);
        assertThat(order.status()).isEqualTo(SUBMITTED);

        PurchaseOrder submittedByAnother = draft();
        submittedByAnother.submit("bob", NOW);
        assertThat(submittedByAnother.mayBeApprovedBy("bob")).isFalse();
        assertThat(submittedByAnother.mayBeApprovedBy("alice")).isFalse();
        submittedByAnother.approve("carol", NOW);
        assertThat(submittedByAnother.approvedBy()).isEqualTo("carol");
        // A state problem is reported as such even to the author.
        assertThatThrownBy(() -> in(DRAFT).approve("alice", NOW)).isInstanceOf(PurchaseOrderStateException.class);
    }

    @Test
    void aProductNotOnTheOrderCannotBeReceivedAndTermsNeedDistinctProducts() {
        PurchaseOrder order = in(APPROVED);
        assertThatThrownBy(() -> order.receive(List.of(arrival(UUID.randomUUID(), 1)), "carol", NOW))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new PurchaseOrder.Terms(UUID.randomUUID(), UUID.randomUUID(), "USD", null, null,
                List.of(new PurchaseOrder.Item(KETTLE, 1, BigDecimal.ONE),
                        new PurchaseOrder.Item(KETTLE, 2, BigDecimal.ONE))))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
