package io.dashshare.adapter.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.dashshare.domain.dashboard.DashboardId;
import io.dashshare.domain.embed.EmbedKeyId;
import io.dashshare.domain.error.ErrorCode;
import io.dashshare.domain.error.SharingException;
import io.dashshare.domain.portal.OtpChallengeId;
import io.dashshare.domain.secret.TokenHash;
import io.dashshare.domain.tenant.CompanyId;
import io.dashshare.domain.tenant.CompanySlug;
import io.dashshare.domain.testing.CompanyBuilder;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.jooq.exception.DataAccessException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;

/** A database that cannot be reached is SERVICE_UNAVAILABLE; any other database error is left alone. */
class DatabaseUnavailableTest {

    private static HikariDataSource deadPool;
    private static JooqPersistence down;

    @BeforeAll
    static void poolOnAClosedPort() {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl("jdbc:postgresql://localhost:" + TestDatabase.closedPort() + "/postgres");
        config.setUsername("postgres");
        config.setPassword("postgres");
        config.setConnectionTimeout(250);
        config.setInitializationFailTimeout(-1);
        deadPool = new HikariDataSource(config);
        down = JooqPersistence.on(deadPool);
    }

    @AfterAll
    static void close() {
        deadPool.close();
    }

    private static void assertUnavailable(ThrowingCallable call) {
        assertThatThrownBy(call).isInstanceOfSatisfying(SharingException.class,
                e -> assertThat(e.code()).isEqualTo(ErrorCode.SERVICE_UNAVAILABLE));
    }

    @Test
    void repository_reads_and_writes_answer_SERVICE_UNAVAILABLE_when_the_pool_cannot_connect() {
        assertUnavailable(() -> down.companies().findById(new CompanyId(UUID.randomUUID())));
        assertUnavailable(() -> down.companies().save(CompanyBuilder.aCompany().build()));
        assertUnavailable(() -> down.shares().findByTokenHash(TokenHash.of("x")));
        assertUnavailable(() -> down.viewerLookups().shareByTokenHash(TokenHash.of("x")));
        assertUnavailable(() -> down.viewerLookups().embedKey(new EmbedKeyId("some-kid-1234")));
        assertUnavailable(() -> down.dashboards().findById(new CompanyId(UUID.randomUUID()),
                new DashboardId(UUID.randomUUID())));
        assertUnavailable(() -> down.rateLimiter().hit("k", 1, Duration.ofMinutes(1), Instant.now()));
        assertUnavailable(() -> down.challenges().consume(new OtpChallengeId(UUID.randomUUID()),
                Instant.now(), 5));
    }

    @Test
    void a_unit_of_work_answers_SERVICE_UNAVAILABLE_when_it_cannot_begin() {
        assertUnavailable(() -> down.unitOfWork().inTransaction(() -> "never"));
    }

    @Test
    void a_refused_connection_without_a_pool_is_SERVICE_UNAVAILABLE_too() {
        PGSimpleDataSource plain = new PGSimpleDataSource();
        plain.setURL("jdbc:postgresql://localhost:" + TestDatabase.closedPort() + "/postgres");
        plain.setUser("postgres");
        plain.setConnectTimeout(1);

        assertUnavailable(() -> JooqPersistence.on(plain).companies().findBySlug(new CompanySlug("acme")));
    }

    @Test
    void other_database_errors_are_not_disguised_as_unavailability() throws SQLException {
        // A reachable database without the service schema: "relation does not exist" is a bug, not a 503.
        String database = "empty_" + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
        try (Connection c = TestDatabase.get().service().getConnection(); Statement s = c.createStatement()) {
            s.execute("create database " + database);
        }
        PGSimpleDataSource empty = new PGSimpleDataSource();
        empty.setURL(TestDatabase.get().url(database));
        empty.setUser("postgres");
        empty.setPassword("postgres");

        assertThatThrownBy(() -> JooqPersistence.on(empty).companies().findById(new CompanyId(UUID.randomUUID())))
                .isInstanceOf(DataAccessException.class)
                .hasMessageContaining("does not exist");
        assertThatThrownBy(() -> JooqPersistence.on(empty).viewerLookups().shareByTokenHash(TokenHash.of("x")))
                .isInstanceOf(DataAccessException.class)
                .hasMessageContaining("does not exist");
    }

    @Test
    void an_exhausted_pool_is_SERVICE_UNAVAILABLE_and_a_sql_error_stays_itself() {
        DataAccessException busy = new DataAccessException("SQL [select 1]",
                new SQLTransientConnectionException("sharing - Connection is not available, request timed out after 250ms"));
        DataAccessException syntax = new DataAccessException("SQL [selec 1]", new SQLException("syntax", "42601"));

        assertThat(DatabaseFailures.translated(busy)).isInstanceOfSatisfying(SharingException.class,
                e -> assertThat(e.code()).isEqualTo(ErrorCode.SERVICE_UNAVAILABLE));
        assertThat(DatabaseFailures.translated(syntax)).isSameAs(syntax);
    }
}
