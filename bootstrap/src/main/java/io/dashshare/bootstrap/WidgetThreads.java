package io.dashshare.bootstrap;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.MDC;

/**
 * The threads the widgets of dashboard executions run on ({@code WidgetFanOut}): at most
 * {@code max} of them, made when asked and gone after a minute idle, none kept otherwise. No
 * queue: when every thread is busy, a hand-over is refused at once and the request's own thread
 * runs the rest of its widgets, so a full pool never makes a viewer wait for a thread. Each
 * widget runs with its request's log context (the {@code request_id} of the MDC), so its log
 * lines carry the id the response names. Not Micronaut's {@code io} executor on purpose: that
 * one is unbounded, and the number of widget threads is what bounds one instance's queries in
 * flight on top of each data source's admission.
 */
final class WidgetThreads implements Executor, AutoCloseable {

    private static final Duration IDLE = Duration.ofMinutes(1);

    private final ThreadPoolExecutor pool;

    WidgetThreads(int max) {
        AtomicInteger count = new AtomicInteger();
        this.pool = new ThreadPoolExecutor(0, max, IDLE.toMillis(), TimeUnit.MILLISECONDS, new SynchronousQueue<>(),
                task -> {
                    Thread thread = new Thread(task, "widgets-" + count.incrementAndGet());
                    thread.setDaemon(true);
                    return thread;
                }, new ThreadPoolExecutor.AbortPolicy());
    }

    @Override
    public void execute(Runnable task) {
        Map<String, String> context = MDC.getCopyOfContextMap();
        pool.execute(() -> {
            if (context == null) {
                MDC.clear();
            } else {
                MDC.setContextMap(context);
            }
            try {
                task.run();
            } finally {
                MDC.clear();
            }
        });
    }

    @Override
    public void close() {
        pool.shutdown();
    }
}
