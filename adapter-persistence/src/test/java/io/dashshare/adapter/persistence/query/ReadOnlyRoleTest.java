package io.dashshare.adapter.persistence.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dashshare.adapter.persistence.TestDatabase;
import io.dashshare.domain.dashboard.DataSourceName;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * The provisioned role itself, without the executor's read-only connections: even a session
 * that turns read-only transactions off cannot change anything or see the service's tables.
 */
class ReadOnlyRoleTest {

    private static Connection asReader() throws SQLException {
        Connection connection = DriverManager.getConnection(TestDatabase.get().url(), TestDatabase.READER,
                TestDatabase.READER_PASSWORD);
        try (Statement s = connection.createStatement()) {
            s.execute("set default_transaction_read_only = off");
        }
        return connection;
    }

    private static PGSimpleDataSource dataSource(String user, String password, String url) {
        PGSimpleDataSource ds = new PGSimpleDataSource();
        ds.setURL(url);
        ds.setUser(user);
        ds.setPassword(password);
        ds.setConnectTimeout(1);
        return ds;
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "insert into demo.orders values (999, 'Active', 'north', 1, date '2025-01-01', 'x')",
            "update demo.orders set amount = 0",
            "delete from demo.orders",
            "truncate demo.orders",
            "create table demo.intruder (id int)",
            "create table public.intruder (id int)",
            "create schema intruder",
            "select * from sharing.companies",
            "select * from sharing.shares"})
    void the_reader_role_cannot_write_create_or_read_the_service_schema(String sql) throws SQLException {
        try (Connection c = asReader(); Statement s = c.createStatement()) {
            assertThatThrownBy(() -> s.execute(sql)).isInstanceOfSatisfying(SQLException.class,
                    e -> assertThat(e.getSQLState()).isEqualTo("42501"));
        }
    }

    @Test
    void the_reader_role_reads_its_schema_and_defaults_to_read_only_with_a_timeout() throws SQLException {
        try (Connection c = DriverManager.getConnection(TestDatabase.get().url(), TestDatabase.READER,
                TestDatabase.READER_PASSWORD); Statement s = c.createStatement();
             ResultSet r = s.executeQuery("select count(*), current_setting('default_transaction_read_only'),"
                     + " current_setting('statement_timeout') from demo.orders")) {
            r.next();
            assertThat(r.getLong(1)).isPositive();
            assertThat(r.getString(2)).isEqualTo("on");
            assertThat(r.getString(3)).isEqualTo("15s");
        }
    }

    @Test
    void the_role_check_finds_nothing_to_warn_about_for_the_reader() {
        ReadOnlyRoleCheck.Finding finding = ReadOnlyRoleCheck.check(new DataSourceName("demo"),
                dataSource(TestDatabase.READER, TestDatabase.READER_PASSWORD, TestDatabase.get().url()));

        assertThat(finding.checked()).isTrue();
        assertThat(finding.risks()).isEmpty();
        assertThat(finding.canWrite()).isFalse();
    }

    @Test
    void the_role_check_warns_about_a_superuser() {
        ReadOnlyRoleCheck.Finding finding = ReadOnlyRoleCheck.check(new DataSourceName("admin"),
                dataSource("postgres", "postgres", TestDatabase.get().url()));

        assertThat(finding.canWrite()).isTrue();
        assertThat(finding.risks()).anyMatch(r -> r.contains("superuser"))
                .anyMatch(r -> r.contains("can write tables"))
                .anyMatch(r -> r.contains("'sharing'"));
    }

    @Test
    void the_role_check_warns_about_a_plain_role_that_was_granted_writes() throws SQLException {
        try (Connection c = TestDatabase.get().service().getConnection(); Statement s = c.createStatement()) {
            s.execute("drop role if exists sloppy_reader");
            s.execute("create role sloppy_reader login password 'sloppy'");
            s.execute("grant usage on schema demo to sloppy_reader");
            s.execute("grant select, insert on demo.orders to sloppy_reader");
        }

        ReadOnlyRoleCheck.Finding finding = ReadOnlyRoleCheck.check(new DataSourceName("sloppy"),
                dataSource("sloppy_reader", "sloppy", TestDatabase.get().url()));

        assertThat(finding.risks()).anyMatch(r -> r.contains("demo.orders"));
    }

    @Test
    void checkAndWarn_covers_every_data_source_and_marks_unreachable_ones_unchecked() {
        DataSourceSettings reader = DataSourceSettings.of(TestDatabase.get().url(), TestDatabase.READER,
                TestDatabase.READER_PASSWORD);
        DataSourceSettings down = DataSourceSettings.of("jdbc:postgresql://localhost:" + TestDatabase.closedPort()
                + "/postgres", "x", "y").withConnectionTimeout(Duration.ofMillis(250));
        try (JdbcQueryExecutor executor = new JdbcQueryExecutor(new DataSourcesConfig(Map.of(
                new DataSourceName("demo"), reader, new DataSourceName("down"), down)))) {

            List<ReadOnlyRoleCheck.Finding> findings = ReadOnlyRoleCheck.checkAndWarn(executor);

            assertThat(findings).hasSize(2);
            assertThat(findings).filteredOn(f -> f.dataSource().value().equals("demo")).singleElement()
                    .satisfies(f -> assertThat(f.checked() && !f.canWrite()).isTrue());
            assertThat(findings).filteredOn(f -> f.dataSource().value().equals("down")).singleElement()
                    .satisfies(f -> assertThat(f.checked()).isFalse());
        }
    }

    private static String storedPassword(String role) throws SQLException {
        try (Connection c = TestDatabase.get().service().getConnection(); Statement s = c.createStatement();
             ResultSet r = s.executeQuery("select rolpassword from pg_authid where rolname = '" + role + "'")) {
            r.next();
            return r.getString(1);
        }
    }

    @Test
    void provisioning_again_changes_the_password_and_keeps_the_grants() throws SQLException {
        // The embedded server trusts local logins, so the password is checked where it is stored.
        String first;
        try (Connection admin = TestDatabase.get().service().getConnection()) {
            ReadOnlyRoleProvisioner.provision(admin, "second_reader", "first'pass", "demo", Duration.ofSeconds(5));
            first = storedPassword("second_reader");
            ReadOnlyRoleProvisioner.provision(admin, "second_reader", "second\"pass", "demo", Duration.ofSeconds(5));
        }

        assertThat(first).startsWith("SCRAM-SHA-256$");
        assertThat(storedPassword("second_reader")).startsWith("SCRAM-SHA-256$").isNotEqualTo(first);
        try (Connection c = DriverManager.getConnection(TestDatabase.get().url(), "second_reader", "second\"pass");
             Statement s = c.createStatement(); ResultSet r = s.executeQuery("select count(*) from demo.orders")) {
            r.next();
            assertThat(r.getLong(1)).isPositive();
        }
    }

    @Test
    void provisioning_refuses_identifiers_that_are_not_plain() throws SQLException {
        try (Connection admin = TestDatabase.get().service().getConnection()) {
            assertThatThrownBy(() -> ReadOnlyRoleProvisioner.provision(admin, "x; drop role postgres", "p", "demo",
                    Duration.ofSeconds(1))).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> ReadOnlyRoleProvisioner.provision(admin, "ok_role", "p", "Demo\"",
                    Duration.ofSeconds(1))).isInstanceOf(IllegalArgumentException.class);
        }
    }
}
