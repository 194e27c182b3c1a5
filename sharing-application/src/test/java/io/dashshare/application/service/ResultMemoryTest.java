package io.dashshare.application.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dashshare.domain.execution.QueryFailedException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/**
 * The memory of executions' rows (docs/filters.md, "Memory of an execution"): each widget keeps at
 * most its even part of an execution's bound, the process at most its whole, and what a widget
 * took goes back once its statement has ended and its execution is over.
 */
class ResultMemoryTest {

    private static final int CHUNK = ResultMemory.CHUNK;

    private final ResultMemory memory = new ResultMemory(4L * CHUNK, 2L * CHUNK, Duration.ZERO);

    @Test
    void a_widget_keeps_rows_up_to_its_even_part_of_the_execution_and_no_further() {
        try (ResultMemory.Execution execution = memory.execution(4)) {
            ResultMemory.Lease widget = execution.widget();
            long part = 2L * CHUNK / 4;

            assertThat(widget.take(part - 10)).isTrue();
            assertThat(widget.take(10)).isTrue();
            assertThat(widget.take(1)).isFalse();
            // Another widget of the same execution has its own part.
            assertThat(execution.widget().take(part)).isTrue();
        }
    }

    @Test
    void when_the_process_holds_all_it_may_the_next_row_is_refused_for_load_not_cut() {
        ResultMemory.Execution first = memory.execution(1);
        ResultMemory.Execution second = memory.execution(1);
        ResultMemory.Execution third = memory.execution(1);
        first.widget().take(2L * CHUNK);
        second.widget().take(2L * CHUNK);

        assertThat(memory.inUse()).isEqualTo(4L * CHUNK);
        assertThatThrownBy(() -> third.widget().take(1))
                .isInstanceOfSatisfying(QueryFailedException.class,
                        e -> assertThat(e.reason()).isEqualTo(QueryFailedException.Reason.TOO_BUSY));
    }

    @Test
    void a_widgets_memory_goes_back_when_its_statement_has_ended_and_its_execution_is_over() {
        ResultMemory.Execution execution = memory.execution(1);
        ResultMemory.Lease widget = execution.widget();
        widget.take(CHUNK + 1);
        assertThat(memory.inUse()).isEqualTo(2L * CHUNK);

        widget.finish();
        assertThat(memory.inUse()).as("the rows are the answer's until the execution is over").isEqualTo(2L * CHUNK);
        execution.close();
        assertThat(memory.inUse()).isZero();
    }

    @Test
    void a_widget_the_deadline_overtook_gives_its_memory_back_when_it_finishes_not_before() {
        ResultMemory.Execution execution = memory.execution(1);
        ResultMemory.Lease late = execution.widget();
        late.take(100);
        execution.close();

        // Still reading after its execution was answered: it keeps what it has and may take more.
        assertThat(late.take(CHUNK)).isTrue();
        assertThat(memory.inUse()).isEqualTo(2L * CHUNK);
        late.finish();
        assertThat(memory.inUse()).isZero();
    }

    @Test
    void a_full_process_serves_a_waiting_execution_once_memory_is_given_back() throws Exception {
        ResultMemory waiting = new ResultMemory(2L * CHUNK, 2L * CHUNK, Duration.ofSeconds(20));
        ResultMemory.Execution holder = waiting.execution(1);
        ResultMemory.Lease held = holder.widget();
        held.take(2L * CHUNK);
        held.finish();
        Thread giver = new Thread(() -> {
            sleepQuietly(100);
            holder.close();
        });
        giver.start();

        try (ResultMemory.Execution next = waiting.execution(1)) {
            assertThat(next.widget().take(CHUNK)).isTrue();
        }
        giver.join();
    }

    @Test
    void of_the_executions_holding_memory_one_waits_for_more_and_the_others_are_refused_at_once() throws Exception {
        // A wait long enough to hang the test: executions each holding half and waiting for the
        // other half would wait it out together.
        ResultMemory patient = new ResultMemory(4L * CHUNK, 4L * CHUNK, Duration.ofSeconds(60));
        ResultMemory.Execution first = patient.execution(1);
        ResultMemory.Execution second = patient.execution(1);
        ResultMemory.Lease one = first.widget();
        ResultMemory.Lease two = second.widget();
        one.take(2L * CHUNK);
        two.take(2L * CHUNK);
        AtomicBoolean grown = new AtomicBoolean();
        Thread grower = new Thread(() -> grown.set(one.take(CHUNK)));
        grower.start();
        awaitWaiting(grower);

        long started = System.nanoTime();
        assertThatThrownBy(() -> two.take(CHUNK)).isInstanceOf(QueryFailedException.class);
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(30));
        ResultMemory.Lease sibling = second.widget();
        assertThatThrownBy(() -> sibling.take(1)).as("its siblings stop reading too").isInstanceOf(QueryFailedException.class);

        sibling.finish();
        two.finish();
        second.close();
        grower.join(30_000);
        assertThat(grown).as("what the refused one held went to the one waiting").isTrue();
    }

    private static void awaitWaiting(Thread thread) throws InterruptedException {
        for (int i = 0; i < 1_000 && thread.getState() != Thread.State.TIMED_WAITING; i++) {
            Thread.sleep(10);
        }
        assertThat(thread.getState()).isEqualTo(Thread.State.TIMED_WAITING);
    }

    @Test
    void an_execution_starts_by_taking_what_the_last_one_of_its_kind_held() {
        ResultMemory memory = new ResultMemory(16L * CHUNK, 8L * CHUNK, Duration.ZERO);
        try (ResultMemory.Execution first = memory.execution(1, "dashboard v1")) {
            ResultMemory.Lease lease = first.widget();
            lease.take(5L * CHUNK);
            lease.finish();
        }

        try (ResultMemory.Execution next = memory.execution(1, "dashboard v1");
             ResultMemory.Execution other = memory.execution(1, "dashboard v2")) {
            ResultMemory.Lease seen = next.widget();
            ResultMemory.Lease unseen = other.widget();
            seen.take(10);
            unseen.take(10);

            // Five chunks for the kind seen before, one for the new kind.
            assertThat(memory.inUse()).isEqualTo(6L * CHUNK);
            seen.finish();
            unseen.finish();
        }
        assertThat(memory.inUse()).isZero();
    }

    @Test
    void the_defaults_are_a_fifth_of_the_heap_in_flight_and_half_of_that_an_execution() {
        ResultMemory defaults = ResultMemory.forHeap(64L << 20);

        assertThat(defaults.total()).isEqualTo((64L << 20) / 5);
        assertThat(defaults.perExecution()).isEqualTo((64L << 20) / 10);
    }

    @Test
    void an_execution_may_not_be_given_more_than_the_whole() {
        assertThatThrownBy(() -> new ResultMemory(4L * CHUNK, 5L * CHUNK, Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ResultMemory(CHUNK - 1, 1, Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static void sleepQuietly(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
