package io.dashshare.bootstrap.ops;

import io.dashshare.application.service.ResultMemory;
import io.dashshare.domain.dashboard.DataSourceName;
import io.dashshare.domain.execution.QueryFailedException;
import io.dashshare.domain.execution.QueryLimits;
import io.dashshare.domain.execution.QueryResult;
import io.dashshare.domain.execution.QuerySlots;
import io.dashshare.domain.execution.RowMemoryExhaustedException;
import io.dashshare.domain.execution.SlotHolder;
import io.dashshare.domain.mail.MailKind;
import io.dashshare.domain.mail.OutboxMail;
import io.dashshare.domain.port.MailOutbox;
import io.dashshare.domain.execution.RowCursor;
import io.dashshare.domain.port.OneTimeCodeMailer;
import io.dashshare.domain.port.QueryExecutor;
import io.dashshare.domain.port.RateLimiter;
import io.dashshare.domain.port.ResultCache;
import io.dashshare.domain.sql.BoundStatement;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The service's own meters, added around the driven ports (HTTP requests by route template and
 * status come from micronaut-micrometer). Tags are bounded on purpose: data source names, outcomes
 * and fixed limit names, never a token, an email, an address or an id.
 */
@Singleton
public final class ServiceMetrics {

    /** The limiter keys' fixed prefixes (what follows them is an email, an address or an id). */
    private static final List<String> LIMITS = List.of("otp-request:email", "otp-request:client", "otp-failures",
            "otp-attempts", "executions:share", "executions:embed");

    private final MeterRegistry registry;
    private final Counter cacheHits;
    private final Counter cacheMisses;

    public ServiceMetrics(MeterRegistry registry) {
        this.registry = registry;
        this.cacheHits = Counter.builder("sharing.cache.requests").tag("result", "hit")
                .description("Widget and option results looked up in the result cache").register(registry);
        this.cacheMisses = Counter.builder("sharing.cache.requests").tag("result", "miss")
                .description("Widget and option results looked up in the result cache").register(registry);
    }

    public QueryExecutor queries(QueryExecutor executor) {
        return new QueryExecutor() {
            @Override
            public QueryResult run(DataSourceName dataSource, BoundStatement statement, QueryLimits limits) {
                return timed(dataSource, () -> executor.run(dataSource, statement, limits));
            }

            /** Exports are counted by route (micronaut-micrometer); here only their refusals for load. */
            @Override
            public RowCursor stream(DataSourceName dataSource, BoundStatement statement, QueryLimits limits) {
                return countingRefusals(() -> executor.stream(dataSource, statement, limits));
            }

            /** A refusal of an execution's slots (its dashboard's share full, or the source) counts as data-source-busy. */
            @Override
            public QuerySlots reserve(DataSourceName dataSource, SlotHolder holder, int wanted) {
                QuerySlots slots = countingRefusals(() -> executor.reserve(dataSource, holder, wanted));
                return new QuerySlots() {
                    @Override
                    public int granted() {
                        return slots.granted();
                    }

                    @Override
                    public QueryResult run(BoundStatement statement, QueryLimits limits) {
                        return timed(dataSource, () -> slots.run(statement, limits));
                    }

                    @Override
                    public RowCursor stream(BoundStatement statement, QueryLimits limits) {
                        return countingRefusals(() -> slots.stream(statement, limits));
                    }

                    @Override
                    public void close() {
                        slots.close();
                    }
                };
            }

            @Override
            public Set<DataSourceName> dataSources() {
                return executor.dataSources();
            }

            @Override
            public int statementsPerExecution(DataSourceName dataSource) {
                return executor.statementsPerExecution(dataSource);
            }
        };
    }

    private QueryResult timed(DataSourceName dataSource, Supplier<QueryResult> query) {
        long started = System.nanoTime();
        String outcome = "ok";
        try {
            return countingRefusals(query);
        } catch (QueryFailedException e) {
            outcome = e.reason().name().toLowerCase(java.util.Locale.ROOT);
            throw e;
        } finally {
            Timer.builder("sharing.query.duration")
                    .description("Dashboard SQL by data source and outcome")
                    .tag("data_source", dataSource.value())
                    .tag("outcome", outcome)
                    .publishPercentileHistogram()
                    .register(registry)
                    .record(System.nanoTime() - started, java.util.concurrent.TimeUnit.NANOSECONDS);
        }
    }

    private <T> T countingRefusals(Supplier<T> call) {
        try {
            return call.get();
        } catch (QueryFailedException e) {
            if (e instanceof RowMemoryExhaustedException memory) {
                if (!memory.repeated()) {
                    rejections("execution-memory").increment(); // once per refused execution
                }
            } else if (e.reason() == QueryFailedException.Reason.TOO_BUSY) {
                rejections("data-source-busy").increment();
            }
            throw e;
        }
    }

    public ResultCache cache(ResultCache cache) {
        return new ResultCache() {
            /** A miss is a call that ran its own query; one served from the cache or another's run is a hit. */
            @Override
            public QueryResult get(Key key, Supplier<QueryResult> compute) {
                boolean[] computed = new boolean[1];
                QueryResult result = cache.get(key, () -> {
                    computed[0] = true;
                    return compute.get();
                });
                (computed[0] ? cacheMisses : cacheHits).increment();
                return result;
            }

            @Override
            public Optional<QueryResult> peek(Key key) {
                Optional<QueryResult> kept = cache.peek(key);
                if (kept.isPresent()) {
                    cacheHits.increment();
                }
                return kept;
            }

            @Override
            public boolean enabled() {
                return cache.enabled();
            }
        };
    }

    public RateLimiter limiter(RateLimiter limiter) {
        return new RateLimiter() {
            @Override
            public Decision hit(String key, int limit, Duration window, Instant now) {
                Decision decision = limiter.hit(key, limit, window, now);
                if (!decision.allowed()) {
                    rejections(limitName(key)).increment();
                }
                return decision;
            }

            @Override
            public int count(String key, Duration window, Instant now) {
                return limiter.count(key, window, now);
            }
        };
    }

    /**
     * Mail through the outbox by kind: {@code queued} when written, then {@code sent},
     * {@code retried} (SMTP refused, tried again later) or {@code dropped} (past its deadline).
     */
    public MailOutbox outbox(MailOutbox outbox) {
        return new MailOutbox() {
            @Override
            public void enqueue(OutboxMail mail) {
                outbox.enqueue(mail);
                mail(mail.kind(), "queued").increment();
            }

            @Override
            public Optional<Outcome> sendNext(Instant now, Function<OutboxMail, Outcome> attempt) {
                Optional<Outcome> outcome = outbox.sendNext(now, attempt);
                outcome.ifPresent(o -> mail(o.mail().kind(), o instanceof Outcome.Sent ? "sent"
                        : o instanceof Outcome.Retry ? "retried" : "dropped").increment());
                return outcome;
            }
        };
    }

    /** The bytes the rows of executions in flight hold now (docs/filters.md, "Memory of an execution"). */
    public ResultMemory resultMemory(ResultMemory memory) {
        Gauge.builder("sharing.query.memory.used", memory, ResultMemory::inUse)
                .description("Bytes of rows the executions in flight hold, of sharing.query.memory")
                .baseUnit("bytes")
                .register(registry);
        Gauge.builder("sharing.query.memory.max", memory, ResultMemory::total)
                .description("The bytes of rows executions in flight may hold (SHARING_QUERY_MEMORY)")
                .baseUnit("bytes")
                .register(registry);
        return memory;
    }

    private Counter mail(MailKind kind, String outcome) {
        return Counter.builder("sharing.mail.outbox")
                .description("Mail through the outbox: queued, then sent, retried or dropped")
                .tag("kind", kind.wire())
                .tag("outcome", outcome)
                .register(registry);
    }

    private Counter rejections(String limit) {
        return Counter.builder("sharing.rate_limit.rejections")
                .description("Requests refused by a rate limit or a data source's concurrency cap")
                .tag("limit", limit)
                .register(registry);
    }

    static String limitName(String key) {
        for (String limit : LIMITS) {
            if (key.startsWith(limit + ":")) {
                return limit;
            }
        }
        return "other";
    }
}
