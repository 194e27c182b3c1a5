package io.dashshare.adapter.persistence.housekeeping;

import static org.assertj.core.api.Assertions.assertThat;

import io.dashshare.adapter.persistence.SharingDatabase;
import io.dashshare.adapter.persistence.TestDatabase;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The audit log's monthly partitions on the real schema (migration V8). The test database is
 * shared, so each test works in months of its own, years away from today's and from each
 * other's: a drop takes every partition older than its cutoff, and those are only the test's.
 */
class AuditPartitionsTest {

    private DSLContext db;
    private UUID company;

    @BeforeEach
    void database() {
        db = SharingDatabase.dslContext(TestDatabase.get().service());
        company = UUID.randomUUID();
    }

    private UUID event(String at) {
        UUID id = UUID.randomUUID();
        db.execute("insert into sharing.audit_events (id, at, company_id, type, flow, actor_type, outcome)"
                + " values (?, ?::timestamptz, ?, 'share.resolved', 'public', 'anonymous', 'ok')", id, at, company);
        return id;
    }

    /** The partition a row is in, or null when it is gone. */
    private String partitionOf(UUID id) {
        return db.fetchOptional("select tableoid::regclass::text from sharing.audit_events where id = ?", id)
                .map(r -> r.get(0, String.class)).orElse(null);
    }

    private boolean exists(String partition) {
        return db.fetchValue("select to_regclass(?) is not null", "sharing." + partition).equals(Boolean.TRUE);
    }

    @Test
    void the_current_month_and_three_ahead_are_made_once() {
        AuditPartitions partitions = new AuditPartitions(db, Duration.ofDays(90));
        Instant now = Instant.parse("2041-11-20T08:00:00Z");

        assertThat(partitions.ensure(now)).containsExactly("audit_events_2041_11", "audit_events_2041_12",
                "audit_events_2042_01", "audit_events_2042_02");
        assertThat(partitions.ensure(now)).as("a second run finds them made").isEmpty();
        UUID first = event("2041-11-01T00:00:00Z");
        UUID last = event("2042-02-28T23:59:59.999999Z");
        UUID after = event("2042-03-01T00:00:00Z");
        assertThat(partitionOf(first)).isEqualTo("sharing.audit_events_2041_11");
        assertThat(partitionOf(last)).isEqualTo("sharing.audit_events_2042_02");
        assertThat(partitionOf(after)).as("no partition yet: the default catches it").isEqualTo("sharing.audit_events_default");
        assertThat(db.fetchOne("select count(*) from pg_indexes where schemaname = 'sharing'"
                + " and tablename = 'audit_events_2041_11'").get(0, Long.class))
                .as("the partitioned indexes of V8 reach the new partition").isGreaterThanOrEqualTo(9);
    }

    @Test
    void rows_the_default_partition_holds_of_a_new_month_move_into_its_partition() {
        UUID early = event("2043-06-03T10:00:00Z");
        UUID late = event("2043-06-30T23:59:59Z");
        UUID other = event("2043-10-01T00:00:00Z");
        assertThat(partitionOf(early)).isEqualTo("sharing.audit_events_default");

        new AuditPartitions(db, Duration.ofDays(90)).ensure(Instant.parse("2043-06-15T00:00:00Z"));

        assertThat(partitionOf(early)).isEqualTo("sharing.audit_events_2043_06");
        assertThat(partitionOf(late)).isEqualTo("sharing.audit_events_2043_06");
        assertThat(partitionOf(other)).as("outside the months made").isEqualTo("sharing.audit_events_default");
        assertThat(db.fetchOne("select count(*) from sharing.audit_events where company_id = ?", company).get(0, Long.class))
                .isEqualTo(3);
    }

    @Test
    void two_instances_making_the_partitions_at_once_both_succeed_and_make_each_once() throws Exception {
        UUID waiting = event("2045-02-10T00:00:00Z");
        Instant now = Instant.parse("2045-02-01T00:00:00Z");
        List<AuditPartitions> instances = List.of(
                new AuditPartitions(SharingDatabase.dslContext(TestDatabase.get().service()), Duration.ofDays(90)),
                new AuditPartitions(SharingDatabase.dslContext(TestDatabase.get().service()), Duration.ofDays(90)));
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<List<String>>> runs = new ArrayList<>();
            for (AuditPartitions instance : instances) {
                runs.add(pool.submit(() -> {
                    start.await();
                    return instance.ensure(now);
                }));
            }
            start.countDown();
            List<String> made = new ArrayList<>();
            for (Future<List<String>> run : runs) {
                made.addAll(run.get());
            }
            assertThat(made).containsExactlyInAnyOrder("audit_events_2045_02", "audit_events_2045_03",
                    "audit_events_2045_04", "audit_events_2045_05");
            assertThat(partitionOf(waiting)).isEqualTo("sharing.audit_events_2045_02");
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void partitions_wholly_past_retention_are_dropped_with_their_rows_and_the_month_still_in_it_stays() {
        AuditPartitions partitions = new AuditPartitions(db, Duration.ofDays(90));
        partitions.ensure(Instant.parse("2001-01-15T00:00:00Z"));
        UUID january = event("2001-01-20T00:00:00Z");
        event("2001-01-21T00:00:00Z");
        UUID march = event("2001-03-31T12:00:00Z");
        UUID april = event("2001-04-02T00:00:00Z");

        // Retention 90 days at 2001-07-01: the cutoff is 2001-04-02, so January to March ended before it; April did not.
        long removed = partitions.dropPast(Instant.parse("2001-07-01T00:00:00Z"));

        assertThat(removed).isEqualTo(3);
        assertThat(exists("audit_events_2001_01")).isFalse();
        assertThat(exists("audit_events_2001_03")).isFalse();
        assertThat(exists("audit_events_2001_04")).isTrue();
        assertThat(partitionOf(january)).isNull();
        assertThat(partitionOf(march)).isNull();
        assertThat(partitionOf(april)).isEqualTo("sharing.audit_events_2001_04");
        assertThat(partitions.dropPast(Instant.parse("2001-07-01T00:00:00Z"))).as("nothing left to drop").isZero();
        db.execute("drop table sharing.audit_events_2001_04");
    }

    @Test
    void a_round_of_housekeeping_drops_the_old_default_rows_too_and_counts_both() {
        UUID ancient = event("1999-03-01T00:00:00Z");
        UUID recent = event(Instant.now().minus(Duration.ofDays(1)).toString());

        var removed = Housekeeping.standard(db, Duration.ofDays(90)).run(Instant.now());

        assertThat(partitionOf(ancient)).isNull();
        assertThat(partitionOf(recent)).isNotNull();
        assertThat(removed.get("audit_events_default")).isGreaterThanOrEqualTo(1);
        assertThat(removed).containsKey("audit_events");
        assertThat(exists(AuditPartitions.name(java.time.YearMonth.now(java.time.ZoneOffset.UTC).plusMonths(3)))).isTrue();
    }
}
