package io.dashshare.adapter.persistence.housekeeping;

import io.dashshare.adapter.persistence.DatabaseFailures;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The monthly partitions of {@code sharing.audit_events} (migration V8; README, audit log
 * retention): each run creates the current month's and the next {@link #MONTHS_AHEAD}' partitions
 * if they are missing, and drops every partition that ended before {@code now - retention}, so
 * retention costs one {@code drop table} a month instead of deleting millions of rows. Rows of the
 * default partition (events written for a month that had no partition yet) past retention go
 * through {@link RowPurge}, in {@link Housekeeping#standard}.
 *
 * <p>Safe on several instances at once: every change runs in a transaction that first takes
 * {@link #LOCK} ({@code pg_advisory_xact_lock}), then looks again whether the change is still to
 * be made; the loser of a race finds the partition made and does nothing. A lock held by a
 * long reader makes the DDL give up after {@link #LOCK_TIMEOUT} rather than queue the log's
 * writers behind it; the next round tries again (the partitions are made months ahead).
 *
 * <p>PostgreSQL refuses to create a partition for a range the default partition holds rows of.
 * Those rows (written before the month's partition existed: a service that was down at the turn
 * of a month, or a clock ahead) are moved into the new table in the same transaction, with the
 * default partition locked so that no row of the range arrives between the move and the attach.
 */
public final class AuditPartitions implements Purge {

    /** Partitions made ahead of the current month: a quarter of slack for a job that stopped running. */
    public static final int MONTHS_AHEAD = 3;
    /** The advisory lock of every partition change ({@code hashtext('sharing.audit_events partitions')} fixed once). */
    static final long LOCK = 0x5348_4152_4155_4449L;
    static final Duration LOCK_TIMEOUT = Duration.ofSeconds(5);

    private static final Logger LOG = LoggerFactory.getLogger(AuditPartitions.class);
    private static final Pattern NAME = Pattern.compile("audit_events_(\\d{4})_(\\d{2})");
    private static final DateTimeFormatter BOUND = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ssxxx");

    private final DSLContext db;
    private final Duration retention;

    public AuditPartitions(DSLContext db, Duration retention) {
        this.db = Objects.requireNonNull(db);
        this.retention = Objects.requireNonNull(retention);
        if (retention.isNegative() || retention.isZero()) {
            throw new IllegalArgumentException("the audit retention must be positive: " + retention);
        }
    }

    @Override
    public String table() {
        return "audit_events";
    }

    public Duration retention() {
        return retention;
    }

    /** Makes the partitions ahead, then drops those past retention; the rows that went with them. */
    @Override
    public long run(Instant now) {
        ensure(now);
        return dropPast(now);
    }

    /** The partition of each month from {@code now}'s to {@link #MONTHS_AHEAD} later; the names made by this call. */
    public List<String> ensure(Instant now) {
        YearMonth current = YearMonth.from(now.atOffset(ZoneOffset.UTC));
        List<String> made = new ArrayList<>();
        for (int i = 0; i <= MONTHS_AHEAD; i++) {
            YearMonth month = current.plusMonths(i);
            if (create(month)) {
                made.add(name(month));
            }
        }
        return made;
    }

    /** Drops the partitions wholly older than {@code now - retention}; the rows they held. */
    public long dropPast(Instant now) {
        OffsetDateTime cutoff = now.minus(retention).atOffset(ZoneOffset.UTC);
        long removed = 0;
        for (String name : partitions()) {
            YearMonth month = month(name);
            if (start(month.plusMonths(1)).isAfter(cutoff)) {
                continue;
            }
            removed += drop(name);
        }
        return removed;
    }

    /** The monthly partitions there are, by name, oldest first. */
    public List<String> partitions() {
        return DatabaseFailures.call(() -> db.fetch("select c.relname from pg_inherits i"
                        + " join pg_class c on c.oid = i.inhrelid join pg_class p on p.oid = i.inhparent"
                        + " join pg_namespace n on n.oid = p.relnamespace"
                        + " where n.nspname = 'sharing' and p.relname = 'audit_events' order by c.relname")
                .getValues(0, String.class)).stream().filter(n -> NAME.matcher(n).matches()).toList();
    }

    static String name(YearMonth month) {
        return String.format("audit_events_%04d_%02d", month.getYear(), month.getMonthValue());
    }

    private static YearMonth month(String name) {
        Matcher m = NAME.matcher(name);
        if (!m.matches()) {
            throw new IllegalArgumentException(name);
        }
        return YearMonth.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
    }

    private static OffsetDateTime start(YearMonth month) {
        return month.atDay(1).atStartOfDay().atOffset(ZoneOffset.UTC);
    }

    /**
     * A query of pg_class, not {@code to_regclass}: the latter reads the catalog cache, which a
     * transaction that waited on the advisory lock has not refreshed yet (an advisory lock takes no
     * relation lock, so no cache invalidation is read), and it would miss the partition the other
     * instance just made. A query sees what its statement's snapshot sees, the other's commit included.
     */
    private boolean exists(DSLContext on, String name) {
        return on.fetchExists(DSL.selectOne().from(DSL.table(DSL.name("pg_catalog", "pg_class")))
                .join(DSL.table(DSL.name("pg_catalog", "pg_namespace")))
                .on(DSL.field(DSL.name("pg_namespace", "oid")).eq(DSL.field(DSL.name("pg_class", "relnamespace"))))
                .where(DSL.field(DSL.name("pg_namespace", "nspname")).eq("sharing"),
                        DSL.field(DSL.name("pg_class", "relname")).eq(name)));
    }

    private boolean create(YearMonth month) {
        String name = name(month);
        if (DatabaseFailures.call(() -> exists(db, name))) {
            return false;
        }
        // The bounds are this class's own computation, never a request's value: DDL takes no bind parameters.
        String from = "'" + BOUND.format(start(month)) + "'";
        String to = "'" + BOUND.format(start(month.plusMonths(1))) + "'";
        return DatabaseFailures.call(() -> db.transactionResult(configuration -> {
            DSLContext tx = DSL.using(configuration);
            tx.execute("select pg_advisory_xact_lock(" + LOCK + ")");
            if (exists(tx, name)) {
                return false;
            }
            tx.execute("set local lock_timeout = '" + LOCK_TIMEOUT.toMillis() + "ms'");
            tx.execute("lock table sharing.audit_events_default in access exclusive mode");
            tx.execute("create table sharing." + name + " (like sharing.audit_events including defaults including constraints)");
            int moved = tx.execute("with moved as (delete from sharing.audit_events_default where at >= " + from
                    + "::timestamptz and at < " + to + "::timestamptz returning *) insert into sharing." + name
                    + " select * from moved");
            tx.execute("alter table sharing.audit_events attach partition sharing." + name + " for values from (" + from
                    + ") to (" + to + ")");
            if (moved > 0) {
                LOG.info("Audit partition {} made; {} events moved into it from the default partition", name, moved);
            } else {
                LOG.info("Audit partition {} made", name);
            }
            return true;
        }));
    }

    private long drop(String name) {
        return DatabaseFailures.call(() -> db.transactionResult(configuration -> {
            DSLContext tx = DSL.using(configuration);
            tx.execute("select pg_advisory_xact_lock(" + LOCK + ")");
            if (!exists(tx, name)) {
                return 0L;
            }
            tx.execute("set local lock_timeout = '" + LOCK_TIMEOUT.toMillis() + "ms'");
            // The count is for the housekeeping metric; it reads one partition once a month.
            long rows = tx.fetchOne("select count(*) from sharing." + name).get(0, Long.class);
            tx.execute("drop table sharing." + name);
            LOG.info("Audit partition {} dropped ({} events past the retention of {})", name, rows, retention);
            return rows;
        }));
    }
}
