package io.dashshare.domain.port;

import io.dashshare.domain.execution.QueryResult;
import java.util.Optional;

/**
 * Short-lived widget results. The key carries company, dashboard version, widget and the
 * canonical effective parameters, so no result is ever served under other restrictions.
 */
public interface ResultCache {

    Optional<QueryResult> get(Key key);

    void put(Key key, QueryResult result);

    /**
     * False when caching is turned off (a TTL of zero): then every execution must run its own SQL,
     * and concurrent identical executions are not merged either.
     */
    default boolean enabled() {
        return true;
    }

    record Key(String companyId, String dashboardId, long dashboardVersion, String widgetSlug, String parameters) {
    }
}
