package io.dashshare.application.service;

import java.time.Duration;

/**
 * Makes a path take at least as long as the slowest usual outcome, so that timing does not tell a
 * member (who gets a mail) from a stranger (who does not). The floor adapts upwards to the recent
 * duration of real work (an exponential moving average), within a cap.
 */
final class ResponsePacer {

    private static final long CAP_NANOS = Duration.ofSeconds(3).toNanos();

    private final long floorNanos;
    private volatile long averageNanos;

    ResponsePacer(Duration floor) {
        this.floorNanos = floor.toNanos();
    }

    /** {@code work} answers whether it did the slow thing (sent a mail); only those set the pace. */
    void paced(java.util.function.BooleanSupplier work) {
        long start = System.nanoTime();
        try {
            if (work.getAsBoolean()) {
                averageNanos = (averageNanos * 7 + (System.nanoTime() - start)) / 8;
            }
        } finally {
            long spent = System.nanoTime() - start;
            long target = Math.min(CAP_NANOS, Math.max(floorNanos, averageNanos));
            long remaining = target - spent;
            if (remaining > 0) {
                sleep(remaining);
            }
        }
    }

    private static void sleep(long nanos) {
        try {
            Thread.sleep(nanos / 1_000_000, (int) (nanos % 1_000_000));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
