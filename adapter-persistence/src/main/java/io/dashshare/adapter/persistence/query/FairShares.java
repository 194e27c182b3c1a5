package io.dashshare.adapter.persistence.query;

import io.dashshare.domain.execution.SlotShare;
import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * How many of one source's {@link Admission} turns each dashboard and each share holds on this
 * instance, under the core's rule ({@link SlotShare}, docs/operations.md, fair use of a data
 * source). Counted here, beside the turns themselves, because the turns are this adapter's: the
 * core says how many one holder may take, the adapter that owns the pool keeps the count. In
 * memory and per instance like the turns it shares out: N instances let one dashboard hold at
 * most N times its share of the database.
 *
 * <p>One lock for a whole claim: the holder's keys are checked and counted together, so two
 * requests of one dashboard arriving at once cannot both take its last slot.
 */
final class FairShares {

    private final SlotShare rule;
    private final int slots;
    private final Map<String, Integer> held = new HashMap<>();
    /** Claims waiting for their share, in order of arrival. */
    private final Deque<Waiter> waiting = new ArrayDeque<>();

    FairShares(SlotShare rule, int slots) {
        this.rule = rule;
        this.slots = slots;
    }

    /**
     * Counts up to {@code wanted} slots for every key and answers how many. A holder whose share
     * is full waits until {@code deadline}
     * ({@link System#nanoTime()}) for one of its own executions to give slots back: a second viewer
     * of a dashboard whose share one execution holds (two slots at the product's defaults, fewer
     * than one execution's widgets) waits its turn instead of being refused while the source may
     * have room. Zero when the deadline passed first, one key's share still full.
     *
     * <p>In order of arrival: a claim never takes slots while an earlier claim of one of its keys
     * still waits, so a viewer that just arrived cannot overtake one that waited (without this, a
     * release woke every waiter and whichever thread ran first won: under 32 clients of one
     * dashboard some waited 8 s while others took 300 ms, bench/README.md). Claims of other keys
     * are not held up: a full dashboard never makes another wait.
     */
    synchronized int claim(List<String> keys, int wanted, long deadline) throws InterruptedException {
        Waiter me = new Waiter(keys);
        int granted = firstOfItsKeys(me) ? grant(keys, wanted) : 0;
        if (granted > 0) {
            // No earlier claim of these keys waits and there were slots: served without joining the line.
            return granted;
        }
        waiting.addLast(me);
        try {
            while (true) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return 0;
                }
                TimeUnit.NANOSECONDS.timedWait(this, left);
                granted = firstOfItsKeys(me) ? grant(keys, wanted) : 0;
                if (granted > 0) {
                    return granted;
                }
            }
        } finally {
            waiting.remove(me);
            // The next waiter of these keys may now be first, and there may be slots for it.
            notifyAll();
        }
    }

    /** True when no claim ahead of {@code me} in the line (all of it, when {@code me} is not in it) shares a key with it. */
    private boolean firstOfItsKeys(Waiter me) {
        for (Waiter earlier : waiting) {
            if (earlier == me) {
                return true;
            }
            if (!Collections.disjoint(earlier.keys, me.keys)) {
                return false;
            }
        }
        return true;
    }

    /** A claim waiting its turn, by identity (two claims of the same keys are two waiters). */
    private static final class Waiter {
        final List<String> keys;

        Waiter(List<String> keys) {
            this.keys = keys;
        }
    }

    private int grant(List<String> keys, int wanted) {
        int most = 0;
        for (String key : keys) {
            most = Math.max(most, held.getOrDefault(key, 0));
        }
        int granted = rule.grant(wanted, most, slots);
        if (granted > 0) {
            for (String key : keys) {
                held.merge(key, granted, Integer::sum);
            }
        }
        return granted;
    }

    synchronized void release(List<String> keys, int count) {
        if (count <= 0) {
            return;
        }
        for (String key : keys) {
            held.computeIfPresent(key, (k, n) -> n > count ? n - count : null);
        }
        notifyAll();
    }

    /** Claims waiting for their share now. */
    synchronized int waiting() {
        return waiting.size();
    }

    synchronized int held(String key) {
        return held.getOrDefault(key, 0);
    }

    int perHolder() {
        return rule.perHolder(slots);
    }

    /** For the refusal's diagnostic. */
    String describe(List<String> keys) {
        StringBuilder text = new StringBuilder();
        for (String key : keys) {
            text.append(text.length() == 0 ? "" : ", ").append(key.substring(0, key.indexOf(':'))).append(' ')
                    .append(held(key)).append(" of ").append(perHolder());
        }
        return text + " slots held (" + rule.percent() + "% of " + slots + ")";
    }
}
