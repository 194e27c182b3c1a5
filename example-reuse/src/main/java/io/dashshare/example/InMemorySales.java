package io.dashshare.example;

import io.dashshare.domain.dashboard.DataSourceName;
import io.dashshare.domain.execution.Column;
import io.dashshare.domain.execution.QueryFailedException;
import io.dashshare.domain.execution.QueryLimits;
import io.dashshare.domain.execution.QueryResult;
import io.dashshare.domain.execution.RowCursor;
import io.dashshare.domain.port.QueryExecutor;
import io.dashshare.domain.sql.BoundStatement;
import io.dashshare.domain.sql.SqlParam;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The host application's own {@link QueryExecutor}: a few rows of sales held in memory instead of a
 * database. It understands exactly the statements of {@link ReuseExample}'s dashboard, and, like the
 * real executor, it never sees a viewer's value inside the SQL text: the region arrives as the bound
 * parameter the domain made of it.
 */
final class InMemorySales implements QueryExecutor {

    static final DataSourceName SOURCE = new DataSourceName("sales");

    private final Map<String, BigDecimal> revenueByRegion;
    private final List<BoundStatement> seen = new ArrayList<>();

    InMemorySales(Map<String, BigDecimal> revenueByRegion) {
        this.revenueByRegion = Map.copyOf(revenueByRegion);
    }

    @Override
    public synchronized QueryResult run(DataSourceName dataSource, BoundStatement statement, QueryLimits limits) {
        seen.add(statement);
        if (!statement.sql().equals("select revenue from sales where region = ?")) {
            throw new QueryFailedException(QueryFailedException.Reason.REJECTED, "this executor knows one statement only", null);
        }
        String region = ((SqlParam.TextParam) statement.parameters().get(0)).value();
        List<List<Object>> rows = new ArrayList<>();
        BigDecimal revenue = revenueByRegion.get(region);
        if (revenue != null) {
            rows.add(List.of(revenue));
        }
        return new QueryResult(List.of(new Column("revenue", "number")), rows, false, 0);
    }

    @Override
    public RowCursor stream(DataSourceName dataSource, BoundStatement statement, QueryLimits limits) {
        throw new QueryFailedException(QueryFailedException.Reason.REJECTED, "exports are not part of this example", null);
    }

    @Override
    public Set<DataSourceName> dataSources() {
        return Set.of(SOURCE);
    }

    /** What reached the "database": SQL with placeholders, and the values beside it. */
    synchronized List<BoundStatement> statementsSeen() {
        return List.copyOf(seen);
    }
}
