package io.dashshare.domain.sql;

import java.util.List;

/** JDBC-ready SQL ({@code ?} placeholders) and the values for them, in order. */
public record BoundStatement(String sql, List<SqlParam> parameters) {

    public BoundStatement {
        parameters = List.copyOf(parameters);
    }
}
