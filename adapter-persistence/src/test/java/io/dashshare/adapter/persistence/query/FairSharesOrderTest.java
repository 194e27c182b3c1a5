package io.dashshare.adapter.persistence.query;

import static org.assertj.core.api.Assertions.assertThat;

import io.dashshare.domain.execution.SlotShare;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * {@link FairShares#claim}: waiters of a full share are served in order of arrival, a claim that
 * arrives while others wait does not overtake them, and other keys are never held up (in memory:
 * the slots on PostgreSQL are {@code FairShareSlotsTest}'s).
 */
class FairSharesOrderTest {

    private static final List<String> DASHBOARD = List.of("dashboard:d", "share:s");
    private static final List<String> OTHER = List.of("dashboard:e", "share:t");

    /** Four slots at 50%: a holder's share is two. */
    private final FairShares shares = new FairShares(new SlotShare(50), 4);
    private final ExecutorService viewers = Executors.newCachedThreadPool();

    @AfterEach
    void stop() {
        viewers.shutdownNow();
    }

    private static long in(Duration wait) {
        return System.nanoTime() + wait.toNanos();
    }

    /** Starts a claim of two slots and returns once it waits (the share is full). */
    private Future<Integer> waitingClaim(List<String> keys, List<String> served, String name) throws Exception {
        int before = shares.waiting();
        Future<Integer> claim = viewers.submit(() -> {
            int granted = shares.claim(keys, 2, in(Duration.ofSeconds(10)));
            served.add(name);
            return granted;
        });
        awaitWaiting(before + 1);
        assertThat(shares.waiting()).as("%s waits", name).isEqualTo(before + 1);
        return claim;
    }

    /** Until {@code count} claims wait, for at most 5 s. */
    private void awaitWaiting(int count) throws InterruptedException {
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (shares.waiting() < count && System.nanoTime() < until) {
            Thread.sleep(5);
        }
    }

    @Test
    void waiters_of_a_full_share_are_served_in_their_order_of_arrival() throws Exception {
        assertThat(shares.claim(DASHBOARD, 2, in(Duration.ZERO))).isEqualTo(2);
        List<String> served = new CopyOnWriteArrayList<>();
        Future<Integer> first = waitingClaim(DASHBOARD, served, "first");
        Future<Integer> second = waitingClaim(DASHBOARD, served, "second");
        Future<Integer> third = waitingClaim(DASHBOARD, served, "third");

        shares.release(DASHBOARD, 2);
        assertThat(first.get(5, TimeUnit.SECONDS)).isEqualTo(2);
        shares.release(DASHBOARD, 2);
        assertThat(second.get(5, TimeUnit.SECONDS)).isEqualTo(2);
        shares.release(DASHBOARD, 2);
        assertThat(third.get(5, TimeUnit.SECONDS)).isEqualTo(2);

        assertThat(served).containsExactly("first", "second", "third");
    }

    @Test
    void a_claim_arriving_while_another_waits_does_not_overtake_it() throws Exception {
        assertThat(shares.claim(DASHBOARD, 2, in(Duration.ZERO))).isEqualTo(2);
        List<String> served = new CopyOnWriteArrayList<>();
        Future<Integer> waiter = waitingClaim(DASHBOARD, served, "waiter");

        // Released and claimed at once on this thread, before the waiter can run: the slots are
        // the waiter's, so the newcomer gets none within its (zero) wait.
        shares.release(DASHBOARD, 2);
        assertThat(shares.claim(DASHBOARD, 2, in(Duration.ZERO))).isZero();

        assertThat(waiter.get(5, TimeUnit.SECONDS)).isEqualTo(2);
    }

    @Test
    void a_full_dashboard_never_holds_up_another() throws Exception {
        assertThat(shares.claim(DASHBOARD, 2, in(Duration.ZERO))).isEqualTo(2);
        List<String> served = new CopyOnWriteArrayList<>();
        Future<Integer> waiter = waitingClaim(DASHBOARD, served, "waiter");

        assertThat(shares.claim(OTHER, 2, in(Duration.ZERO))).isEqualTo(2);

        shares.release(DASHBOARD, 2);
        assertThat(waiter.get(5, TimeUnit.SECONDS)).isEqualTo(2);
    }

    @Test
    void a_waiter_whose_wait_runs_out_leaves_the_line_to_the_next() throws Exception {
        assertThat(shares.claim(DASHBOARD, 2, in(Duration.ZERO))).isEqualTo(2);
        Future<Integer> impatient = viewers.submit(() -> shares.claim(DASHBOARD, 2, in(Duration.ofMillis(200))));
        awaitWaiting(1);
        List<String> served = new CopyOnWriteArrayList<>();
        Future<Integer> patient = waitingClaim(DASHBOARD, served, "patient");

        assertThat(impatient.get(5, TimeUnit.SECONDS)).isZero();
        shares.release(DASHBOARD, 2);
        assertThat(patient.get(5, TimeUnit.SECONDS)).isEqualTo(2);
        assertThat(shares.waiting()).isZero();
    }
}
