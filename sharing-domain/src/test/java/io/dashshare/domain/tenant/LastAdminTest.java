package io.dashshare.domain.tenant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dashshare.domain.error.ErrorCode;
import io.dashshare.domain.error.SharingException;
import io.dashshare.domain.testing.CompanyBuilder;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The last-admin rule of docs/api.md (owners). */
class LastAdminTest {

    private final CompanyId company = new CompanyId(UUID.randomUUID());
    private final OwnerAccount admin = CompanyBuilder.anOwnerOf(company, Role.ADMIN);
    private final OwnerAccount editor = CompanyBuilder.anOwnerOf(company, Role.EDITOR);

    private static void refused(Runnable change) {
        assertThatThrownBy(change::run).isInstanceOfSatisfying(SharingException.class, e -> {
            assertThat(e.code()).isEqualTo(ErrorCode.CONFLICT);
            assertThat(e.details()).containsEntry("reason", "last_admin");
        });
    }

    @Test
    void the_only_active_admin_can_be_neither_demoted_disabled_nor_removed() {
        List<OwnerAccount> team = List.of(admin, editor);

        refused(() -> LastAdmin.check(team, admin, admin.withRole(Role.EDITOR)));
        refused(() -> LastAdmin.check(team, admin, admin.withStatus(OwnerStatus.DISABLED)));
        refused(() -> LastAdmin.check(team, admin, null));
    }

    @Test
    void with_another_active_admin_any_of_them_may_go() {
        OwnerAccount second = CompanyBuilder.anOwnerOf(company, Role.ADMIN);
        List<OwnerAccount> team = List.of(admin, second, editor);

        assertThatCode(() -> LastAdmin.check(team, admin, admin.withRole(Role.VIEWER))).doesNotThrowAnyException();
        assertThatCode(() -> LastAdmin.check(team, admin, null)).doesNotThrowAnyException();
    }

    @Test
    void a_disabled_or_invited_admin_does_not_count_as_the_other_admin() {
        OwnerAccount disabled = CompanyBuilder.anOwnerOf(company, Role.ADMIN).withStatus(OwnerStatus.DISABLED);
        OwnerAccount invited = OwnerAccount.invited(new OwnerId(UUID.randomUUID()), company,
                CompanyBuilder.randomEmail("new"), Role.ADMIN, CompanyBuilder.CREATED_AT);

        refused(() -> LastAdmin.check(List.of(admin, disabled, invited), admin, null));
    }

    @Test
    void changes_to_anyone_else_and_changes_that_keep_an_admin_active_pass() {
        List<OwnerAccount> team = List.of(admin, editor);

        assertThatCode(() -> LastAdmin.check(team, editor, null)).doesNotThrowAnyException();
        assertThatCode(() -> LastAdmin.check(team, editor, editor.withRole(Role.VIEWER))).doesNotThrowAnyException();
        assertThatCode(() -> LastAdmin.check(team, admin, admin.withRole(Role.ADMIN))).doesNotThrowAnyException();
    }
}
