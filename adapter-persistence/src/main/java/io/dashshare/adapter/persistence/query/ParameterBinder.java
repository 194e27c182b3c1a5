package io.dashshare.adapter.persistence.query;

import io.dashshare.domain.sql.SqlParam;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.util.List;

/**
 * Binds typed {@link SqlParam}s to a statement. A null value binds SQL NULL of its own type, so
 * that {@code :p::date is null} and {@code = any(:p)} resolve on unset filters too.
 */
final class ParameterBinder {

    private ParameterBinder() {
    }

    static void bind(Connection connection, PreparedStatement statement, List<SqlParam> parameters) throws SQLException {
        for (int i = 0; i < parameters.size(); i++) {
            bind(connection, statement, i + 1, parameters.get(i));
        }
    }

    private static void bind(Connection connection, PreparedStatement statement, int at, SqlParam parameter)
            throws SQLException {
        if (parameter instanceof SqlParam.DateParam date) {
            if (date.value() == null) {
                statement.setNull(at, Types.DATE);
            } else {
                statement.setObject(at, date.value());
            }
        } else if (parameter instanceof SqlParam.NumberParam number) {
            if (number.value() == null) {
                statement.setNull(at, Types.NUMERIC);
            } else {
                statement.setBigDecimal(at, number.value());
            }
        } else if (parameter instanceof SqlParam.TextParam text) {
            if (text.value() == null) {
                statement.setNull(at, Types.VARCHAR);
            } else {
                statement.setString(at, text.value());
            }
        } else if (parameter instanceof SqlParam.TextArrayParam list) {
            if (list.value() == null) {
                // Typed as text[] so that both ":p::text[] is null" and "= any(:p)" resolve.
                statement.setNull(at, Types.ARRAY, "_text");
            } else {
                statement.setArray(at, connection.createArrayOf("text", list.value().toArray()));
            }
        } else {
            throw new IllegalStateException("unknown parameter type " + parameter.getClass().getName());
        }
    }
}
