package io.dashshare.application.service;

import io.dashshare.domain.execution.QueryFailedException;
import io.dashshare.domain.execution.RowBudget;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * The memory the rows of dashboard executions may hold, in the whole process and in each execution
 * (docs/filters.md, "Memory of an execution"). Without it one owner's dashboard of many widgets at
 * the row cap, or a few viewers of it at once, could fill the heap and end the process for every
 * company it serves.
 *
 * <ul>
 *   <li><b>Each execution</b> may keep at most {@code perExecution} bytes of rows (an estimate,
 *       {@link io.dashshare.domain.execution.RowWeight}), split evenly between its widgets: a widget
 *       past its part is cut and flagged {@code truncated}, as at the row cap. Even, so that the cut
 *       depends on the dashboard and its data only, never on which widget finished first (the
 *       result is cached like any other).</li>
 *   <li><b>The process</b> holds at most {@code total} bytes of rows of executions in flight. Rows
 *       take it in chunks of {@link #CHUNK} as they are read; when none is free within {@code wait},
 *       the statement fails {@code TOO_BUSY} and the whole answer is refused for load (429), never
 *       cut by load. A widget's part goes back when its statement has ended and its execution is
 *       over (a widget the deadline overtook gives it back when it finishes).</li>
 * </ul>
 *
 * <p>A {@link Semaphore} of chunks rather than a hand-kept counter: it is fair (first come, first
 * served) and its timed acquire is the wait. A chunk at a time keeps most rows from touching the
 * shared count; {@code perExecution} at most {@code total} keeps an execution alone always able to
 * finish.
 */
public final class ResultMemory {

    /** How much of the process's memory a widget takes at a time. */
    static final int CHUNK = 64 * 1024;

    private final Semaphore chunks;
    private final int allChunks;
    private final long total;
    private final long perExecution;
    private final Duration wait;

    public ResultMemory(long total, long perExecution, Duration wait) {
        if (total < CHUNK || perExecution < 1 || perExecution > total) {
            throw new IllegalArgumentException("the memory of executions must be at least " + CHUNK
                    + " bytes and at least what one execution may hold");
        }
        if (wait.isNegative()) {
            throw new IllegalArgumentException("the wait for memory must not be negative");
        }
        // Rounded up: an execution at its bound holds at most that many chunks (Execution.take).
        this.allChunks = (int) Math.min(Integer.MAX_VALUE, (total + CHUNK - 1) / CHUNK);
        this.chunks = new Semaphore(allChunks, true);
        this.total = total;
        this.perExecution = perExecution;
        this.wait = wait;
    }

    /**
     * The service's defaults on a heap of {@code maxHeap} bytes ({@code Runtime.maxMemory()}): a fifth
     * of it for the rows of executions in flight, half of that for one execution, a second's wait.
     * The rest of the heap is the service's own (about 25-30 MB), the result cache's bound and the
     * answers being written out.
     */
    public static ResultMemory forHeap(long maxHeap) {
        long total = Math.max(CHUNK, maxHeap / 5);
        return new ResultMemory(total, total / 2, Duration.ofSeconds(1));
    }

    public long total() {
        return total;
    }

    public long perExecution() {
        return perExecution;
    }

    /** How long a widget waits for memory another execution holds before its answer is refused. */
    public Duration maxWait() {
        return wait;
    }

    /** The bytes of rows executions in flight hold now (in whole chunks). */
    public long inUse() {
        return (long) (allChunks - chunks.availablePermits()) * CHUNK;
    }

    /** The budget of one execution of {@code widgets} widgets to be read. */
    Execution execution(int widgets) {
        return new Execution(Math.max(1, perExecution / Math.max(1, widgets)));
    }

    /**
     * One execution: what its widgets took of the process, counted together (so that the chunks it
     * holds are at most its bound rounded up to one chunk, and an execution alone always fits), given
     * back once it is closed and none of its widgets is still reading.
     */
    final class Execution implements AutoCloseable {

        private final long perWidget;
        private long allowance;
        private int held;
        private int reading;
        private boolean closed;

        private Execution(long perWidget) {
            this.perWidget = perWidget;
        }

        /** The part of one widget about to read its rows; {@link Lease#finish} when its statement has ended. */
        synchronized Lease widget() {
            reading++;
            return new Lease(this, perWidget);
        }

        /**
         * Takes {@code bytes} from what the execution holds, and more chunks of the process when it
         * holds too few. The wait for them is under this execution's lock: its other widgets would
         * wait for memory all the same.
         */
        private synchronized void take(long bytes) {
            if (bytes > allowance) {
                int more = (int) ((bytes - allowance + CHUNK - 1) / CHUNK);
                acquire(more);
                held += more;
                allowance += (long) more * CHUNK;
            }
            allowance -= bytes;
        }

        private synchronized void finished() {
            reading--;
            giveBackIfOver();
        }

        @Override
        public synchronized void close() {
            closed = true;
            giveBackIfOver();
        }

        private void giveBackIfOver() {
            if (closed && reading == 0 && held > 0) {
                chunks.release(held);
                held = 0;
                allowance = 0;
            }
        }
    }

    private void acquire(int more) {
        boolean got;
        try {
            got = chunks.tryAcquire(more, wait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            got = false;
        }
        if (!got) {
            throw new QueryFailedException(QueryFailedException.Reason.TOO_BUSY, "the rows of executions in "
                    + "flight hold the " + total + " bytes they may (no chunk free within " + wait.toMillis()
                    + " ms)", null);
        }
    }

    /**
     * One widget's part of its execution's bound: taken by the one thread that reads its rows, which
     * calls {@link #finish} when its statement has ended (read, cut or failed). A widget the deadline
     * overtook keeps reading after its execution was answered; what it holds goes back when it finishes.
     */
    static final class Lease implements RowBudget {

        private final Execution execution;
        private final long cap;
        private long used;
        private boolean finished;

        private Lease(Execution execution, long cap) {
            this.execution = execution;
            this.cap = cap;
        }

        @Override
        public boolean take(long bytes) {
            if (used + bytes > cap) {
                return false;
            }
            execution.take(bytes);
            used += bytes;
            return true;
        }

        void finish() {
            if (!finished) {
                finished = true;
                execution.finished();
            }
        }
    }
}
