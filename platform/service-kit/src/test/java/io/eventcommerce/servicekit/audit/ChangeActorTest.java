package io.eventcommerce.servicekit.audit;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ChangeActorTest {

    @Test
    void aStatementCarriesItsActorToTheBinaryLog() {
        ChangeActor actor = new ChangeActor("user:alice@example.com", "req-42", ChangeActor.HTTP);

        String sql = actor.annotate("update customer set segment=? where id=?");

        assertThat(sql).startsWith("/* ec-actor:user%3Aalice%40example.com;req-42;http */ update customer");
        assertThat(ChangeActor.of(sql)).contains(actor);
    }

    @Test
    void annotatingTwiceKeepsTheFirstActor() {
        ChangeActor first = new ChangeActor("user:alice", "r1", ChangeActor.HTTP);
        String once = first.annotate("delete from stock where id=1");

        assertThat(new ChangeActor("service:orders-service", "e1", ChangeActor.EVENT).annotate(once)).isEqualTo(once);
    }

    @Test
    void aStatementWithoutTheLeadingCommentHasNoActor() {
        assertThat(ChangeActor.of("update customer set name='/* ec-actor:user%3Amallory;x;http */'")).isEmpty();
        assertThat(ChangeActor.of("insert into t values (1)")).isEmpty();
        assertThat(ChangeActor.of(null)).isEmpty();
        assertThat(ChangeActor.of("/* ec-actor:broken */ update t set a=1")).isEmpty();
        assertThat(ChangeActor.of("/* ec-actor:%zz;r;http */ update t set a=1")).isEmpty();
    }

    @Property
    void anyActorRoundTripsAndNeverClosesTheComment(@ForAll String actor, @ForAll String request) {
        ChangeActor original = new ChangeActor(actor, request, ChangeActor.EVENT);

        String comment = original.comment();

        assertThat(comment.indexOf("*/")).isEqualTo(comment.length() - 3);
        assertThat(ChangeActor.of(comment + "select 1")).contains(original);
    }
}
