package io.eventcommerce.servicekit.messaging;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * Asks whether this service's database answers: a pooled connection validated with a short timeout. Used to tell an
 * outage from a bug when a handler fails in a way {@link FailureClass} does not recognise (a commit that failed
 * with a wrapped, driver-specific error, say).
 */
@ApplicationScoped
public class DatabaseProbe {

    private static final Logger LOG = Logger.getLogger(DatabaseProbe.class);
    private static final int VALIDATION_TIMEOUT_SECONDS = 2;

    private final AgroalDataSource dataSource;

    public DatabaseProbe(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Bounded by the pool's acquisition timeout and the validation timeout; never throws. */
    public boolean reachable() {
        try (Connection connection = dataSource.getConnection()) {
            return connection.isValid(VALIDATION_TIMEOUT_SECONDS);
        } catch (SQLException | RuntimeException e) {
            LOG.debugf("Database probe failed: %s", e.toString());
            return false;
        }
    }
}
