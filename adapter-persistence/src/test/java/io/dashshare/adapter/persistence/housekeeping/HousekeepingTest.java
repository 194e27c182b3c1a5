package io.dashshare.adapter.persistence.housekeeping;

import static io.dashshare.adapter.persistence.jooq.Tables.RATE_LIMIT_COUNTERS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dashshare.adapter.persistence.SharingDatabase;
import io.dashshare.adapter.persistence.TestDatabase;
import io.dashshare.domain.error.ErrorCode;
import io.dashshare.domain.error.SharingException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * The purges on the real schema: each table loses exactly its rows past retention, in batches,
 * and two instances purging at once remove every row once. The test database is shared, so
 * assertions look at this test's own rows (other tests' old rows may go too, harmlessly).
 */
class HousekeepingTest {

    private static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.MILLIS);

    private DSLContext db;
    private UUID company;

    @BeforeEach
    void company() {
        db = SharingDatabase.dslContext(TestDatabase.get().service());
        company = UUID.randomUUID();
        db.execute("insert into sharing.companies (id, slug, name) values (?, ?, 'Housekeeping')", company,
                "hk-" + company.toString().substring(0, 8));
    }

    private static OffsetDateTime ago(Duration duration) {
        return NOW.minus(duration).atOffset(ZoneOffset.UTC);
    }

    private static OffsetDateTime ahead(Duration duration) {
        return NOW.plus(duration).atOffset(ZoneOffset.UTC);
    }

    private String counter(OffsetDateTime windowStart) {
        String key = "hk:" + UUID.randomUUID();
        db.execute("insert into sharing.rate_limit_counters (key, window_start, count) values (?, ?::timestamptz, 1)", key,
                windowStart);
        return key;
    }

    private UUID challenge(OffsetDateTime expiresAt, OffsetDateTime consumedAt) {
        UUID id = UUID.randomUUID();
        db.execute("insert into sharing.otp_challenges (id, company_id, email, code_hash, created_at, expires_at,"
                + " consumed_at) values (?, ?, ?, 'h', ?::timestamptz, ?::timestamptz, ?::timestamptz)", id, company, id + "@hk.test",
                expiresAt.minusMinutes(10), expiresAt, consumedAt);
        return id;
    }

    private UUID session(OffsetDateTime expiresAt, OffsetDateTime revokedAt) {
        UUID id = UUID.randomUUID();
        db.execute("insert into sharing.share_sessions (id, company_id, email, created_at, expires_at, revoked_at,"
                + " last_seen_at) values (?, ?, 'viewer@hk.test', ?::timestamptz, ?::timestamptz, ?::timestamptz,"
                + " ?::timestamptz)", id, company, expiresAt.minusHours(12), expiresAt, revokedAt, expiresAt.minusHours(12));
        for (int i = 0; i < 2; i++) {
            db.execute("insert into sharing.refresh_tokens (token_hash, session_id, created_at) values (?, ?, ?::timestamptz)",
                    sha(), id, expiresAt.minusHours(12));
        }
        return id;
    }

    private String invite(OffsetDateTime expiresAt) {
        UUID owner = UUID.randomUUID();
        db.execute("insert into sharing.owner_accounts (id, company_id, email, role, status) values (?, ?, ?, 'editor',"
                + " 'invited')", owner, company, owner + "@hk.test");
        String hash = sha().substring(0, 64);
        db.execute("insert into sharing.owner_invites (token_hash, owner_id, company_id, created_at, expires_at)"
                + " values (?, ?, ?, ?::timestamptz, ?::timestamptz)", hash, owner, company, expiresAt.minusDays(7),
                expiresAt);
        return hash;
    }

    private String revocation(OffsetDateTime expiresAt) {
        String jti = UUID.randomUUID().toString();
        db.execute("insert into sharing.owner_token_revocations (jti, expires_at) values (?, ?::timestamptz)", jti,
                expiresAt);
        return jti;
    }

    private static String sha() {
        return (UUID.randomUUID().toString() + UUID.randomUUID()).replace("-", "");
    }

    private boolean exists(String table, String column, Object value) {
        return db.fetchExists(db.selectOne().from("sharing." + table).where(column + " = ?", value));
    }

    private int tokensOf(UUID session) {
        return db.fetchCount(db.selectOne().from("sharing.refresh_tokens").where("session_id = ?", session));
    }

    @Test
    void each_table_loses_exactly_its_rows_past_retention() {
        String closedWindow = counter(ago(Duration.ofHours(3)));
        String openWindow = counter(ago(Duration.ofMinutes(50)));
        UUID expiredTwoDaysAgo = challenge(ago(Duration.ofDays(2)), null);
        UUID consumedTwoDaysAgo = challenge(ago(Duration.ofDays(2)), ago(Duration.ofDays(2).plusMinutes(5)));
        UUID expiredAnHourAgo = challenge(ago(Duration.ofHours(1)), null);
        UUID live = challenge(ahead(Duration.ofMinutes(5)), null);
        UUID expiredSession = session(ago(Duration.ofDays(2)), null);
        UUID revokedSession = session(ahead(Duration.ofHours(6)), ago(Duration.ofHours(30)));
        UUID recentlyRevoked = session(ahead(Duration.ofHours(6)), ago(Duration.ofHours(1)));
        UUID activeSession = session(ahead(Duration.ofHours(6)), null);
        String oldInvite = invite(ago(Duration.ofDays(2)));
        String lateInvite = invite(ago(Duration.ofHours(2)));
        String pendingInvite = invite(ahead(Duration.ofDays(3)));
        String endedRevocation = revocation(ago(Duration.ofMinutes(1)));
        String liveRevocation = revocation(ahead(Duration.ofMinutes(30)));

        Housekeeping housekeeping = Housekeeping.standard(db);
        Map<String, Long> removed = housekeeping.run(NOW);

        assertThat(removed.keySet()).containsExactly("audit_events", "audit_events_default", "rate_limit_counters", "otp_challenges", "refresh_tokens",
                "share_sessions", "owner_invites", "owner_token_revocations");
        assertThat(exists("owner_invites", "token_hash", oldInvite)).isFalse();
        assertThat(exists("owner_invites", "token_hash", lateInvite)).isTrue();
        assertThat(exists("owner_invites", "token_hash", pendingInvite)).isTrue();
        assertThat(exists("owner_token_revocations", "jti", endedRevocation)).isFalse();
        assertThat(exists("owner_token_revocations", "jti", liveRevocation)).isTrue();
        assertThat(removed.get("rate_limit_counters")).isGreaterThanOrEqualTo(1);
        assertThat(removed.get("otp_challenges")).isGreaterThanOrEqualTo(2);
        assertThat(removed.get("refresh_tokens")).as("two tokens of each of two sessions").isGreaterThanOrEqualTo(4);
        assertThat(removed.get("share_sessions")).isGreaterThanOrEqualTo(2);

        assertThat(exists("rate_limit_counters", "key", closedWindow)).isFalse();
        assertThat(exists("rate_limit_counters", "key", openWindow)).isTrue();
        assertThat(exists("otp_challenges", "id", expiredTwoDaysAgo)).isFalse();
        assertThat(exists("otp_challenges", "id", consumedTwoDaysAgo)).isFalse();
        assertThat(exists("otp_challenges", "id", expiredAnHourAgo)).isTrue();
        assertThat(exists("otp_challenges", "id", live)).isTrue();
        assertThat(exists("share_sessions", "id", expiredSession)).isFalse();
        assertThat(exists("share_sessions", "id", revokedSession)).isFalse();
        assertThat(tokensOf(expiredSession) + tokensOf(revokedSession)).isZero();
        assertThat(exists("share_sessions", "id", recentlyRevoked)).isTrue();
        assertThat(exists("share_sessions", "id", activeSession)).isTrue();
        assertThat(tokensOf(recentlyRevoked) + tokensOf(activeSession)).isEqualTo(4);

        assertThat(housekeeping.run(NOW).get("share_sessions")).as("a second round finds nothing of ours").isZero();
    }

    private Function<OffsetDateTime, Condition> ownCounters(String prefix) {
        return cutoff -> RATE_LIMIT_COUNTERS.WINDOW_START.lt(cutoff).and(RATE_LIMIT_COUNTERS.KEY.startsWith(prefix));
    }

    private String counters(int count, OffsetDateTime windowStart) {
        String prefix = "hk-batch:" + UUID.randomUUID() + ":";
        db.execute("insert into sharing.rate_limit_counters (key, window_start, count)"
                + " select ? || g, ?::timestamptz, 1 from generate_series(1, ?) g", prefix, windowStart, count);
        return prefix;
    }

    @Test
    void a_backlog_goes_in_batches_and_what_one_run_may_not_take_waits_for_the_next() {
        String prefix = counters(5, ago(Duration.ofDays(1)));
        RowPurge purge = new RowPurge(db, RATE_LIMIT_COUNTERS, Duration.ofHours(2), ownCounters(prefix), 2, 2);

        assertThat(purge.run(NOW)).as("two batches of two").isEqualTo(4);
        assertThat(purge.run(NOW)).isEqualTo(1);
        assertThat(purge.run(NOW)).isZero();
    }

    @Test
    void two_instances_purging_at_once_remove_every_row_exactly_once() throws Exception {
        String prefix = counters(600, ago(Duration.ofDays(1)));
        // Two adapter sets, as two nodes have, started together.
        List<RowPurge> nodes = List.of(
                new RowPurge(SharingDatabase.dslContext(TestDatabase.get().service()), RATE_LIMIT_COUNTERS,
                        Duration.ofHours(2), ownCounters(prefix), 25, 1_000),
                new RowPurge(SharingDatabase.dslContext(TestDatabase.get().service()), RATE_LIMIT_COUNTERS,
                        Duration.ofHours(2), ownCounters(prefix), 25, 1_000));
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<Long>> runs = new ArrayList<>();
            for (RowPurge node : nodes) {
                Callable<Long> run = () -> {
                    start.await();
                    return node.run(NOW);
                };
                runs.add(pool.submit(run));
            }
            start.countDown();
            long total = 0;
            for (Future<Long> run : runs) {
                total += run.get();
            }
            assertThat(total).isEqualTo(600);
            assertThat(db.fetchCount(RATE_LIMIT_COUNTERS, RATE_LIMIT_COUNTERS.KEY.startsWith(prefix))).isZero();
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void an_unreachable_database_ends_the_round_with_SERVICE_UNAVAILABLE() {
        PGSimpleDataSource down = new PGSimpleDataSource();
        down.setUrl("jdbc:postgresql://localhost:" + TestDatabase.closedPort() + "/postgres");
        Housekeeping housekeeping = Housekeeping.standard(SharingDatabase.dslContext(down));

        assertThatThrownBy(() -> housekeeping.run(NOW)).isInstanceOfSatisfying(SharingException.class,
                e -> assertThat(e.code()).isEqualTo(ErrorCode.SERVICE_UNAVAILABLE));
    }
}
