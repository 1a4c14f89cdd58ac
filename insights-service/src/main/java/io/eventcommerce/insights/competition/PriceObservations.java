package io.eventcommerce.insights.competition;

import io.eventcommerce.servicekit.problem.DomainException;
import io.eventcommerce.servicekit.problem.Problem;
import io.eventcommerce.servicekit.time.Timestamps;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.io.InputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * Takes competitor price observations in: a JSON batch is all or nothing (any refused item refuses the batch), a
 * CSV upload stores its good rows and reports the bad ones. An upload is one transaction: a file that turns out
 * unreadable half-way, or too long, stores nothing, and its undercut alerts commit with its rows.
 */
@ApplicationScoped
public class PriceObservations {

    /** Errors an upload's answer lists; the count covers all. */
    public static final int MAX_REPORTED_ERRORS = 100;

    /** A refused CSV row: its number (1 = first data row), the column and why. */
    public record RowError(int row, String column, String reason) {
    }

    /** An upload's outcome. */
    public record UploadResult(UUID uploadId, int rowsRead, int stored, int duplicates, int errorRows,
                               int alerts, List<RowError> errors) {
    }

    /** A JSON batch's outcome. */
    public record BatchResult(UUID batchId, int received, int stored, int duplicates, int alerts) {
    }

    private final CompetitorPrices prices;
    private final int maxRows;
    private final int uploadTimeoutSeconds;

    public PriceObservations(CompetitorPrices prices,
                             @ConfigProperty(name = "insights.competition.max-upload-rows", defaultValue = "500000")
                             int maxRows,
                             @ConfigProperty(name = "insights.competition.upload-timeout-seconds",
                                     defaultValue = "900") int uploadTimeoutSeconds) {
        this.prices = prices;
        this.maxRows = maxRows;
        this.uploadTimeoutSeconds = uploadTimeoutSeconds;
    }

    /**
     * Stores a JSON batch whose items passed bean validation: checks the rules and skus of every item first and
     * refuses the batch naming each bad item ({@code [index].field}).
     */
    @Transactional
    public BatchResult post(List<Observation> items, List<Problem.FieldError> earlier) {
        List<Problem.FieldError> errors = new ArrayList<>(earlier);
        Map<String, CompetitorPrices.ProductRef> products = prices.products(items.stream()
                .filter(o -> o != null && o.sku() != null).map(Observation::sku).toList());
        for (int i = 0; i < items.size(); i++) {
            Observation o = items.get(i);
            if (o != null && o.sku() != null && !products.containsKey(o.sku().toUpperCase(Locale.ROOT))) {
                errors.add(new Problem.FieldError("[" + i + "].sku", "no product with this sku"));
            }
        }
        if (!errors.isEmpty()) {
            throw DomainException.invalid(errors);
        }
        UUID batchId = UUID.randomUUID();
        CompetitorPrices.Stored stored = prices.store(items, products, "API", batchId, Timestamps.now());
        return new BatchResult(batchId, items.size(), stored.stored(), stored.duplicates(), stored.alerts());
    }

    /** Reads, checks and stores an uploaded file in one transaction (see the class). */
    public UploadResult upload(InputStream body) {
        return QuarkusTransaction.requiringNew().timeout(uploadTimeoutSeconds).call(() -> uploadInTransaction(body));
    }

    private UploadResult uploadInTransaction(InputStream body) {
        UUID uploadId = UUID.randomUUID();
        Instant now = Timestamps.now();
        List<RowError> errors = new ArrayList<>();
        int[] errorRows = {0};
        CompetitorPrices.Stored total = new CompetitorPrices.Stored(0, 0, 0);
        try (CompetitorCsv csv = new CompetitorCsv(body)) {
            String headerProblem = csv.header();
            if (headerProblem != null) {
                throw DomainException.invalid("header", headerProblem);
            }
            List<CompetitorCsv.Row> rows = new ArrayList<>(CompetitorPrices.CHUNK);
            CompetitorCsv.Row row;
            while ((row = csv.next()) != null) {
                if (row.number() > maxRows) {
                    throw DomainException.invalid("body", "The file has more than " + maxRows + " data rows "
                            + "(insights.competition.max-upload-rows); nothing was stored");
                }
                rows.add(row);
                if (rows.size() == CompetitorPrices.CHUNK) {
                    total = total.plus(chunk(rows, csv.width(), uploadId, now, errors, errorRows));
                    rows.clear();
                }
            }
            total = total.plus(chunk(rows, csv.width(), uploadId, now, errors, errorRows));
            return new UploadResult(uploadId, csv.rowsRead(), total.stored(), total.duplicates(), errorRows[0],
                    total.alerts(), List.copyOf(errors));
        } catch (CompetitorCsv.UnreadableException e) {
            throw DomainException.invalid("body", e.getMessage() + "; nothing was stored");
        }
    }

    private CompetitorPrices.Stored chunk(List<CompetitorCsv.Row> rows, int width, UUID uploadId, Instant now,
                                          List<RowError> errors, int[] errorRows) {
        if (rows.isEmpty()) {
            return new CompetitorPrices.Stored(0, 0, 0);
        }
        List<RowError> refused = new ArrayList<>();
        List<Observation> good = new ArrayList<>(rows.size());
        List<Integer> goodRows = new ArrayList<>(rows.size());
        for (CompetitorCsv.Row r : rows) {
            List<ObservationRules.Issue> issues = new ArrayList<>();
            if (r.width() != width) {
                issues.add(new ObservationRules.Issue("(row)", "has " + r.width() + " values; the header has "
                        + width));
            } else {
                ObservationRules.Checked checked = ObservationRules.check(r.get("competitor"), r.get("country"),
                        r.get("region"), r.get("sku"), r.get("price"), r.get("currency"), r.get("observed_at"), now);
                if (checked.ok()) {
                    good.add(checked.observation());
                    goodRows.add(r.number());
                    continue;
                }
                issues.addAll(checked.issues());
            }
            refuse(r.number(), issues, refused, errorRows);
        }
        Map<String, CompetitorPrices.ProductRef> products = prices.products(good.stream()
                .map(Observation::sku).toList());
        List<Observation> known = new ArrayList<>(good.size());
        for (int i = 0; i < good.size(); i++) {
            if (products.containsKey(good.get(i).sku().toUpperCase(Locale.ROOT))) {
                known.add(good.get(i));
            } else {
                refuse(goodRows.get(i), List.of(new ObservationRules.Issue("sku", "no product with this sku")),
                        refused, errorRows);
            }
        }
        refused.sort(java.util.Comparator.comparingInt(RowError::row));
        for (RowError e : refused) {
            if (errors.size() < MAX_REPORTED_ERRORS) {
                errors.add(e);
            }
        }
        return prices.store(known, products, "UPLOAD", uploadId, now);
    }

    private static void refuse(int row, List<ObservationRules.Issue> issues, List<RowError> refused,
                               int[] errorRows) {
        errorRows[0]++;
        for (ObservationRules.Issue issue : issues) {
            refused.add(new RowError(row, issue.column(), issue.reason()));
        }
    }
}
