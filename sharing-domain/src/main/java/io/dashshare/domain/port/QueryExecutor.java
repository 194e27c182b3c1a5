package io.dashshare.domain.port;

import io.dashshare.domain.dashboard.DataSourceName;
import io.dashshare.domain.execution.QueryFailedException;
import io.dashshare.domain.execution.QueryLimits;
import io.dashshare.domain.execution.QueryResult;
import io.dashshare.domain.sql.BoundStatement;
import java.util.Set;

/**
 * Runs dashboard SQL on a data source, read-only, with every value bound as a parameter.
 */
public interface QueryExecutor {

    /** Throws {@link QueryFailedException} when the statement fails, times out or cannot run. */
    QueryResult run(DataSourceName dataSource, BoundStatement statement, QueryLimits limits);

    Set<DataSourceName> dataSources();
}
