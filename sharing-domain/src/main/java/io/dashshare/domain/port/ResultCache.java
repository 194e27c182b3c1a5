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

    record Key(String companyId, String dashboardId, long dashboardVersion, String widgetSlug, String parameters) {
    }
}
