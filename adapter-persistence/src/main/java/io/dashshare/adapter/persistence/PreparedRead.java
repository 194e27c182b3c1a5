package io.dashshare.adapter.persistence;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Select;
import org.jooq.exception.DataAccessException;

/**
 * A select on a viewer's hot path, rendered to SQL once at construction and then run straight on
 * JDBC with its bind values: rendering a select of some thirty columns costs more CPU than the
 * database spends answering it. Every value still travels as a bind parameter; the rows come
 * back through jOOQ's own column bindings, so types read exactly as in the generated records.
 * Runs on the thread's transaction when there is one, on a pooled connection otherwise.
 */
final class PreparedRead {

    private final DSLContext db;
    private final String sql;
    private final Field<?>[] fields;
    private final int parameters;

    /** {@code select}'s parameters are placeholders ({@code DSL.param(name, type)}); their values come with each fetch. */
    PreparedRead(DSLContext db, Select<?> select) {
        this.db = db;
        this.sql = db.render(select);
        this.fields = select.getSelect().toArray(Field[]::new);
        this.parameters = db.extractBindValues(select).size();
    }

    /** The first row for these bind values (given in the order of the select's placeholders), if any. */
    Optional<Record> fetchFirst(Object... values) {
        return fetch(values).stream().findFirst();
    }

    /**
     * Every row for these bind values, in the select's order. A {@code UUID[]} value binds as a
     * PostgreSQL {@code uuid[]} (for {@code = any(?)}).
     */
    List<Record> fetch(Object... values) {
        if (values.length != parameters) {
            throw new IllegalArgumentException("expected " + parameters + " bind values, got " + values.length);
        }
        try {
            return db.connectionResult(connection -> {
                try (PreparedStatement statement = connection.prepareStatement(sql)) {
                    for (int i = 0; i < values.length; i++) {
                        if (values[i] instanceof UUID[] ids) {
                            statement.setArray(i + 1, connection.createArrayOf("uuid", ids));
                        } else {
                            statement.setObject(i + 1, values[i]);
                        }
                    }
                    try (ResultSet rows = statement.executeQuery()) {
                        return db.fetch(rows, fields);
                    }
                } catch (SQLException e) {
                    throw new DataAccessException("SQL [" + sql + "]; " + e.getMessage(), e);
                }
            });
        } catch (DataAccessException e) {
            SharingDatabase.reportFailure(db, e);
            throw DatabaseFailures.translated(e);
        }
    }
}
