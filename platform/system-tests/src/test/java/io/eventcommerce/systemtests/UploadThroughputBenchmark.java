package io.eventcommerce.systemtests;

import io.eventcommerce.devstack.PlatformService;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.eventcommerce.systemtests.CdcLatencyBenchmark.write;
import static io.eventcommerce.systemtests.Platform.CATALOG_MANAGER;
import static io.eventcommerce.systemtests.Platform.catalog;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Rows per second of vendor CSV onboarding on the embedded stack, with the whole platform running: a file of new
 * products (each with stock in the warehouse, so a product row, a stock level, a ledger line and two events per row)
 * for every size in {@code bench.upload.rows}, then the largest file again with every price changed (updates of
 * existing products, the per-row path), then the new-product files again with orders-service stopped (its replica
 * consumer shares the cores). A 5,000-row upload warms up first. Processing rate = rows / (finishedAt - processingStartedAt) as the service
 * records them; the end-to-end rate also counts receiving and storing the file.
 *
 * <p>Run: {@code ./mvnw -Pbench verify -pl platform/system-tests -am -Dsurefire.skip=true
 * -Dit.test=UploadThroughputBenchmark}; {@code -Dbench.upload.rows} (default {@code 10000,100000}). Reports to
 * target/benchmarks/upload-throughput.txt; it asserts only that every row was applied.
 */
class UploadThroughputBenchmark {

    private static final List<Integer> SIZES = Arrays.stream(System.getProperty("bench.upload.rows", "10000,100000")
            .split(",")).map(String::trim).map(Integer::valueOf).toList();
    private static final Duration DEADLINE = Duration.ofMinutes(30);
    private static final int WARM_UP = 5_000;

    private record Result(String what, int rows, double receiveSeconds, double processSeconds, double endToEnd) {
        String line() {
            return String.format("%-38s %,9d rows: stored in %6.1f s, processed in %6.1f s = %,7.0f rows/s "
                            + "(end to end %,7.0f rows/s)%n", what, rows, receiveSeconds, processSeconds,
                    rows / processSeconds, rows / endToEnd);
        }
    }

    @Test
    void rowsPerSecondForNewAndChangedProducts() throws Exception {
        Platform.services();
        String category = catalog(CATALOG_MANAGER).body(Map.of("name", "Bench " + UUID.randomUUID()))
                .post("/categories").then().statusCode(201).extract().path("slug");
        // Warm-up (JIT, connection pool, the consumers' first batches); not reported.
        upload("warm-up", vendor(), warehouse(), file(prefix(), category, WARM_UP, "19.99"), WARM_UP);

        List<Result> results = new ArrayList<>();
        String vendor = null;
        String warehouse = null;
        String largest = null;
        for (int rows : SIZES) {
            vendor = vendor();
            warehouse = warehouse();
            largest = prefix();
            results.add(upload("new products", vendor, warehouse, file(largest, category, rows, "19.99"), rows));
        }
        int rows = SIZES.get(SIZES.size() - 1);
        results.add(upload("existing products, price changed", vendor, warehouse,
                file(largest, category, rows, "21.49"), rows));
        // The same without orders-service, whose product replica consumes every ProductCreated on the same cores;
        // it catches up once restarted.
        Platform.services().kill(PlatformService.ORDERS);
        try {
            for (int size : SIZES) {
                results.add(upload("new products, orders-service stopped", vendor(), warehouse(),
                        file(prefix(), category, size, "19.99"), size));
            }
        } finally {
            Platform.services().restart(PlatformService.ORDERS, Duration.ofMinutes(3));
        }

        StringBuilder report = new StringBuilder("Vendor CSV onboarding, catalog.onboarding.batch-size default, "
                + "platform running (" + Runtime.getRuntime().availableProcessors() + " cores)\n");
        results.forEach(r -> report.append(r.line()));
        System.out.print(report);
        write("upload-throughput.txt", report.toString());
    }

    private static String prefix() {
        return "UB" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static Result upload(String what, String vendor, String warehouse, String file, int rows)
            throws Exception {
        URI uri = URI.create(Platform.services().get(PlatformService.CATALOG).uri() + "/vendors/" + vendor
                + "/uploads?warehouseId=" + warehouse + "&filename=bench.csv");
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        Instant started = Instant.now();
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri)
                .header("Authorization", "Bearer " + CATALOG_MANAGER).header("Content-Type", "text/csv")
                .POST(HttpRequest.BodyPublishers.ofByteArray(file.getBytes(StandardCharsets.UTF_8))).build(),
                HttpResponse.BodyHandlers.ofString());
        Instant stored = Instant.now();
        assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
        String id = JsonPath.from(response.body()).getString("id");
        JsonPath[] last = new JsonPath[1];
        await().atMost(DEADLINE).pollInterval(Duration.ofMillis(250)).until(() -> {
            last[0] = catalog(CATALOG_MANAGER).get("/vendors/" + vendor + "/uploads/" + id).then().statusCode(200)
                    .extract().jsonPath();
            return !last[0].getString("status").matches("QUEUED|PROCESSING");
        });
        JsonPath upload = last[0];
        Instant seen = Instant.now();
        assertThat(upload.getString("status")).isEqualTo("COMPLETED");
        assertThat(upload.getInt("validRows")).isEqualTo(rows);
        double processing = Duration.between(Instant.parse(upload.getString("processingStartedAt")),
                Instant.parse(upload.getString("finishedAt"))).toNanos() / 1e9;
        return new Result(what, rows, Duration.between(started, stored).toNanos() / 1e9, processing,
                Duration.between(started, seen).toNanos() / 1e9);
    }

    private static String file(String prefix, String category, int rows, String price) {
        StringBuilder csv = new StringBuilder(rows * 120)
                .append("sku,vendor_product_id,product_name,category,price,stock_quantity,brand,description\n");
        for (int i = 1; i <= rows; i++) {
            csv.append(prefix).append('-').append(i).append(',').append(prefix).append("-V").append(i)
                    .append(",Benchmark product ").append(i).append(',').append(category).append(',').append(price)
                    .append(',').append(10 + i % 90).append(",Acme,A product of the upload benchmark\n");
        }
        return csv.toString();
    }

    private static String vendor() {
        String name = "Bench vendor " + UUID.randomUUID();
        return catalog(CATALOG_MANAGER).body(Map.of("name", name, "email", UUID.randomUUID() + "@example.com",
                "country", "DE")).post("/vendors").then().statusCode(201).extract().path("id");
    }

    private static String warehouse() {
        return catalog(CATALOG_MANAGER).body(Map.of("code", "B" + UUID.randomUUID().toString().substring(0, 8)
                .toUpperCase(), "name", "Bench", "country", "DE")).post("/warehouses").then().statusCode(201)
                .extract().path("id");
    }
}
