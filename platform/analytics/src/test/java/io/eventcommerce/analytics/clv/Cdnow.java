package io.eventcommerce.analytics.clv;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** The CDNOW calibration summary of the test resources (see cdnow_customers_summary.md). */
record Cdnow(PurchaseSummary purchases, double averageValue) {

    static List<Cdnow> load() {
        var in = Objects.requireNonNull(Cdnow.class.getResourceAsStream("/cdnow_customers_summary.csv"));
        List<Cdnow> rows = new ArrayList<>();
        try (var reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String header = reader.readLine();
            if (!"ID,x,t_x,T,zbar".equals(header)) {
                throw new IllegalStateException("unexpected header " + header);
            }
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                String[] f = line.split(",");
                rows.add(new Cdnow(new PurchaseSummary(Integer.parseInt(f[1]), Double.parseDouble(f[2]),
                        Double.parseDouble(f[3])), Double.parseDouble(f[4])));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return rows;
    }

    static List<SpendSummary> repeatCustomers(List<Cdnow> rows) {
        return rows.stream().filter(c -> c.purchases().frequency() > 0)
                .map(c -> new SpendSummary(c.purchases().frequency(), c.averageValue())).toList();
    }
}
