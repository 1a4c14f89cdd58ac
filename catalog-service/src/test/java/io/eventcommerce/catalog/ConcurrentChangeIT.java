package io.eventcommerce.catalog;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import static io.eventcommerce.catalog.CatalogFixtures.MANAGER;
import static io.eventcommerce.catalog.CatalogFixtures.createCategory;
import static io.eventcommerce.catalog.CatalogFixtures.unique;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two writes of one aggregate at the same moment: both read version n, the first commits n+1, the second's
 * version-checked UPDATE matches no row at commit. The loser must get a 409 (read again, retry), never a 500.
 */
@QuarkusTest
class ConcurrentChangeIT {

    private static final int ROUNDS = 30;
    private static final int WRITERS = 4;

    @Test
    void concurrentPutsOfOneCategoryAnswer200Or409NeverA500() throws Exception {
        String categoryId = createCategory();
        Map<Integer, AtomicInteger> statuses = new ConcurrentHashMap<>();
        List<String> problems = new ArrayList<>();
        ExecutorService writers = Executors.newFixedThreadPool(WRITERS);
        try {
            for (int round = 0; round < ROUNDS; round++) {
                CountDownLatch start = new CountDownLatch(1);
                List<Future<?>> puts = new ArrayList<>();
                for (int w = 0; w < WRITERS; w++) {
                    puts.add(writers.submit(() -> {
                        start.await();
                        var response = given().auth().oauth2(MANAGER).contentType(ContentType.JSON)
                                .body(Map.of("name", unique("Renamed"))).put("/categories/" + categoryId);
                        statuses.computeIfAbsent(response.statusCode(), s -> new AtomicInteger()).incrementAndGet();
                        if (response.statusCode() != 200) {
                            synchronized (problems) {
                                problems.add(response.statusCode() + " " + response.body().asString());
                            }
                        }
                        return null;
                    }));
                }
                start.countDown();
                for (Future<?> put : puts) {
                    put.get();
                }
            }
        } finally {
            writers.shutdownNow();
        }
        assertThat(statuses.keySet()).as("statuses %s, problems %s", statuses, problems).isSubsetOf(200, 409);
        assertThat(statuses).as("some writes collided").containsKey(409);
        assertThat(problems).allSatisfy(p -> assertThat(p).contains("conflict"));
        assertThat(statuses.get(200).get()).as("each round lets a write through").isGreaterThanOrEqualTo(ROUNDS);
    }
}
