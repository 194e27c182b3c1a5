package io.dashshare.adapter.persistence.query;

import io.dashshare.adapter.persistence.gate.DatabaseFailure;
import io.dashshare.domain.dashboard.DataSourceName;
import io.dashshare.domain.execution.QueryFailedException;
import io.dashshare.domain.execution.QueryFailedException.Reason;
import java.sql.SQLException;

/**
 * Why a dashboard query failed, as the application tells viewers and operators: a statement
 * timeout, a source too busy for another query (429), a source that cannot be reached (its gate
 * closes, see {@link DatabaseFailure}), or anything else the database refused.
 */
final class QueryFailures {

    /** PostgreSQL's query_canceled: statement_timeout fired (or the driver's cancel did). */
    private static final String QUERY_CANCELED = "57014";

    private QueryFailures() {
    }

    static QueryFailedException of(DataSourceName name, SQLException e) {
        String diagnostic = "data source '" + name + "' [" + e.getSQLState() + "]: " + e.getMessage();
        return new QueryFailedException(reason(e), diagnostic, e);
    }

    static Reason reason(SQLException e) {
        if (QUERY_CANCELED.equals(e.getSQLState())) {
            return Reason.TIMEOUT;
        }
        switch (DatabaseFailure.classify(e)) {
            case UNREACHABLE:
                return Reason.UNAVAILABLE;
            case POOL_EXHAUSTED:
                return Reason.TOO_BUSY;
            default:
                return Reason.REJECTED;
        }
    }

    static QueryFailedException unknownSource(DataSourceName name) {
        return new QueryFailedException(Reason.REJECTED, "no data source named '" + name + "' is configured", null);
    }

    static QueryFailedException refusedAdmission(DataSourceName name, Admission admission) {
        return new QueryFailedException(Reason.TOO_BUSY, "data source '" + name + "': " + admission.describe(), null);
    }

    /** A dashboard or share already holding its fair share of the source: refused at once, never queued. */
    static QueryFailedException refusedShare(DataSourceName name, String held) {
        return new QueryFailedException(Reason.TOO_BUSY, "data source '" + name + "': share full, " + held, null);
    }
}
