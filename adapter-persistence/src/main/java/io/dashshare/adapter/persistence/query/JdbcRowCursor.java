package io.dashshare.adapter.persistence.query;

import io.dashshare.domain.dashboard.DataSourceName;
import io.dashshare.domain.execution.Column;
import io.dashshare.domain.execution.QueryFailedException;
import io.dashshare.domain.execution.RowCursor;
import io.dashshare.domain.sql.BoundStatement;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Optional;

/**
 * A statement read through a server-side cursor: pgjdbc fetches {@link #FETCH_SIZE} rows per round
 * trip when autocommit is off (it is on every data source connection) and a fetch size is set, so
 * memory holds one fetch whatever the row count. The cursor holds, until it is closed, a turn of
 * its source's export lane, a turn of the source's {@link Admission} and a pooled connection, in a
 * read-only transaction with the statement timeout (which PostgreSQL applies to each fetch).
 *
 * <p>Methods are synchronized: the HTTP side may close the cursor from another thread than the
 * one reading it, and a close then waits for the fetch in progress (bounded by the statement
 * timeout) rather than pulling the connection from under it.
 */
final class JdbcRowCursor implements RowCursor {

    /** Rows per round trip: about 100 kB of typical widget rows, small next to any heap. */
    static final int FETCH_SIZE = 1_000;
    /**
     * How long the transaction may sit between fetches, i.e. how long a client may stop reading,
     * before PostgreSQL ends the session: an open transaction holds back vacuum on the customer's
     * database, so a stalled download must not keep one open for long.
     */
    static final Duration IDLE_BETWEEN_FETCHES = Duration.ofSeconds(60);

    private final DataSourceName name;
    private final DataSourcePool source;
    private final Deque<AutoCloseable> held;
    private final ResultSet rows;
    private final RowReader reader;
    private boolean closed;

    private JdbcRowCursor(DataSourceName name, DataSourcePool source, Deque<AutoCloseable> held, ResultSet rows,
                          RowReader reader) {
        this.name = name;
        this.source = source;
        this.held = held;
        this.rows = rows;
        this.reader = reader;
    }

    /** Runs the statement up to its first fetch; on any failure everything taken so far is given back. */
    static JdbcRowCursor open(DataSourceName name, DataSourcePool source, BoundStatement statement, int cap,
                              Duration timeout) {
        Admission.Permit lane = source.exports().enter()
                .orElseThrow(() -> QueryFailures.refusedAdmission(name, source.exports()));
        Admission.Permit turn;
        try {
            turn = source.admission().enter().orElseThrow(() -> QueryFailures.refusedAdmission(name, source.admission()));
        } catch (RuntimeException e) {
            lane.close();
            throw e;
        }
        return open(name, source, lane, turn, statement, cap, timeout);
    }

    /** On a turn the caller took (an export's reserved slot, {@link ReservedSlots}): only the export lane is taken here. */
    static JdbcRowCursor open(DataSourceName name, DataSourcePool source, Admission.Permit turn,
                              BoundStatement statement, int cap, Duration timeout) {
        Optional<Admission.Permit> lane = source.exports().enter();
        if (lane.isEmpty()) {
            turn.close();
            throw QueryFailures.refusedAdmission(name, source.exports());
        }
        return open(name, source, lane.get(), turn, statement, cap, timeout);
    }

    private static JdbcRowCursor open(DataSourceName name, DataSourcePool source, Admission.Permit lane,
                                      Admission.Permit turn, BoundStatement statement, int cap, Duration timeout) {
        Deque<AutoCloseable> held = new ArrayDeque<>();
        try {
            held.push(lane);
            held.push(turn);
            Connection connection = source.connect();
            held.push(connection);
            // Closing an uncommitted connection makes HikariCP roll it back before reuse; rolling
            // back first ends the cursor's snapshot at once.
            held.push(connection::rollback);
            try (PreparedStatement idle = connection.prepareStatement(
                    "select set_config('idle_in_transaction_session_timeout', ?, true)")) {
                idle.setString(1, IDLE_BETWEEN_FETCHES.toMillis() + "ms");
                idle.execute();
            }
            PreparedStatement query = DashboardStatements.prepare(connection, statement, timeout);
            held.push(query);
            query.setFetchSize(FETCH_SIZE);
            query.setMaxRows(cap);
            ResultSet rows = query.executeQuery();
            held.push(rows);
            return new JdbcRowCursor(name, source, held, rows, RowReader.of(rows.getMetaData()));
        } catch (SQLException e) {
            source.report(e);
            release(held, e);
            throw QueryFailures.of(name, e);
        } catch (RuntimeException e) {
            release(held, e);
            throw e;
        }
    }

    @Override
    public List<Column> columns() {
        return reader.columns();
    }

    @Override
    public synchronized Optional<List<Object>> next() {
        if (closed) {
            return Optional.empty();
        }
        try {
            if (rows.next()) {
                return Optional.of(reader.current(rows));
            }
        } catch (SQLException e) {
            source.report(e);
            QueryFailedException failure = QueryFailures.of(name, e);
            closeQuietly(failure);
            throw failure;
        }
        // The end: the connection goes back to the pool now, not when the caller gets round to closing.
        close();
        return Optional.empty();
    }

    @Override
    public synchronized void close() {
        closeQuietly(null);
    }

    private void closeQuietly(Throwable cause) {
        if (closed) {
            return;
        }
        closed = true;
        release(held, cause);
    }

    /** Newest first: result set, statement, rollback, connection, then the two turns. */
    private static void release(Deque<AutoCloseable> held, Throwable cause) {
        while (!held.isEmpty()) {
            try {
                held.pop().close();
            } catch (Exception e) {
                // A broken connection fails its rollback; HikariCP evicts it on close all the same.
                if (cause != null && cause != e) {
                    cause.addSuppressed(e);
                }
            }
        }
    }

    /** Whether this cursor still holds its connection (for tests). */
    synchronized boolean isOpen() {
        return !closed;
    }
}
