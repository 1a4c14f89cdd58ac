package io.eventcommerce.catalog.product.domain;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class ProductSearchTest {

    @Test
    void everyWordIsRequiredAndMatchedAsAPrefixWithTheModesOperatorsRemoved() {
        assertThat(ProductSearch.booleanExpression("Red KETTLE")).isEqualTo("+red* +kettle*");
        assertThat(ProductSearch.booleanExpression("+kettle -red \"steel\" (1.7l) ~x <y> @2 *")).isEqualTo(
                "+kettle* +red* +steel* +1* +7l* +x* +y* +2*");
        assertThat(ProductSearch.booleanExpression("café")).isEqualTo("+café*");
        assertThat(ProductSearch.booleanExpression("  +-*  ")).isNull();
        assertThat(ProductSearch.booleanExpression(null)).isNull();
    }

    @Test
    void filtersBecomePlaceholdersInOrder() {
        UUID category = UUID.randomUUID();
        ProductSearch.Sql sql = new ProductSearch("kettle", Set.of(category), ProductStatus.ACTIVE, null, "Acme",
                new BigDecimal("10"), new BigDecimal("20"), ProductSearch.Order.RELEVANCE).sql();
        assertThat(sql.where()).isEqualTo("WHERE (MATCH (p.name, p.brand, p.description) AGAINST (? IN BOOLEAN MODE)"
                + " OR p.sku LIKE ?) AND p.category_id IN (?) AND p.status = ? AND p.brand = ? AND p.price >= ?"
                + " AND p.price <= ?");
        assertThat(sql.whereValues()).containsExactly("+kettle*", "kettle%", category.toString(), "ACTIVE", "Acme",
                new BigDecimal("10"), new BigDecimal("20"));
        assertThat(sql.orderBy()).startsWith("MATCH");
        assertThat(sql.orderValues()).containsExactly("+kettle*");
    }

    @Test
    void withoutTextRelevanceFallsBackToSkuAndLikeWildcardsAreEscaped() {
        ProductSearch.Sql none = new ProductSearch(null, Set.of(), null, null, null, null, null,
                ProductSearch.Order.RELEVANCE).sql();
        assertThat(none.where()).isEmpty();
        assertThat(none.orderBy()).isEqualTo("p.sku");
        assertThat(none.orderValues()).isEmpty();

        ProductSearch.Sql sku = new ProductSearch("A_1%", Set.of(), null, null, null, null, null,
                ProductSearch.Order.PRICE_DESC).sql();
        assertThat(sku.whereValues()).contains("A\\_1\\%%");
        assertThat(sku.orderBy()).isEqualTo("p.price DESC, p.sku");
    }
}
