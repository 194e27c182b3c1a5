package io.dashshare.adapter.persistence.query;

import io.dashshare.domain.execution.SlotShare;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

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
     */
    synchronized int claim(List<String> keys, int wanted, long deadline) throws InterruptedException {
        int granted = grant(keys, wanted);
        while (granted == 0) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return 0;
            }
            java.util.concurrent.TimeUnit.NANOSECONDS.timedWait(this, left);
            granted = grant(keys, wanted);
        }
        return granted;
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
