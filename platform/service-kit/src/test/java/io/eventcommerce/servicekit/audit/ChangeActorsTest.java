package io.eventcommerce.servicekit.audit;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.inject.Instance;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Proxy;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

class ChangeActorsTest {

    private final ChangeActors actors = new ChangeActors("orders-service", unresolvable(), unresolvable());

    @SuppressWarnings("unchecked")
    private static <T> Instance<T> unresolvable() {
        return (Instance<T>) Proxy.newProxyInstance(Instance.class.getClassLoader(), new Class<?>[]{Instance.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "isResolvable" -> false;
                    case "toString" -> "unresolvable";
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }

    @Test
    void anEventsChangesNameTheServiceAndTheEvent() {
        String sql = ChangeActors.during("6f1c", ChangeActor.EVENT, () -> actors.annotate("update t set a = 1"));

        assertThat(sql).isEqualTo("/* ec-actor:service%3Aorders-service;6f1c;event */ update t set a = 1");
        assertThat(ChangeActor.of(sql)).contains(new ChangeActor("service:orders-service", "6f1c", ChangeActor.EVENT));
    }

    @Test
    void readsAreLeftAsTheyAre() {
        String select = "select * from customer where id = ? for update";

        assertThat(ChangeActors.during("e1", ChangeActor.EVENT, () -> actors.annotate(select))).isSameAs(select);
    }

    @Test
    void scopesNestAndEndWithTheirWork() {
        AtomicReference<ChangeActor> inner = new AtomicReference<>();
        AtomicReference<ChangeActor> outerAfter = new AtomicReference<>();

        ChangeActors.during("outer", ChangeActor.EVENT, () -> {
            ChangeActors.during("inner", ChangeActor.JOB, () -> inner.set(actors.current()));
            outerAfter.set(actors.current());
        });

        assertThat(inner.get().request()).isEqualTo("inner");
        assertThat(outerAfter.get().request()).isEqualTo("outer");
        assertThat(actors.current().via()).isEqualTo(ChangeActor.JOB);
        assertThat(actors.current().request()).isNotIn("outer", "inner");
    }

    @Test
    void outsideAnyScopeAndRequestTheThreadNamesTheJob() throws InterruptedException {
        AtomicReference<ChangeActor> seen = new AtomicReference<>();
        Thread worker = new Thread(() -> seen.set(actors.current()), "upload-worker");
        worker.start();
        worker.join();

        assertThat(seen.get()).isEqualTo(new ChangeActor("service:orders-service", "upload-worker", ChangeActor.JOB));
    }

    @Test
    void aScheduledMethodNamesItself() {
        assertThat(new Job(actors).purge()).isEqualTo(
                new ChangeActor("service:orders-service", "Job.purge", ChangeActor.JOB));
    }

    static class Job {
        private final ChangeActors actors;

        Job(ChangeActors actors) {
            this.actors = actors;
        }

        @Scheduled(every = "1h")
        ChangeActor purge() {
            return actors.current();
        }
    }
}
