package io.dashshare.adapter.persistence.housekeeping;

import static io.dashshare.adapter.persistence.jooq.Tables.AUDIT_EVENTS_DEFAULT;
import static io.dashshare.adapter.persistence.jooq.Tables.OTP_CHALLENGES;
import static io.dashshare.adapter.persistence.jooq.Tables.OWNER_INVITES;
import static io.dashshare.adapter.persistence.jooq.Tables.OWNER_TOKEN_REVOCATIONS;
import static io.dashshare.adapter.persistence.jooq.Tables.RATE_LIMIT_COUNTERS;
import static io.dashshare.adapter.persistence.jooq.Tables.REFRESH_TOKENS;
import static io.dashshare.adapter.persistence.jooq.Tables.SHARE_SESSIONS;

import io.dashshare.domain.error.ErrorCode;
import io.dashshare.domain.error.SharingException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every table of the service whose rows only matter for a while, each with its {@link Purge}:
 * without them those tables only grow (rate-limit windows keyed by client address, above all).
 * A scheduler (bootstrap's {@code HousekeepingJob}) runs a round now and then on every instance;
 * the purges are safe side by side ({@link RowPurge}).
 *
 * <p>Housekeeping is the storage's business, not a use case's: no use case reads what it
 * removes, so it lives here beside the tables rather than behind a port of the domain.
 *
 * <p>A table that comes later adds one line to {@link #standard} (the mail outbox: sent or
 * expired), and its index on the column the line names. The audit events have two:
 * {@link AuditPartitions} makes the monthly partitions ahead and drops those past
 * {@code SHARING_AUDIT_RETENTION}; a {@link RowPurge} deletes what the default partition holds past it.
 */
public final class Housekeeping {

    /** Rate-limit windows of up to 1 h are in use (failed codes per email); 2 h is past the end of every one. */
    public static final Duration RATE_LIMIT_WINDOWS = Duration.ofHours(2);
    /** A code is valid for minutes; its row is kept a day after it expired, consumed or not, for inquiries. */
    public static final Duration EXPIRED_CODES = Duration.ofDays(1);
    /** A portal session is kept a day after it ended (expired or revoked), with its refresh tokens. */
    public static final Duration ENDED_SESSIONS = Duration.ofDays(1);

    /** An invite is valid 7 days; its row goes a day after it expired (used or not, it opens nothing then). */
    public static final Duration EXPIRED_INVITES = Duration.ofDays(1);
    /** A logged-out owner token is remembered until it would have expired anyway. */
    public static final Duration EXPIRED_REVOCATIONS = Duration.ZERO;

    private static final Logger LOG = LoggerFactory.getLogger(Housekeeping.class);

    private final List<Purge> purges;

    public Housekeeping(List<Purge> purges) {
        this.purges = List.copyOf(purges);
    }

    /** The audit log's default retention ({@code SHARING_AUDIT_RETENTION}, docs/api.md). */
    public static final Duration AUDIT_RETENTION = Duration.ofDays(90);

    /** The service's tables with the audit log's default retention. */
    public static Housekeeping standard(DSLContext db) {
        return standard(db, AUDIT_RETENTION);
    }

    /**
     * The service's tables (migrations V3, V7 and V8 index what each line reads). The audit log
     * first: its partitions ahead are made on the first round, before events of a new month come.
     */
    public static Housekeeping standard(DSLContext db, Duration auditRetention) {
        return new Housekeeping(List.of(
                new AuditPartitions(db, auditRetention),
                RowPurge.of(db, AUDIT_EVENTS_DEFAULT, auditRetention, AUDIT_EVENTS_DEFAULT.AT::lt),
                RowPurge.of(db, RATE_LIMIT_COUNTERS, RATE_LIMIT_WINDOWS, RATE_LIMIT_COUNTERS.WINDOW_START::lt),
                RowPurge.of(db, OTP_CHALLENGES, EXPIRED_CODES, OTP_CHALLENGES.EXPIRES_AT::lt),
                // The tokens first, so that each table's count is its own (the cascade would hide them).
                RowPurge.of(db, REFRESH_TOKENS, ENDED_SESSIONS, cutoff -> REFRESH_TOKENS.SESSION_ID.in(
                        DSL.select(SHARE_SESSIONS.ID).from(SHARE_SESSIONS).where(sessionEndedBefore(cutoff)))),
                RowPurge.of(db, SHARE_SESSIONS, ENDED_SESSIONS, Housekeeping::sessionEndedBefore),
                RowPurge.of(db, OWNER_INVITES, EXPIRED_INVITES, OWNER_INVITES.EXPIRES_AT::lt),
                RowPurge.of(db, OWNER_TOKEN_REVOCATIONS, EXPIRED_REVOCATIONS, OWNER_TOKEN_REVOCATIONS.EXPIRES_AT::lt)));
    }

    /** Expired or revoked, whichever came first (PostgreSQL's least() passes over a null revoked_at). */
    private static Condition sessionEndedBefore(OffsetDateTime cutoff) {
        return DSL.least(SHARE_SESSIONS.EXPIRES_AT, SHARE_SESSIONS.REVOKED_AT).lt(cutoff);
    }

    public List<String> tables() {
        return purges.stream().map(Purge::table).toList();
    }

    /**
     * One round: every purge in turn. Returns the rows removed by table. A purge that fails is
     * logged and the round goes on; a database that cannot be reached ends the round
     * ({@code SERVICE_UNAVAILABLE}: the next one will try again).
     */
    public Map<String, Long> run(Instant now) {
        Map<String, Long> removed = new LinkedHashMap<>();
        for (Purge purge : purges) {
            try {
                removed.put(purge.table(), purge.run(now));
            } catch (SharingException e) {
                if (e.code() == ErrorCode.SERVICE_UNAVAILABLE) {
                    throw e;
                }
                LOG.warn("Housekeeping of {} failed: {}", purge.table(), e.toString());
            } catch (RuntimeException e) {
                LOG.warn("Housekeeping of {} failed", purge.table(), e);
            }
        }
        return removed;
    }
}
