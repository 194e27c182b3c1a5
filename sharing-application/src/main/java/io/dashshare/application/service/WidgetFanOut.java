package io.dashshare.application.service;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * Runs the widgets of one execution side by side, so a viewer waits about as long as the slowest
 * widget rather than the sum of all (docs/operations.md, dashboard executions). Three bounds:
 *
 * <ul>
 *   <li>at most {@code lanes} of one execution's tasks run at once (the caller passes the lesser of
 *       {@link #maxLanes()} and what the data source allows one execution), so one viewer cannot take
 *       a data source's every slot, nor make its own widgets wait behind each other for a turn;</li>
 *   <li>the threads are {@code threads}' (a bounded pool bootstrap owns); when it has no thread to
 *       spare, the request's own thread runs what is left, so a full pool slows an execution down to
 *       one widget after another instead of failing it;</li>
 *   <li>the whole execution has a {@link #deadline()}: the caller stops waiting then, and a task not
 *       finished by then is answered as absent (its widget's error); a task not yet started when
 *       the deadline passes never starts. A task already running is not interrupted (its statement
 *       has its own server-side timeout, and an interrupt mid-query would look like a lost database
 *       to the pool); it finishes in the background and its result still fills the cache.</li>
 * </ul>
 *
 * <p>A task that throws stops the whole run: tasks not yet started never start, and the caller
 * rethrows that failure at once without waiting for the others (a refusal for load or a spent
 * quota is the whole answer, docs/api.md). Outcomes come back in the tasks' order whatever order
 * they finished in. Plain {@code java.util.concurrent}: the framework's executors stay in bootstrap.
 */
public final class WidgetFanOut {

    private final Executor threads;
    private final int maxLanes;
    private final Duration deadline;

    public WidgetFanOut(Executor threads, int maxLanes, Duration deadline) {
        this.threads = Objects.requireNonNull(threads, "threads");
        if (maxLanes < 1) {
            throw new IllegalArgumentException("at least one widget must be able to run");
        }
        if (deadline.isNegative() || deadline.isZero()) {
            throw new IllegalArgumentException("the execution deadline must be positive");
        }
        this.maxLanes = maxLanes;
        this.deadline = deadline;
    }

    /** One widget after another on the caller's thread, within {@code deadline}: for tests and embedders. */
    public static WidgetFanOut sequential(Duration deadline) {
        return new WidgetFanOut(Runnable::run, 1, deadline);
    }

    public int maxLanes() {
        return maxLanes;
    }

    public Duration deadline() {
        return deadline;
    }

    /**
     * Runs {@code tasks} at most {@code lanes} at a time and answers each one's result in order, or
     * empty for a task the deadline overtook. Rethrows the first failure of a task.
     */
    public <T> List<Optional<T>> run(List<Supplier<T>> tasks, int lanes) {
        Run<T> run = new Run<>(tasks, System.nanoTime() + deadline.toNanos());
        int wanted = Math.max(1, Math.min(Math.min(lanes, maxLanes), tasks.size()));
        if (tasks.size() <= 1) {
            // Nothing to overlap, and one statement is bounded by its own timeout: no hand-over.
            run.lane();
            return run.outcomes();
        }
        // One lane of several tasks still goes to a thread of its own: on the caller's thread the
        // deadline could only be checked between tasks, so two slow widgets on the single slot an
        // execution was granted (docs/operations.md, fair use of a data source) would answer after
        // both statement timeouts instead of at the deadline.
        int started = 0;
        for (int i = 0; i < wanted; i++) {
            try {
                threads.execute(run::lane);
                started++;
            } catch (RejectedExecutionException full) {
                break;
            }
        }
        if (started == 0) {
            run.lane();
            return run.outcomes();
        }
        return run.await();
    }

    /** One execution's tasks: a shared cursor that every lane takes the next task from. */
    private static final class Run<T> {

        private final List<Supplier<T>> tasks;
        private final List<CompletableFuture<T>> results;
        private final CompletableFuture<Void> all;
        private final CompletableFuture<Void> failed = new CompletableFuture<>();
        private final AtomicInteger next = new AtomicInteger();
        private final AtomicBoolean stopped = new AtomicBoolean();
        private final long deadlineNanos;

        Run(List<Supplier<T>> tasks, long deadlineNanos) {
            this.tasks = List.copyOf(tasks);
            this.deadlineNanos = deadlineNanos;
            this.results = new ArrayList<>(tasks.size());
            for (int i = 0; i < tasks.size(); i++) {
                results.add(new CompletableFuture<>());
            }
            this.all = CompletableFuture.allOf(results.toArray(CompletableFuture[]::new));
        }

        /** Takes tasks until none is left, the run stopped, or the deadline passed. */
        void lane() {
            int i;
            while (!stopped.get() && (i = next.getAndIncrement()) < tasks.size()) {
                if (System.nanoTime() - deadlineNanos >= 0) {
                    stopped.set(true);
                    return;
                }
                try {
                    results.get(i).complete(tasks.get(i).get());
                } catch (RuntimeException | Error e) {
                    // failed first: a caller woken by the last result sees the failure, not a gap.
                    stopped.set(true);
                    failed.completeExceptionally(e);
                    results.get(i).completeExceptionally(e);
                    return;
                }
            }
        }

        /** Waits for every task, the first failure, or the deadline, whichever comes first. */
        List<Optional<T>> await() {
            try {
                CompletableFuture.anyOf(all, failed).get(Math.max(0, deadlineNanos - System.nanoTime()),
                        TimeUnit.NANOSECONDS);
            } catch (TimeoutException late) {
                stopped.set(true);
            } catch (ExecutionException e) {
                // failed: outcomes() rethrows it.
            } catch (InterruptedException e) {
                stopped.set(true);
                Thread.currentThread().interrupt();
            }
            return outcomes();
        }

        /** Each task's result in order; rethrows a task's failure; empty where none is there yet. */
        List<Optional<T>> outcomes() {
            if (failed.isCompletedExceptionally()) {
                stopped.set(true);
                rethrow(failed);
            }
            List<Optional<T>> outcomes = new ArrayList<>(results.size());
            for (CompletableFuture<T> result : results) {
                if (result.isCompletedExceptionally()) {
                    stopped.set(true);
                    rethrow(result);
                }
                outcomes.add(result.isDone() ? Optional.of(result.join()) : Optional.empty());
            }
            return outcomes;
        }

        private static void rethrow(CompletableFuture<?> failed) {
            try {
                failed.join();
            } catch (CompletionException e) {
                if (e.getCause() instanceof RuntimeException failure) {
                    throw failure;
                }
                if (e.getCause() instanceof Error error) {
                    throw error;
                }
                throw e;
            }
        }
    }
}
