package io.dashshare.application.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The widgets of one execution side by side: order, bounds, failures and the deadline (no timing asserted). */
class WidgetFanOutTest {

    /** How long a test waits for something that must happen; never reached when the code is right. */
    private static final long PATIENCE_SECONDS = 20;

    private final ExecutorService pool = Executors.newCachedThreadPool();

    @AfterEach
    void stop() throws InterruptedException {
        pool.shutdownNow();
        pool.awaitTermination(PATIENCE_SECONDS, TimeUnit.SECONDS);
    }

    private WidgetFanOut fanOut(int lanes) {
        return new WidgetFanOut(pool, lanes, Duration.ofSeconds(PATIENCE_SECONDS * 2));
    }

    @Test
    void results_come_back_in_the_tasks_order_whatever_order_they_finish_in() {
        CountDownLatch lastDone = new CountDownLatch(1);
        List<Supplier<String>> tasks = List.of(
                () -> {
                    await(lastDone);
                    return "first";
                },
                () -> "second",
                () -> "third",
                () -> {
                    lastDone.countDown();
                    return "fourth";
                });

        List<Optional<String>> outcomes = fanOut(4).run(tasks, 4);

        assertThat(outcomes).containsExactly(Optional.of("first"), Optional.of("second"), Optional.of("third"),
                Optional.of("fourth"));
    }

    @Test
    void as_many_tasks_run_at_once_as_the_lanes_allow_and_never_more() {
        AtomicInteger running = new AtomicInteger();
        AtomicInteger most = new AtomicInteger();
        CyclicBarrier threeTogether = new CyclicBarrier(3);
        List<Supplier<Integer>> tasks = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            int n = i;
            tasks.add(() -> {
                most.accumulateAndGet(running.incrementAndGet(), Math::max);
                try {
                    // Three tasks meet here: only possible if three run at the same time.
                    threeTogether.await(PATIENCE_SECONDS, TimeUnit.SECONDS);
                } catch (Exception e) {
                    throw new IllegalStateException("three tasks did not run together", e);
                } finally {
                    running.decrementAndGet();
                }
                return n;
            });
        }

        List<Optional<Integer>> outcomes = fanOut(8).run(tasks, 3);

        assertThat(outcomes).extracting(Optional::orElseThrow).containsExactly(0, 1, 2, 3, 4, 5);
        assertThat(most.get()).isEqualTo(3);
    }

    @Test
    void the_fan_outs_own_bound_caps_what_a_caller_asks_for() {
        AtomicInteger running = new AtomicInteger();
        AtomicInteger most = new AtomicInteger();
        List<Supplier<Integer>> tasks = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            tasks.add(() -> {
                most.accumulateAndGet(running.incrementAndGet(), Math::max);
                Thread.onSpinWait();
                running.decrementAndGet();
                return 1;
            });
        }

        fanOut(2).run(tasks, 16);

        assertThat(most.get()).isLessThanOrEqualTo(2);
    }

    @Test
    void a_failing_task_is_rethrown_at_once_and_the_tasks_not_yet_started_never_start() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        AtomicBoolean thirdStarted = new AtomicBoolean();
        IllegalStateException failure = new IllegalStateException("refused for load");
        List<Supplier<String>> tasks = List.of(
                () -> {
                    await(release);
                    return "slow";
                },
                () -> {
                    throw failure;
                },
                () -> {
                    thirdStarted.set(true);
                    return "third";
                });

        // The first task is still blocked when the failure comes back: nobody waited for it.
        assertThatThrownBy(() -> fanOut(2).run(tasks, 2)).isSameAs(failure);

        release.countDown();
        pool.shutdown();
        assertThat(pool.awaitTermination(PATIENCE_SECONDS, TimeUnit.SECONDS)).isTrue();
        assertThat(thirdStarted).as("a task after the failure").isFalse();
    }

    @Test
    void past_the_deadline_an_unfinished_task_is_empty_and_a_task_not_started_never_starts() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        AtomicBoolean lastStarted = new AtomicBoolean();
        List<Supplier<String>> tasks = List.of(
                () -> "quick",
                () -> {
                    await(release);
                    return "too late";
                },
                () -> {
                    await(release);
                    return "too late as well";
                },
                () -> {
                    lastStarted.set(true);
                    return "never";
                });
        WidgetFanOut fanOut = new WidgetFanOut(pool, 2, Duration.ofSeconds(1));

        List<Optional<String>> outcomes = fanOut.run(tasks, 2);

        assertThat(outcomes).containsExactly(Optional.of("quick"), Optional.empty(), Optional.empty(),
                Optional.empty());
        release.countDown();
        pool.shutdown();
        assertThat(pool.awaitTermination(PATIENCE_SECONDS, TimeUnit.SECONDS)).isTrue();
        assertThat(lastStarted).as("a task the deadline overtook before it started").isFalse();
    }

    @Test
    void a_pool_with_no_thread_to_spare_runs_the_tasks_on_the_callers_thread_in_order() {
        List<Thread> ranOn = new CopyOnWriteArrayList<>();
        List<String> order = new CopyOnWriteArrayList<>();
        WidgetFanOut full = new WidgetFanOut(task -> {
            throw new RejectedExecutionException("no thread to spare");
        }, 4, Duration.ofSeconds(PATIENCE_SECONDS));
        List<Supplier<String>> tasks = new ArrayList<>();
        for (String name : List.of("a", "b", "c")) {
            tasks.add(() -> {
                ranOn.add(Thread.currentThread());
                order.add(name);
                return name;
            });
        }

        List<Optional<String>> outcomes = full.run(tasks, 4);

        assertThat(outcomes).containsExactly(Optional.of("a"), Optional.of("b"), Optional.of("c"));
        assertThat(ranOn).containsOnly(Thread.currentThread());
        assertThat(order).containsExactly("a", "b", "c");
    }

    @Test
    void one_task_runs_on_the_callers_thread_without_a_hand_over() {
        List<Thread> ranOn = new CopyOnWriteArrayList<>();
        Supplier<String> task = () -> {
            ranOn.add(Thread.currentThread());
            return "x";
        };

        fanOut(4).run(List.of(task), 4);
        WidgetFanOut.sequential(Duration.ofSeconds(1)).run(List.of(task, task), 4);

        assertThat(ranOn).hasSize(3).containsOnly(Thread.currentThread());
    }

    @Test
    void one_lane_of_several_tasks_runs_them_one_after_another_on_another_thread_within_the_deadline() {
        List<Thread> ranOn = new CopyOnWriteArrayList<>();
        CountDownLatch release = new CountDownLatch(1);
        Supplier<String> slow = () -> {
            ranOn.add(Thread.currentThread());
            await(release);
            return "late";
        };
        WidgetFanOut fanOut = new WidgetFanOut(pool, 4, Duration.ofMillis(300));

        List<Optional<String>> outcomes = fanOut.run(List.of(slow, slow), 1);

        assertThat(outcomes).as("the caller answers at the deadline, not after both tasks")
                .containsExactly(Optional.empty(), Optional.empty());
        assertThat(ranOn).singleElement().isNotEqualTo(Thread.currentThread());
        release.countDown();
    }

    @Test
    void no_tasks_no_outcomes() {
        assertThat(fanOut(4).run(List.<Supplier<String>>of(), 4)).isEmpty();
    }

    @Test
    void bounds_must_make_sense() {
        assertThatThrownBy(() -> new WidgetFanOut(pool, 0, Duration.ofSeconds(1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new WidgetFanOut(pool, 1, Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static void await(CountDownLatch latch) {
        try {
            if (!latch.await(PATIENCE_SECONDS, TimeUnit.SECONDS)) {
                throw new IllegalStateException("the latch was never released");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
