package io.dashshare.adapter.persistence.housekeeping;

import io.dashshare.adapter.persistence.DatabaseFailures;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Objects;
import java.util.function.Function;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Table;
import org.jooq.impl.DSL;

/**
 * Deletes the rows of one table that are past retention, a batch at a time:
 * {@code delete from t where ctid = any(array(select ctid from t where <ended> limit n for update skip locked))}.
 *
 * <p>Small batches, each its own statement and transaction, so that no purge holds many row locks
 * or a long transaction beside live traffic, and a backlog (the first run on a big table) is
 * worked off over several rounds ({@link #MAX_BATCHES} per run) instead of in one long delete.
 * {@code skip locked}: a row that a request has locked right now is left for the next round, and
 * two instances purging at once take disjoint batches instead of waiting on each other. By
 * {@code ctid} rather than the key, so that one line fits any table whatever its key.
 */
public final class RowPurge implements Purge {

    static final int BATCH = 1_000;
    /** At most this many batches per run: 100,000 rows; what is left goes in the next round. */
    static final int MAX_BATCHES = 100;

    private static final Field<Object> CTID = DSL.field(DSL.name("ctid"));

    private final DSLContext db;
    private final Table<?> table;
    private final Duration retention;
    private final Function<OffsetDateTime, Condition> endedBefore;
    private final int batch;
    private final int maxBatches;

    RowPurge(DSLContext db, Table<?> table, Duration retention, Function<OffsetDateTime, Condition> endedBefore,
             int batch, int maxBatches) {
        this.db = Objects.requireNonNull(db);
        this.table = Objects.requireNonNull(table);
        this.retention = Objects.requireNonNull(retention);
        this.endedBefore = Objects.requireNonNull(endedBefore);
        this.batch = batch;
        this.maxBatches = maxBatches;
    }

    /**
     * Rows of {@code table} for which {@code endedBefore.apply(cutoff)} holds go once
     * {@code retention} has passed: the cutoff is {@code now - retention}.
     */
    public static RowPurge of(DSLContext db, Table<?> table, Duration retention,
                              Function<OffsetDateTime, Condition> endedBefore) {
        return new RowPurge(db, table, retention, endedBefore, BATCH, MAX_BATCHES);
    }

    @Override
    public String table() {
        return table.getName();
    }

    public Duration retention() {
        return retention;
    }

    @Override
    public long run(Instant now) {
        OffsetDateTime cutoff = now.minus(retention).atOffset(ZoneOffset.UTC);
        Condition ended = endedBefore.apply(cutoff);
        long removed = 0;
        for (int i = 0; i < maxBatches; i++) {
            int deleted = DatabaseFailures.call(() -> db.deleteFrom(table)
                    .where(DSL.condition("{0} = any(array({1}))", CTID,
                            DSL.select(CTID).from(table).where(ended).limit(batch).forUpdate().skipLocked()))
                    .execute());
            removed += deleted;
            if (deleted < batch) {
                break;
            }
        }
        return removed;
    }
}
