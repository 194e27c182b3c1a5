package io.dashshare.domain.port;

import io.dashshare.domain.execution.QueryResult;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Short-lived widget results. The key carries company, dashboard version, widget and the
 * canonical effective parameters, so no result is ever served under other restrictions.
 */
public interface ResultCache {

    /**
     * The result kept under {@code key}, or else {@code compute}'s, kept for the cache's time to
     * live. Callers of one missing key at the same time share one computation (single flight):
     * {@code compute} runs once, on the first caller's thread, and the others get its result or its
     * failure. Failures are never kept.
     */
    QueryResult get(Key key, Supplier<QueryResult> compute);

    /**
     * The result kept under {@code key} now, if any: never computes, never waits for a computation
     * under way. Lets an execution answer what is kept before it starts any query, on the
     * caller's thread. Empty when caching is off.
     */
    default Optional<QueryResult> peek(Key key) {
        return Optional.empty();
    }

    /**
     * False when caching is turned off (a time to live of zero): then every call runs its own
     * {@code compute}, and concurrent identical executions are not merged either.
     */
    boolean enabled();

    record Key(String companyId, String dashboardId, long dashboardVersion, String part, String parameters) {
    }

    /** A cache that keeps nothing: every call computes. */
    static ResultCache disabled() {
        return new ResultCache() {
            @Override
            public QueryResult get(Key key, Supplier<QueryResult> compute) {
                return compute.get();
            }

            @Override
            public boolean enabled() {
                return false;
            }
        };
    }
}
