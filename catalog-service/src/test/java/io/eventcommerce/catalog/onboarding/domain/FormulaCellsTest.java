package io.eventcommerce.catalog.onboarding.domain;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class FormulaCellsTest {

    @Test
    void aCellThatWouldStartAFormulaGetsALeadingQuote() {
        for (String cell : new String[] {"=SUM(A1)", "+1", "-5", "@cmd", "\tx", "\rx"}) {
            assertThat(FormulaCells.neutralise(cell)).as(cell).isEqualTo("'" + cell);
        }
        assertThat(FormulaCells.neutralise("Kettle")).isEqualTo("Kettle");
        assertThat(FormulaCells.neutralise("'quoted")).isEqualTo("'quoted");
        assertThat(FormulaCells.neutralise("")).isEmpty();
        assertThat(FormulaCells.neutralise("a=b")).isEqualTo("a=b");
    }

    @Test
    void restoringRemovesExactlyTheQuoteThatNeutralisingAdded() {
        assertThat(FormulaCells.restore("'-5")).isEqualTo("-5");
        assertThat(FormulaCells.restore("'=SUM")).isEqualTo("=SUM");
        assertThat(FormulaCells.restore("'\tx")).isEqualTo("\tx");
        assertThat(FormulaCells.restore("''-5")).as("only one quote").isEqualTo("''-5");
        assertThat(FormulaCells.restore("'abc")).as("a quote before text is the vendor's").isEqualTo("'abc");
        assertThat(FormulaCells.restore("'")).isEqualTo("'");
        assertThat(FormulaCells.restore("-5")).isEqualTo("-5");
        for (String cell : new String[] {"=1", "-5", "@x", "plain", "'abc", ""}) {
            assertThat(FormulaCells.restore(FormulaCells.neutralise(cell))).as(cell).isEqualTo(cell);
        }
    }
}
