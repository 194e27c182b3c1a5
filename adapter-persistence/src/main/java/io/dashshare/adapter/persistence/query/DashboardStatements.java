package io.dashshare.adapter.persistence.query;

import io.dashshare.domain.sql.BoundStatement;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;

/**
 * Prepares dashboard SQL on a connection of a {@link DataSourcePool}, ready to execute: the
 * statement timeout set for this transaction only, every parameter bound, and the driver's own
 * timeout as a backstop. How the rows are then fetched (capped, or from a cursor) is the caller's.
 */
final class DashboardStatements {

    private DashboardStatements() {
    }

    static PreparedStatement prepare(Connection connection, BoundStatement statement, Duration timeout)
            throws SQLException {
        // Local to this transaction, so the next user of the connection starts from the pool's default.
        try (PreparedStatement limit = connection.prepareStatement("select set_config('statement_timeout', ?, true)")) {
            limit.setString(1, Math.max(1, timeout.toMillis()) + "ms");
            limit.execute();
        }
        PreparedStatement query = connection.prepareStatement(statement.sql());
        try {
            ParameterBinder.bind(connection, query, statement.parameters());
            // Backstop in case the server never answers: the driver cancels a little after the server should have.
            query.setQueryTimeout((int) Math.min(Integer.MAX_VALUE, timeout.toSeconds() + 2));
            return query;
        } catch (SQLException | RuntimeException e) {
            try {
                query.close();
            } catch (SQLException closing) {
                e.addSuppressed(closing);
            }
            throw e;
        }
    }
}
