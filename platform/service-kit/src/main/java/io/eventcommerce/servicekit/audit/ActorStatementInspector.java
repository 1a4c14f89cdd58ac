package io.eventcommerce.servicekit.audit;

import io.quarkus.hibernate.orm.PersistenceUnitExtension;
import jakarta.enterprise.context.ApplicationScoped;
import org.hibernate.resource.jdbc.spi.StatementInspector;

/**
 * Puts the current {@link ChangeActor} on every write statement Hibernate prepares: entity inserts, updates and
 * deletes, HQL and native mutations. Registered for the default persistence unit of every service by being here
 * (Quarkus applies a {@code @PersistenceUnitExtension} StatementInspector bean). Hibernate prepares a JDBC batch
 * once, so a batch carries one comment and stays one batch (and one multi-row INSERT once Connector/J rewrites it;
 * the driver finds the statement's keyword after leading comments).
 */
@PersistenceUnitExtension
@ApplicationScoped
public class ActorStatementInspector implements StatementInspector {

    private final ChangeActors actors;

    public ActorStatementInspector(ChangeActors actors) {
        this.actors = actors;
    }

    @Override
    public String inspect(String sql) {
        return actors.annotate(sql);
    }
}
