package io.dashshare.adapter.persistence.query;

import io.dashshare.domain.dashboard.DataSourceName;
import io.dashshare.domain.execution.QueryFailedException;
import io.dashshare.domain.execution.QueryLimits;
import io.dashshare.domain.execution.QueryResult;
import io.dashshare.domain.execution.QuerySlots;
import io.dashshare.domain.execution.RowCursor;
import io.dashshare.domain.execution.SlotHolder;
import io.dashshare.domain.sql.BoundStatement;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The turns one execution (or export) took of a source, all at its start: first its holder's share
 * ({@link FairShares}, waiting for it within the queue wait when full), then the first turn of the source's
 * {@link Admission} (within its short queue wait), then as many more as are free right now, never
 * waiting for them. A statement then borrows one of these turns and gives it back when it ends,
 * so a later widget of the execution never waits for, nor is refused, a turn after an earlier one
 * ran (docs/operations.md, fair use of a data source).
 *
 * <p>Closing gives back the turns not borrowed; a turn borrowed at that moment (a widget the
 * execution deadline gave up on, an export's open cursor) goes back to the source when its
 * statement or cursor ends.
 */
final class ReservedSlots implements QuerySlots {

    private final DataSourceName name;
    private final DataSourcePool source;
    private final List<String> keys;
    private final int granted;
    private final Deque<Admission.Permit> free;
    private boolean closed;

    private ReservedSlots(DataSourceName name, DataSourcePool source, List<String> keys, List<Admission.Permit> turns) {
        this.name = name;
        this.source = source;
        this.keys = keys;
        this.granted = turns.size();
        this.free = new ArrayDeque<>(turns);
    }

    static ReservedSlots take(DataSourceName name, DataSourcePool source, SlotHolder holder, int wanted) {
        List<String> keys = holder.keys();
        FairShares shares = source.shares();
        // One queue wait for both: the share's turn, then the source's first turn.
        long deadline = source.admission().deadlineFromNow();
        int claimed;
        try {
            claimed = shares.claim(keys, wanted, deadline);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            claimed = 0;
        }
        if (claimed == 0) {
            throw QueryFailures.refusedShare(name, shares.describe(keys));
        }
        List<Admission.Permit> turns = new ArrayList<>(claimed);
        try {
            turns.add(source.admission().enterBy(deadline)
                    .orElseThrow(() -> QueryFailures.refusedAdmission(name, source.admission())));
            while (turns.size() < claimed) {
                Optional<Admission.Permit> more = source.admission().enterNow();
                if (more.isEmpty()) {
                    break;
                }
                turns.add(more.get());
            }
        } finally {
            shares.release(keys, claimed - turns.size());
        }
        return new ReservedSlots(name, source, keys, turns);
    }

    @Override
    public int granted() {
        return granted;
    }

    @Override
    public QueryResult run(BoundStatement statement, QueryLimits limits) {
        return JdbcQueryExecutor.run(name, source, borrow(), statement, limits);
    }

    @Override
    public RowCursor stream(BoundStatement statement, QueryLimits limits) {
        return JdbcQueryExecutor.stream(name, source, borrow(), statement, limits);
    }

    /** One of the turns; more statements at once than granted is the caller's bug, refused as load rather than run past the share. */
    private synchronized Admission.Permit borrow() {
        Admission.Permit turn = closed ? null : free.poll();
        if (turn == null) {
            throw new QueryFailedException(QueryFailedException.Reason.TOO_BUSY, "data source '" + name
                    + "': no free slot among the " + granted + " of this execution", null);
        }
        AtomicBoolean out = new AtomicBoolean(true);
        return () -> {
            if (out.compareAndSet(true, false)) {
                giveBack(turn);
            }
        };
    }

    private synchronized void giveBack(Admission.Permit turn) {
        if (closed) {
            release(turn);
        } else {
            free.push(turn);
        }
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        // All at once, so that an execution waiting for this dashboard's share wakes to all of them.
        int count = 0;
        Admission.Permit turn;
        while ((turn = free.poll()) != null) {
            turn.close();
            count++;
        }
        source.shares().release(keys, count);
    }

    private void release(Admission.Permit turn) {
        turn.close();
        source.shares().release(keys, 1);
    }
}
