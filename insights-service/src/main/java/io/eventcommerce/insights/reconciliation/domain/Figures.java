package io.eventcommerce.insights.reconciliation.domain;

import io.eventcommerce.events.orders.CurrencyTotals;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A day's figures by name, the form both sides are compared in: per currency {@code placed.orders[EUR]}, the paid
 * orders ({@code paid.*}), the counted sales ({@code sales.*}) and the refunds ({@code refunds.*}), as order_fact and
 * refund_fact hold them; and {@code daily_sales.*}, the dashboard's table, which sums every currency and counts an
 * order once paid whatever became of it (so the source's side of it is the paid figures of all currencies).
 */
public final class Figures {

    /** The daily_sales row sums of a day (all channels and countries). */
    public record DailySales(long orders, long units, BigDecimal gross, BigDecimal discount, BigDecimal net) {

        public static final DailySales NONE = new DailySales(0, 0, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO);

        public DailySales plus(CurrencyTotals c) {
            return new DailySales(orders + c.paidOrders(), units + c.paidUnits(), gross.add(c.paidGross()),
                    discount.add(c.paidDiscount()), net.add(c.paidNet()));
        }

        public DailySales minus(DailySales o) {
            return new DailySales(orders - o.orders, units - o.units, gross.subtract(o.gross),
                    discount.subtract(o.discount), net.subtract(o.net));
        }
    }

    private Figures() {
    }

    /** The source's figures: its currencies, and what daily_sales should hold (its paid orders, all currencies). */
    public static Map<String, BigDecimal> ofSource(List<CurrencyTotals> currencies) {
        Map<String, BigDecimal> figures = perCurrency(currencies);
        DailySales paid = DailySales.NONE;
        for (CurrencyTotals c : currencies) {
            paid = paid.plus(c);
        }
        putDailySales(figures, paid);
        return figures;
    }

    /** The read models' figures: order_fact and refund_fact per currency, and daily_sales. */
    public static Map<String, BigDecimal> ofReadModels(List<CurrencyTotals> facts, DailySales dailySales) {
        Map<String, BigDecimal> figures = perCurrency(facts);
        putDailySales(figures, dailySales);
        return figures;
    }

    private static Map<String, BigDecimal> perCurrency(List<CurrencyTotals> currencies) {
        Map<String, BigDecimal> f = new TreeMap<>();
        for (CurrencyTotals c : currencies) {
            String in = "[" + c.currency() + "]";
            f.put("placed.orders" + in, BigDecimal.valueOf(c.placedOrders()));
            f.put("paid.orders" + in, BigDecimal.valueOf(c.paidOrders()));
            f.put("paid.units" + in, BigDecimal.valueOf(c.paidUnits()));
            f.put("paid.gross" + in, c.paidGross());
            f.put("paid.discount" + in, c.paidDiscount());
            f.put("paid.net" + in, c.paidNet());
            f.put("sales.orders" + in, BigDecimal.valueOf(c.salesOrders()));
            f.put("sales.units" + in, BigDecimal.valueOf(c.salesUnits()));
            f.put("sales.gross" + in, c.salesGross());
            f.put("sales.discount" + in, c.salesDiscount());
            f.put("sales.net" + in, c.salesNet());
            f.put("refunds.count" + in, BigDecimal.valueOf(c.refunds()));
            f.put("refunds.amount" + in, c.refundedAmount());
        }
        return f;
    }

    private static void putDailySales(Map<String, BigDecimal> f, DailySales d) {
        f.put("daily_sales.orders", BigDecimal.valueOf(d.orders()));
        f.put("daily_sales.units", BigDecimal.valueOf(d.units()));
        f.put("daily_sales.gross", d.gross());
        f.put("daily_sales.discount", d.discount());
        f.put("daily_sales.net", d.net());
    }
}
