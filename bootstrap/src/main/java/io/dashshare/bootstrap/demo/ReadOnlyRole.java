package io.dashshare.bootstrap.demo;

import java.sql.SQLException;
import java.sql.Statement;

/**
 * A login role that can read one schema and nothing else: no write anywhere, no access to the
 * service's {@code sharing} schema, read-only transactions and a statement timeout by default.
 */
final class ReadOnlyRole {

    private ReadOnlyRole() {
    }

    static void provision(Statement statement, String role, String password, String schema) throws SQLException {
        // Identifiers come from code, never from a request; the password is base64url (no quotes).
        if (!role.matches("[a-z_]+") || !schema.matches("[a-z_]+") || !password.matches("[A-Za-z0-9_-]+")) {
            throw new IllegalArgumentException("unsafe role, schema or password");
        }
        statement.execute("do $$ begin if not exists (select 1 from pg_roles where rolname = '" + role + "') then "
                + "create role " + role + " login; end if; end $$");
        statement.execute("alter role " + role + " with login nosuperuser nocreatedb nocreaterole noinherit "
                + "password '" + password + "'");
        statement.execute("alter role " + role + " set default_transaction_read_only = on");
        statement.execute("alter role " + role + " set statement_timeout = '15s'");
        statement.execute("revoke all on schema public from " + role);
        statement.execute("revoke create on schema public from public");
        statement.execute("do $$ begin if exists (select 1 from pg_namespace where nspname = 'sharing') then "
                + "revoke all on schema sharing from public; end if; end $$");
        statement.execute("grant usage on schema " + schema + " to " + role);
        statement.execute("grant select on all tables in schema " + schema + " to " + role);
    }
}
