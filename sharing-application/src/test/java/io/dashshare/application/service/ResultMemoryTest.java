package io.dashshare.application.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dashshare.domain.execution.QueryFailedException;
import java.time.Duration;
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
