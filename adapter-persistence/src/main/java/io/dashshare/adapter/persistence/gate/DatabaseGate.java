package io.dashshare.adapter.persistence.gate;

import com.zaxxer.hikari.HikariDataSource;
import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.slf4j.LoggerFactory;

/**
 * A gate in front of a pool that fails fast while its database is unreachable: use
 * {@link #dataSource()} where the pool would be used.
 *
 * <p>Why: once PostgreSQL is gone, every {@code getConnection()} on HikariCP waits the whole
 * connection timeout before it fails, so each request would hang before its 503. The first call
 * that finds the database unreachable closes the gate; from then on callers get an
 * {@link SQLTransientConnectionException} (SQLState 08001, mapped to {@code SERVICE_UNAVAILABLE})
 * at once. A heartbeat runs a {@link DatabaseProbe} every {@code interval}, on a connection of its
 * own with a short timeout: it closes the gate when nobody is asking (so readiness turns DOWN
 * without traffic), when the server is frozen rather than gone (nothing is refused then, the
 * probe times out), and when every pooled connection is stuck; and it opens the gate again as
 * soon as the database answers, so the service resumes by itself. A statement that loses its
 * connection mid-flight closes it too ({@link #report}). Which failures close it is
 * {@link DatabaseFailure#classify}'s decision ({@link DatabaseFailure#UNREACHABLE} only: an
 * exhausted pool is load, not an outage).
 *
 * <p>It logs each change of state once (the refusals in between are counted and the count is in
 * the line that says the database is back), not one line per refused call.
 *
 * <p>Hand-written rather than a resilience4j {@code CircuitBreaker} (2.2.0 was weighed): its
 * model reopens by time, not by evidence. After {@code waitDurationInOpenState} it goes
 * half-open and lets {@code permittedNumberOfCallsInHalfOpenState} live calls through to find out
 * whether the database is back; while it is still down each of those requests waits the pool's
 * connection timeout, exactly what this gate exists to prevent, and readiness would read a
 * half-open state that means "unknown". Driving the breaker by hand instead (forced open by the
 * heartbeat's failure, {@code transitionToClosedState()} on its success, a wait duration long
 * enough never to fire) leaves every decision here and uses the library as a volatile flag. What
 * it does well, opening on a failure rate over a window, is not wanted either: one refused
 * connection already proves the outage.
 */
public final class DatabaseGate implements AutoCloseable {

    private static final org.slf4j.Logger LOG = LoggerFactory.getLogger(DatabaseGate.class);

    private final DataSource pool;
    private final String name;
    private final DatabaseProbe probe;
    private final AtomicBoolean closed = new AtomicBoolean();
    private final AtomicLong refused = new AtomicLong();
    private final ScheduledExecutorService prober;
    private volatile boolean reachable = true;
    private volatile long unreachableSince;

    /**
     * A gate on {@code pool} whose heartbeat runs {@code probe} every {@code probeInterval} (the
     * gate closes the probe with itself).
     */
    public DatabaseGate(DataSource pool, String name, DatabaseProbe probe, Duration probeInterval) {
        this.pool = pool;
        this.name = name;
        this.probe = probe;
        this.prober = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "db-gate-" + name);
            thread.setDaemon(true);
            return thread;
        });
        long millis = Math.max(50, probeInterval.toMillis());
        prober.scheduleWithFixedDelay(this::heartbeat, millis, millis, TimeUnit.MILLISECONDS);
    }

    /** A gate on a HikariCP pool, probing the database the pool connects to with the pool's login. */
    public static DatabaseGate onPool(HikariDataSource pool, String name, Duration probeInterval,
                                      Duration probeTimeout) {
        return new DatabaseGate(pool, name, DatabaseProbe.of(pool, probeTimeout), probeInterval);
    }

    /** False from the first connection failure until a probe connects again. */
    public boolean isReachable() {
        return reachable;
    }

    private final Gated gated = new Gated();

    /**
     * The pool behind the gate. (The gate itself is no {@link DataSource}, so that a framework that
     * wraps every DataSource bean leaves it alone.)
     */
    public DataSource dataSource() {
        return gated;
    }

    Connection connect() throws SQLException {
        if (!reachable) {
            refused.incrementAndGet();
            throw new SQLTransientConnectionException("database '" + name + "' is unreachable (waiting for it to return)",
                    DatabaseFailure.GATE_REFUSAL_STATE);
        }
        try {
            return pool.getConnection();
        } catch (SQLException e) {
            if (isUnreachable(e)) {
                markUnreachable(e);
            }
            throw e;
        }
    }

    /**
     * Reports a failure seen on a connection already handed out (the server went away mid-query):
     * closes the gate when it says the database is unreachable.
     */
    public void report(Throwable failure) {
        if (isUnreachable(failure)) {
            markUnreachable(failure);
        }
    }

    private void markUnreachable(Throwable cause) {
        synchronized (this) {
            if (!reachable || closed.get()) {
                return;
            }
            reachable = false;
            unreachableSince = System.nanoTime();
            refused.set(0);
        }
        LOG.warn("Database '{}' is unreachable; answering SERVICE_UNAVAILABLE at once until it returns: {}", name,
                cause.toString());
    }

    private void markReachable() {
        synchronized (this) {
            if (reachable) {
                return;
            }
            reachable = true;
        }
        LOG.warn("Database '{}' is reachable again after {} ms; {} calls were refused meanwhile", name,
                (System.nanoTime() - unreachableSince) / 1_000_000, refused.get());
    }

    private void heartbeat() {
        try {
            probe.check();
            markReachable();
        } catch (SQLException e) {
            if (isUnreachable(e)) {
                markUnreachable(e);
            } else {
                LOG.debug("probe of database '{}' failed: {}", name, e.toString());
            }
        } catch (RuntimeException e) {
            LOG.debug("probe of database '{}' failed: {}", name, e.toString());
        }
    }

    private static boolean isUnreachable(Throwable failure) {
        return DatabaseFailure.classify(failure) == DatabaseFailure.UNREACHABLE;
    }

    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            prober.shutdownNow();
            try {
                prober.awaitTermination(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            probe.close();
        }
    }

    /** The pool seen through the gate. */
    public final class Gated implements DataSource {

        public DatabaseGate gate() {
            return DatabaseGate.this;
        }

        @Override
        public Connection getConnection() throws SQLException {
            return connect();
        }

        @Override
        public Connection getConnection(String username, String password) throws SQLException {
            throw new SQLFeatureNotSupportedException("the gate hands out pooled connections only");
        }

        @Override
        public PrintWriter getLogWriter() throws SQLException {
            return pool.getLogWriter();
        }

        @Override
        public void setLogWriter(PrintWriter out) throws SQLException {
            pool.setLogWriter(out);
        }

        @Override
        public void setLoginTimeout(int seconds) throws SQLException {
            pool.setLoginTimeout(seconds);
        }

        @Override
        public int getLoginTimeout() throws SQLException {
            return pool.getLoginTimeout();
        }

        @Override
        public Logger getParentLogger() throws SQLFeatureNotSupportedException {
            return pool.getParentLogger();
        }

        @Override
        public <T> T unwrap(Class<T> type) throws SQLException {
            return type.isInstance(this) ? type.cast(this) : pool.unwrap(type);
        }

        @Override
        public boolean isWrapperFor(Class<?> type) throws SQLException {
            return type.isInstance(this) || pool.isWrapperFor(type);
        }
    }
}
