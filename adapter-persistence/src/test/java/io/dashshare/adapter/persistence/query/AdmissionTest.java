package io.dashshare.adapter.persistence.query;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class AdmissionTest {

    @Test
    void queries_past_the_cap_wait_their_turn_for_at_most_the_queue_timeout() {
        Admission admission = new Admission(1, 5, Duration.ofMillis(200));
        Admission.Permit first = admission.enter().orElseThrow();

        long started = System.nanoTime();
        Optional<Admission.Permit> second = admission.enter();

        assertThat(second).isEmpty();
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(150));
        first.close();
        assertThat(admission.enter()).isPresent();
    }

    @Test
    void a_query_waiting_gets_the_turn_given_back() throws Exception {
        Admission admission = new Admission(1, 5, Duration.ofSeconds(5));
        Admission.Permit first = admission.enter().orElseThrow();
        CompletableFuture<Optional<Admission.Permit>> waiting = CompletableFuture.supplyAsync(admission::enter);
        while (admission.queued() == 0) {
            Thread.sleep(5);
        }

        first.close();

        assertThat(waiting.get(2, TimeUnit.SECONDS)).isPresent();
        assertThat(admission.inFlight()).isEqualTo(1);
    }

    @Test
    void a_full_queue_refuses_at_once() throws Exception {
        Admission admission = new Admission(1, 0, Duration.ofSeconds(5));
        admission.enter().orElseThrow();

        long started = System.nanoTime();
        assertThat(admission.enter()).isEmpty();
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(1));
    }

    @Test
    void closing_a_permit_twice_gives_back_one_turn() {
        Admission admission = new Admission(2, 0, Duration.ZERO);
        Admission.Permit permit = admission.enter().orElseThrow();
        admission.enter().orElseThrow();

        permit.close();
        permit.close();

        assertThat(admission.inFlight()).isEqualTo(1);
        assertThat(admission.enter()).isPresent();
        assertThat(admission.enter()).isEmpty();
    }
}
