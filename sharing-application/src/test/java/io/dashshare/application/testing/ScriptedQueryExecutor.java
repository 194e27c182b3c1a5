package io.dashshare.application.testing;

import io.dashshare.domain.dashboard.DataSourceName;
import io.dashshare.domain.execution.Column;
import io.dashshare.domain.execution.QueryFailedException;
import io.dashshare.domain.execution.QueryLimits;
import io.dashshare.domain.execution.QueryResult;
import io.dashshare.domain.execution.QuerySlots;
import io.dashshare.domain.execution.RowCursor;
import io.dashshare.domain.execution.RowWeight;
import io.dashshare.domain.execution.SlotHolder;
import io.dashshare.domain.port.QueryExecutor;
import io.dashshare.domain.sql.BoundStatement;
import io.dashshare.domain.sql.SqlParam;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * A {@link QueryExecutor} that records every statement it is given, exactly as bound, so tests can
 * assert which values reached SQL. By default it answers one row echoing the bound values
 * (columns {@code p1..pn}); scripts keyed by a fragment of the SQL answer other rows or fail.
 * {@link #stream} answers the same rows through a cursor and counts the cursors still open.
 */
public final class ScriptedQueryExecutor implements QueryExecutor {

    /** The diagnostic a scripted failure carries: it must reach logs only, never a viewer. */
    public static final String DIAGNOSTIC = "ERROR: relation \"demo.secret_table\" does not exist; SQL: select 1";

    public record Run(DataSourceName dataSource, BoundStatement statement, QueryLimits limits) {
    }

    private record Script(String sqlFragment, Function<BoundStatement, QueryResult> answer) {
    }

    private final List<Run> runs = new CopyOnWriteArrayList<>();
    private final List<Script> scripts = new CopyOnWriteArrayList<>();
    private final Set<DataSourceName> dataSources = Set.of(new DataSourceName("demo"));
    private final AtomicInteger openCursors = new AtomicInteger();
    private final List<Reservation> reservations = new CopyOnWriteArrayList<>();
    private volatile int grant = Integer.MAX_VALUE;

    /** One {@link #reserve} call: who asked for how many slots, and how many it got (0: refused). */
    public record Reservation(SlotHolder holder, int wanted, int granted) {
    }

    @Override
    public QueryResult run(DataSourceName dataSource, BoundStatement statement, QueryLimits limits) {
        runs.add(new Run(dataSource, statement, limits));
        for (Script script : scripts) {
            if (statement.sql().contains(script.sqlFragment())) {
                return budgeted(script.answer().apply(statement), limits);
            }
        }
        return budgeted(echo(statement), limits);
    }

    /** The rows {@code limits}' budget lets a real executor keep, as it reads them (JdbcQueryExecutor's CappedRows). */
    private static QueryResult budgeted(QueryResult result, QueryLimits limits) {
        List<List<Object>> kept = new ArrayList<>();
        for (List<Object> row : result.rows()) {
            if (!limits.budget().take(RowWeight.row(row))) {
                return new QueryResult(result.columns(), kept, true, result.durationMs());
            }
            kept.add(row);
        }
        return result;
    }

    @Override
    public RowCursor stream(DataSourceName dataSource, BoundStatement statement, QueryLimits limits) {
        QueryResult result = run(dataSource, statement, limits);
        Iterator<List<Object>> rows = result.rows().stream().limit(limits.maxRows()).iterator();
        openCursors.incrementAndGet();
        return new RowCursor() {
            private boolean closed;

            @Override
            public List<Column> columns() {
                return result.columns();
            }

            @Override
            public Optional<List<Object>> next() {
                return !closed && rows.hasNext() ? Optional.of(rows.next()) : Optional.empty();
            }

            @Override
            public void close() {
                if (!closed) {
                    closed = true;
                    openCursors.decrementAndGet();
                }
            }
        };
    }

    /**
     * Slots as a fair share would grant them: at most {@link #grantAtMost} (none: refused for load,
     * TOO_BUSY); the statements then run through {@link #run} and {@link #stream} as before.
     */
    @Override
    public QuerySlots reserve(DataSourceName dataSource, SlotHolder holder, int wanted) {
        int granted = Math.min(wanted, grant);
        reservations.add(new Reservation(holder, wanted, granted));
        if (granted < 1) {
            throw new QueryFailedException(QueryFailedException.Reason.TOO_BUSY, "share full (scripted)", null);
        }
        return QueryExecutor.super.reserve(dataSource, holder, granted);
    }

    /** From now on a reservation gets at most {@code slots} slots; 0 refuses every one. */
    public void grantAtMost(int slots) {
        grant = slots;
    }

    public List<Reservation> reservations() {
        return List.copyOf(reservations);
    }

    /** Cursors {@link #stream} handed out that nobody closed yet. */
    public int openCursors() {
        return openCursors.get();
    }

    @Override
    public Set<DataSourceName> dataSources() {
        return dataSources;
    }

    /** Four statements of one execution at once, as a source of eight connections would allow. */
    @Override
    public int statementsPerExecution(DataSourceName dataSource) {
        return 4;
    }

    /** Statements whose SQL contains {@code fragment} answer these rows ({@code value}, {@code label}). */
    public void answerOptions(String fragment, String... values) {
        List<List<Object>> rows = new ArrayList<>();
        for (String value : values) {
            rows.add(List.of(value, value));
        }
        answer(fragment, new QueryResult(List.of(new Column("value", "text"), new Column("label", "text")), rows,
                false, 1));
    }

    public void answer(String fragment, QueryResult result) {
        scripts.add(0, new Script(fragment, statement -> result));
    }

    /** Statements whose SQL contains {@code fragment} answer what {@code answer} does, on the thread that runs them. */
    public void answer(String fragment, Function<BoundStatement, QueryResult> answer) {
        scripts.add(0, new Script(fragment, answer));
    }

    public void fail(String fragment, QueryFailedException.Reason reason) {
        scripts.add(0, new Script(fragment, statement -> {
            throw new QueryFailedException(reason, DIAGNOSTIC, null);
        }));
    }

    public List<Run> runs() {
        return List.copyOf(runs);
    }

    public List<BoundStatement> statements() {
        return runs.stream().map(Run::statement).toList();
    }

    public List<BoundStatement> statementsContaining(String fragment) {
        return statements().stream().filter(s -> s.sql().contains(fragment)).toList();
    }

    public BoundStatement lastContaining(String fragment) {
        List<BoundStatement> matching = statementsContaining(fragment);
        if (matching.isEmpty()) {
            throw new AssertionError("no statement containing '" + fragment + "' ran; ran: " + statements());
        }
        return matching.get(matching.size() - 1);
    }

    /** The bound values of the latest statement containing {@code fragment}, in placeholder order. */
    public List<Object> boundValues(String fragment) {
        return lastContaining(fragment).parameters().stream().map(SqlParam::value).toList();
    }

    public int count() {
        return runs.size();
    }

    public void forget() {
        runs.clear();
    }

    private static QueryResult echo(BoundStatement statement) {
        List<Column> columns = new ArrayList<>();
        List<Object> row = new ArrayList<>();
        for (int i = 0; i < statement.parameters().size(); i++) {
            columns.add(new Column("p" + (i + 1), "text"));
            Object value = statement.parameters().get(i).value();
            row.add(value == null ? null : value.toString());
        }
        return new QueryResult(columns, List.of(row), false, 1);
    }

    public static List<String> list(String... values) {
        return Arrays.asList(values);
    }
}
