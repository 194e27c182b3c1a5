package io.dashshare.bootstrap.e2e;

import io.dashshare.bootstrap.testing.TestService;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * The test's own view of the demo data, read as the database superuser straight over JDBC: the
 * oracle that HTTP answers are checked against, never the service's code.
 */
final class DemoDatabase {

    private DemoDatabase() {
    }

    /** {@code select count(*), coalesce(sum(amount), 0) from demo.orders where <where>}. */
    static Totals totals(String where, Object... binds) {
        return query("select count(*), coalesce(sum(amount), 0) from demo.orders where " + where, binds);
    }

    static long count(String sql) {
        return query(sql).orders();
    }

    /** The first column of the first row, as text. */
    static String text(String sql) {
        try (Connection connection = connect(); PreparedStatement statement = connection.prepareStatement(sql);
             ResultSet rows = statement.executeQuery()) {
            rows.next();
            return rows.getString(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Connection connect() throws SQLException {
        return DriverManager.getConnection(TestService.shared().jdbcUrl(), "postgres", "");
    }

    private static Totals query(String sql, Object... binds) {
        try (Connection connection = connect();
             PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < binds.length; i++) {
                statement.setObject(i + 1, binds[i]);
            }
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                return new Totals(rows.getLong(1), rows.getMetaData().getColumnCount() > 1
                        ? rows.getBigDecimal(2) : BigDecimal.ZERO);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    record Totals(long orders, BigDecimal revenue) {
    }
}
