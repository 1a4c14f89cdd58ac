package io.eventcommerce.orders.order.domain;

import io.eventcommerce.events.catalog.ProductSnapshot;
import io.eventcommerce.orders.catalog.domain.CatalogProduct;
import io.eventcommerce.servicekit.problem.Problem.FieldError;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class OrderPricingTest {

    private static CatalogProduct product(String price, String currency, String status) {
        return CatalogProduct.from(new ProductSnapshot(UUID.randomUUID(), "SKU-" + price, "Item " + price, null, null,
                UUID.randomUUID(), new BigDecimal(price), null, currency, status, Map.of(), 3, null), UUID.randomUUID(),
                Instant.now());
    }

    @Test
    void pricesEveryLineFromTheReplicaAndAddsThemUp() {
        CatalogProduct kettle = product("19.90", "USD", "ACTIVE");
        CatalogProduct mug = product("4.35", "USD", "ACTIVE");

        OrderPricing.Result result = OrderPricing.price(List.of(
                new OrderPricing.RequestedLine(kettle.productId(), 3),
                new OrderPricing.RequestedLine(mug.productId(), 7)), Map.of(kettle.productId(), kettle,
                mug.productId(), mug));

        assertThat(result.valid()).isTrue();
        assertThat(result.currency()).isEqualTo("USD");
        assertThat(result.lines()).extracting(OrderLine::lineNo).containsExactly(1, 2);
        assertThat(result.lines().get(0).lineTotal()).isEqualByComparingTo("59.70");
        assertThat(result.lines().get(1).lineTotal()).isEqualByComparingTo("30.45");
        assertThat(result.lines().get(0).productVersion()).isEqualTo(3);
        assertThat(result.subtotal()).isEqualByComparingTo("90.15").hasScaleOf(2);
    }

    @Test
    void reportsEveryLineThatCannotBePriced() {
        CatalogProduct active = product("10.00", "USD", "ACTIVE");
        CatalogProduct discontinued = product("5.00", "USD", "DISCONTINUED");
        CatalogProduct euro = product("7.00", "EUR", "ACTIVE");
        UUID unknown = UUID.randomUUID();

        OrderPricing.Result result = OrderPricing.price(List.of(
                new OrderPricing.RequestedLine(active.productId(), 1),
                new OrderPricing.RequestedLine(unknown, 1),
                new OrderPricing.RequestedLine(discontinued.productId(), 1),
                new OrderPricing.RequestedLine(euro.productId(), 1),
                new OrderPricing.RequestedLine(active.productId(), 2)),
                Map.of(active.productId(), active, discontinued.productId(), discontinued, euro.productId(), euro));

        assertThat(result.valid()).isFalse();
        assertThat(result.errors()).containsExactly(
                new FieldError("lines[1].productId", "unknown product"),
                new FieldError("lines[2].productId", "not available (DISCONTINUED)"),
                new FieldError("lines[3].productId", "priced in EUR, the order in USD"),
                new FieldError("lines[4].productId", "appears twice; combine the quantities in one line"));
    }

    @Test
    void aNewerSnapshotReplacesTheReplicaAndAnOlderOneDoesNot() {
        CatalogProduct replica = product("10.00", "USD", "ACTIVE");
        ProductSnapshot newer = new ProductSnapshot(replica.productId(), replica.sku(), "Renamed", null, null,
                UUID.randomUUID(), new BigDecimal("12.00"), null, "USD", "ACTIVE", Map.of(), 4, null);
        ProductSnapshot older = new ProductSnapshot(replica.productId(), replica.sku(), "Old", null, null,
                UUID.randomUUID(), new BigDecimal("8.00"), null, "USD", "ACTIVE", Map.of(), 2, null);

        assertThat(replica.update(newer, UUID.randomUUID(), Instant.now())).isTrue();
        assertThat(replica.update(older, UUID.randomUUID(), Instant.now())).isFalse();
        assertThat(replica.price()).isEqualByComparingTo("12.00");
        assertThat(replica.name()).isEqualTo("Renamed");
    }
}
