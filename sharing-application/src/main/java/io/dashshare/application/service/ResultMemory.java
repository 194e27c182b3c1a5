package io.dashshare.application.service;

import io.dashshare.domain.execution.RowBudget;
import io.dashshare.domain.execution.RowMemoryExhaustedException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
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
 *       take it in chunks of {@link #CHUNK} as they are read; when an execution's first chunk is not
 *       free within {@code wait}, or a further one not at once, the statement fails {@code TOO_BUSY}
 *       and the whole answer is refused for load (429), never cut by load. What an execution took
 *       goes back when it is over and none of its statements still reads (a widget the deadline
 *       overtook gives it back when it finishes).</li>
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
    /**
     * Held by the executions that may wait for more while they hold some: as many as fit at their
     * bound at once ({@code total / perExecution}), so those waiting always get what they wait for
     * once the others are done. Other executions holding some are refused at once (their memory
     * goes back), executions holding none hold nothing while they wait: no two executions wait for
     * each other. Every take is fair (first come, first served, never barging past a waiter), so
     * newcomers do not take from under the executions already part-way through; only an
     * execution's first and single chunk barges (see {@code acquire}).
     */
    private final Semaphore growers;
    private final Remembered remembered = new Remembered();
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
        this.growers = new Semaphore((int) Math.max(1, Math.min(Integer.MAX_VALUE, total / perExecution)));
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

    /** The budget of one execution of {@code widgets} widgets to be read, of nothing known before. */
    Execution execution(int widgets) {
        return execution(widgets, null);
    }

    /**
     * The budget of one execution of {@code widgets} widgets, alike to earlier ones of {@code kind}
     * (a dashboard's version): it starts by taking, waiting while it holds nothing, what the last
     * execution of its kind held. Without it every execution of a heavy dashboard would start at
     * one chunk, a dozen of them would each take a part of the process and all but the few that
     * may wait be refused part-way through, their statements' work thrown away; this way those
     * that would not fit wait holding nothing, and are refused (if at all) before they read a row.
     */
    Execution execution(int widgets, Object kind) {
        long expected = kind == null ? 0 : remembered.expected(kind);
        return new Execution(Math.max(1, perExecution / Math.max(1, widgets)), kind, Math.min(expected, perExecution));
    }

    /**
     * What the last execution of each kind held, for the most recent kinds. A bounded LRU map of the
     * JDK's rather than a cache library: the application layer takes no dependency, and a lost
     * entry only means one execution that grows instead of starting at its size.
     */
    private static final class Remembered {

        private static final int MAX_KINDS = 10_000;

        private final Map<Object, Long> held = new LinkedHashMap<>(256, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Object, Long> eldest) {
                return size() > MAX_KINDS;
            }
        };

        synchronized long expected(Object kind) {
            return held.getOrDefault(kind, 0L);
        }

        synchronized void held(Object kind, long bytes) {
            held.put(kind, bytes);
        }
    }

    /**
     * One execution: what its widgets took of the process, counted together (so that the chunks it
     * holds are at most its bound rounded up to one chunk, and an execution alone always fits), given
     * back once it is closed and none of its widgets is still reading.
     */
    final class Execution implements AutoCloseable {

        private final long perWidget;
        private final Object kind;
        private final long expected;
        private long used;
        private long allowance;
        private int held;
        private int reading;
        private boolean closed;
        private RowMemoryExhaustedException refused;

        private Execution(long perWidget, Object kind, long expected) {
            this.perWidget = perWidget;
            this.kind = kind;
            this.expected = expected;
        }

        /** The part of one widget about to read its rows; {@link Lease#finish} when its statement has ended. */
        synchronized Lease widget() {
            reading++;
            return new Lease(this, perWidget);
        }

        /**
         * Takes {@code bytes} from what the execution holds, and more chunks of the process when it
         * holds too few: waiting for them only while it holds none (a wait under this execution's
         * lock: its other widgets would wait for memory all the same). Of the executions that hold
         * some, only as many as fit at their bound at once may wait for more ({@link #growers}); the
         * others are refused at once:
         * executions each holding a part and waiting for the rest of another's would all wait until
         * every one of them was refused, while this way what the refused held goes to the others.
         */
        private synchronized void take(long bytes) {
            if (refused != null) {
                throw refused.again(); // a sibling was refused: the answer is a 429, so stop reading and give back
            }
            if (bytes > allowance) {
                // The first take is of what an execution of this kind held last time, at least.
                long wanted = held == 0 ? Math.max(bytes, expected) : bytes - allowance;
                int more = (int) ((wanted + CHUNK - 1) / CHUNK);
                try {
                    acquire(more, held == 0);
                } catch (RowMemoryExhaustedException e) {
                    refused = e;
                    throw e;
                }
                held += more;
                allowance += (long) more * CHUNK;
            }
            allowance -= bytes;
            used += bytes;
        }

        private synchronized void finished() {
            reading--;
            giveBackIfOver();
        }

        @Override
        public synchronized void close() {
            closed = true;
            if (kind != null) {
                // A refused execution needed more than it could hold: the next one starts at the whole
                // bound (waiting for it holding nothing), and the first that finishes says what it needs.
                remembered.held(kind, refused == null ? used : perExecution);
            }
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

    /**
     * {@code more} chunks: an execution holding none may wait for them; one holding some takes them
     * if they are free (and no earlier take waits), or waits as one of the {@link #growers}, or is
     * refused.
     */
    private void acquire(int more, boolean holdsNone) {
        boolean got;
        boolean mayWait = holdsNone;
        try {
            // A timed take, even of zero, keeps the semaphore's fairness (an untimed one barges), except
            // an execution's first and only chunk: a small dashboard does not queue behind a large one
            // waiting for a hundred chunks, and gives its one back within milliseconds.
            got = holdsNone && more == 1 && chunks.tryAcquire(1)
                    || chunks.tryAcquire(more, holdsNone ? wait.toMillis() : 0, TimeUnit.MILLISECONDS);
            if (!got && !holdsNone && growers.tryAcquire()) {
                mayWait = true;
                try {
                    got = chunks.tryAcquire(more, wait.toMillis(), TimeUnit.MILLISECONDS);
                } finally {
                    growers.release();
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            got = false;
        }
        if (!got) {
            throw new RowMemoryExhaustedException("the rows of executions in flight hold the " + total
                    + " bytes they may (" + (mayWait ? "no chunk free within " + wait.toMillis() + " ms"
                    : "none free at once for an execution already holding some") + ")");
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
