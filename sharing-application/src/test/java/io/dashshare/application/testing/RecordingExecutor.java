package io.dashshare.application.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;

/** An executor that only keeps what it is given, so a test sees what would run later, and runs it when it wants. */
public final class RecordingExecutor implements Executor {

    private final List<Runnable> pending = new ArrayList<>();

    @Override
    public synchronized void execute(Runnable command) {
        pending.add(command);
    }

    public synchronized int pending() {
        return pending.size();
    }

    /** Runs and forgets everything handed over so far. */
    public void runAll() {
        List<Runnable> now;
        synchronized (this) {
            now = List.copyOf(pending);
            pending.clear();
        }
        now.forEach(Runnable::run);
    }
}
