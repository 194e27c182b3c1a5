package io.dashshare.adapter.persistence;

import static io.dashshare.adapter.persistence.jooq.Tables.RATE_LIMIT_COUNTERS;

import io.dashshare.domain.port.RateLimiter;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Record2;
import org.jooq.impl.DSL;

/**
 * Fixed-window counters in PostgreSQL, so that every service instance counts against the same
 * limit. One atomic upsert per hit: a key's window opens at its first hit and lasts
 * {@code window}; the first hit at or after its end opens the next one with a count of 1.
 */
public final class JooqRateLimiter implements RateLimiter {

    private final DSLContext db;

    public JooqRateLimiter(DSLContext db) {
        this.db = db;
    }

    @Override
    public Decision hit(String key, int limit, Duration window, Instant now) {
        OffsetDateTime at = Times.column(now);
        // Evaluated against the stored (old) row, as every SET expression of one UPDATE is.
        Condition ended = RATE_LIMIT_COUNTERS.WINDOW_START.le(Times.column(now.minus(window)));
        Record2<OffsetDateTime, Integer> counter = DatabaseFailures.call(() -> db.insertInto(RATE_LIMIT_COUNTERS)
                .set(RATE_LIMIT_COUNTERS.KEY, key)
                .set(RATE_LIMIT_COUNTERS.WINDOW_START, at)
                .set(RATE_LIMIT_COUNTERS.COUNT, 1)
                .onConflict(RATE_LIMIT_COUNTERS.KEY).doUpdate()
                .set(RATE_LIMIT_COUNTERS.WINDOW_START, DSL.when(ended, DSL.val(at)).otherwise(RATE_LIMIT_COUNTERS.WINDOW_START))
                .set(RATE_LIMIT_COUNTERS.COUNT, DSL.when(ended, DSL.inline(1))
                        // callers pass Integer.MAX_VALUE as a limit to count only: never overflow
                        .when(RATE_LIMIT_COUNTERS.COUNT.lt(Integer.MAX_VALUE), RATE_LIMIT_COUNTERS.COUNT.plus(1))
                        .otherwise(RATE_LIMIT_COUNTERS.COUNT))
                .returningResult(RATE_LIMIT_COUNTERS.WINDOW_START, RATE_LIMIT_COUNTERS.COUNT)
                .fetchOne());
        if (counter.value2() <= limit) {
            return Decision.allow();
        }
        Instant windowEnd = Times.instant(counter.value1()).plus(window);
        return new Decision(false, Duration.between(now, windowEnd));
    }

    @Override
    public int count(String key, Duration window, Instant now) {
        return DatabaseFailures.call(() -> db.select(RATE_LIMIT_COUNTERS.COUNT).from(RATE_LIMIT_COUNTERS)
                .where(RATE_LIMIT_COUNTERS.KEY.eq(key),
                        RATE_LIMIT_COUNTERS.WINDOW_START.gt(Times.column(now.minus(window))))
                .fetchOptional(RATE_LIMIT_COUNTERS.COUNT)
                .orElse(0));
    }
}
