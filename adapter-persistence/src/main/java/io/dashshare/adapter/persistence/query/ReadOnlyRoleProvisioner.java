package io.dashshare.adapter.persistence.query;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Creates (or brings back in line) a login role that can only read one schema, on a PostgreSQL the
 * service owns, such as the embedded demo database: usage on the schema, select on its tables
 * (present and future), read-only transactions and a statement timeout by default, and nothing
 * on the service's own schema {@code sharing}. Run it as the database owner.
 */
public final class ReadOnlyRoleProvisioner {

    private static final Pattern IDENTIFIER = Pattern.compile("[a-z_][a-z0-9_]{0,62}");

    private ReadOnlyRoleProvisioner() {
    }

    /**
     * Idempotent: a second run with another password changes the password and re-applies the
     * grants. Runs in one transaction on {@code admin}, which is left in auto-commit afterwards.
     */
    public static void provision(Connection admin, String role, String password, String schema, Duration statementTimeout)
            throws SQLException {
        requireIdentifier(role, "role");
        requireIdentifier(schema, "schema");
        Objects.requireNonNull(password, "password");
        if (password.isEmpty()) {
            throw new IllegalArgumentException("the role needs a password");
        }
        if (statementTimeout.isNegative() || statementTimeout.isZero()) {
            throw new IllegalArgumentException("statement timeout must be positive");
        }
        boolean autoCommit = admin.getAutoCommit();
        admin.setAutoCommit(false);
        try {
            boolean exists = exists(admin, "select 1 from pg_roles where rolname = ?", role);
            // Identifiers and the password are quoted by the server (format %I / %L), never by string pasting.
            execute(admin, (exists ? "alter" : "create")
                    + " role %I with login password %L nosuperuser nocreatedb nocreaterole noreplication nobypassrls noinherit",
                    role, password);
            execute(admin, "grant connect on database %I to %I", currentDatabase(admin), role);
            execute(admin, "grant usage on schema %I to %I", schema, role);
            execute(admin, "grant select on all tables in schema %I to %I", schema, role);
            execute(admin, "alter default privileges in schema %I grant select on tables to %I", schema, role);
            execute(admin, "alter role %I set default_transaction_read_only = on", role);
            execute(admin, "alter role %I set statement_timeout = %L", role, statementTimeout.toMillis() + "ms");
            // Tables other roles may have shared with PUBLIC are none of a dashboard's business either.
            execute(admin, "revoke create on schema public from public");
            if (exists(admin, "select 1 from pg_namespace where nspname = ?", "sharing")) {
                execute(admin, "revoke all on schema sharing from public");
                execute(admin, "revoke all on schema sharing from %I", role);
                execute(admin, "revoke all on all tables in schema sharing from public");
            }
            admin.commit();
        } catch (SQLException | RuntimeException e) {
            admin.rollback();
            throw e;
        } finally {
            admin.setAutoCommit(autoCommit);
        }
    }

    private static void requireIdentifier(String value, String what) {
        if (value == null || !IDENTIFIER.matcher(value).matches()) {
            throw new IllegalArgumentException(what + " must match " + IDENTIFIER.pattern());
        }
    }

    private static String currentDatabase(Connection admin) throws SQLException {
        try (PreparedStatement s = admin.prepareStatement("select current_database()"); ResultSet r = s.executeQuery()) {
            r.next();
            return r.getString(1);
        }
    }

    private static boolean exists(Connection admin, String sql, String value) throws SQLException {
        try (PreparedStatement s = admin.prepareStatement(sql)) {
            s.setString(1, value);
            try (ResultSet r = s.executeQuery()) {
                return r.next();
            }
        }
    }

    /** Lets the server build the statement with {@code format()}, then runs it. */
    private static void execute(Connection admin, String template, String... arguments) throws SQLException {
        String statement;
        StringBuilder call = new StringBuilder("select format(?");
        for (int i = 0; i < arguments.length; i++) {
            call.append(", ?");
        }
        call.append(')');
        try (PreparedStatement format = admin.prepareStatement(call.toString())) {
            format.setString(1, template);
            for (int i = 0; i < arguments.length; i++) {
                format.setString(i + 2, arguments[i]);
            }
            try (ResultSet r = format.executeQuery()) {
                r.next();
                statement = r.getString(1);
            }
        }
        try (var run = admin.createStatement()) {
            run.execute(statement);
        }
    }
}
