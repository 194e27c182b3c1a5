package io.dashshare.domain.tenant;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The role table of docs/api.md, row by row. */
class RoleTest {

    static Stream<Arguments> table() {
        return Stream.of(
                Arguments.of(Role.VIEWER, EnumSet.of(Permission.READ, Permission.PREVIEW)),
                Arguments.of(Role.EDITOR, EnumSet.of(Permission.READ, Permission.PREVIEW, Permission.EDIT_DASHBOARDS,
                        Permission.EDIT_SHARES, Permission.EDIT_CONTEXTS, Permission.MANAGE_PORTAL_SESSIONS,
                        Permission.ISSUE_EMBED_TOKENS)),
                Arguments.of(Role.ADMIN, EnumSet.allOf(Permission.class)));
    }

    @ParameterizedTest(name = "{0} may exactly {1}")
    @MethodSource("table")
    void each_role_may_exactly_its_row_of_the_table(Role role, Set<Permission> allowed) {
        for (Permission permission : Permission.values()) {
            assertThat(role.may(permission)).as("%s may %s", role, permission).isEqualTo(allowed.contains(permission));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("table")
    void a_role_reads_back_from_its_wire_name(Role role, Set<Permission> ignored) {
        assertThat(Role.fromWire(role.wire())).contains(role);
        assertThat(Role.fromWire(role.wire().toUpperCase())).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("table")
    void only_admins_manage_owners_api_keys_and_read_the_audit_log(Role role, Set<Permission> ignored) {
        boolean admin = role == Role.ADMIN;
        assertThat(role.may(Permission.MANAGE_OWNERS)).isEqualTo(admin);
        assertThat(role.may(Permission.MANAGE_API_KEYS)).isEqualTo(admin);
        assertThat(role.may(Permission.READ_AUDIT)).isEqualTo(admin);
    }
}
