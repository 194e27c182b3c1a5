package io.dashshare.adapter.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What the migrations promise beyond what the port contracts exercise. */
class SchemaTest {

    private static List<String> strings(String sql) throws SQLException {
        List<String> out = new ArrayList<>();
        try (Connection c = TestDatabase.get().service().getConnection(); Statement s = c.createStatement();
             ResultSet r = s.executeQuery(sql)) {
            while (r.next()) {
                out.add(r.getString(1));
            }
        }
        return out;
    }

    @Test
    void every_service_table_lives_in_schema_sharing_and_none_in_public() throws SQLException {
        assertThat(strings("select table_name from information_schema.tables where table_schema = 'sharing' order by 1"))
                .contains("companies", "owner_accounts", "dashboards", "shares", "share_contexts", "share_context_members",
                        "otp_challenges", "share_sessions", "refresh_tokens", "embed_keys", "rate_limit_counters");
        assertThat(strings("select table_name from information_schema.tables where table_schema = 'public'")).isEmpty();
    }

    @Test
    void public_gets_no_privilege_on_schema_sharing() throws SQLException {
        // An ACL entry for PUBLIC has an empty grantee: "=U/owner".
        assertThat(strings("select unnest(nspacl)::text from pg_namespace where nspname = 'sharing'"))
                .isNotEmpty()
                .noneMatch(entry -> entry.startsWith("="));
    }

    @Test
    void a_share_bound_to_a_context_is_deleted_with_it_not_set_to_null() throws SQLException {
        assertThat(strings("""
                select rc.delete_rule from information_schema.referential_constraints rc
                where rc.constraint_schema = 'sharing' and rc.constraint_name = 'shares_context_fkey'"""))
                .containsExactly("CASCADE");
    }
}
