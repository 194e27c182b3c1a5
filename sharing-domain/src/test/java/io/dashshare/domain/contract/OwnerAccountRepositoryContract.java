package io.dashshare.domain.contract;

import static org.assertj.core.api.Assertions.assertThat;

import io.dashshare.domain.common.EmailAddress;
import io.dashshare.domain.error.ErrorCode;
import io.dashshare.domain.tenant.Company;
import io.dashshare.domain.tenant.OwnerAccount;
import io.dashshare.domain.tenant.OwnerId;
import io.dashshare.domain.tenant.OwnerStatus;
import io.dashshare.domain.tenant.Role;
import io.dashshare.domain.testing.CompanyBuilder;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

public abstract class OwnerAccountRepositoryContract extends PortContract {

    @Test
    void saved_account_is_found_by_email_by_company_and_email_and_by_id() {
        Company company = savedCompany();
        OwnerAccount owner = CompanyBuilder.anOwnerOf(company.id(), Role.EDITOR);

        ports.owners().save(owner);

        assertThat(ports.owners().findByEmail(owner.email())).containsExactly(owner);
        assertThat(ports.owners().findByEmail(company.id(), owner.email())).contains(owner);
        assertThat(ports.owners().findById(owner.id())).contains(owner);
        assertThat(ports.owners().list(company.id())).containsExactly(owner);
    }

    @Test
    void unknown_email_and_id_are_not_found() {
        assertThat(ports.owners().findByEmail(CompanyBuilder.randomEmail("nobody"))).isEmpty();
        assertThat(ports.owners().findByEmail(savedCompany().id(), CompanyBuilder.randomEmail("nobody"))).isEmpty();
        assertThat(ports.owners().findById(new OwnerId(UUID.randomUUID()))).isEmpty();
    }

    @Test
    void an_invited_owner_has_no_password_until_accepting_and_every_field_survives_a_round_trip() {
        Company company = savedCompany();
        OwnerAccount invited = OwnerAccount.invited(new OwnerId(UUID.randomUUID()), company.id(),
                CompanyBuilder.randomEmail("new"), Role.VIEWER, T0);
        ports.owners().save(invited);
        assertThat(ports.owners().findById(invited.id())).contains(invited);

        OwnerAccount accepted = invited.accepted("hash-1").signedIn(Instant.parse("2026-01-02T03:04:05.678901Z"))
                .withPassword("hash-2", Optional.of("token-id-1"));
        ports.owners().save(accepted);

        OwnerAccount read = ports.owners().findById(invited.id()).orElseThrow();
        assertThat(read).isEqualTo(accepted);
        assertThat(read.status()).isEqualTo(OwnerStatus.ACTIVE);
        assertThat(read.tokenGeneration()).isEqualTo(2);
        assertThat(read.keptTokenId()).contains("token-id-1");
    }

    @Test
    void saving_again_updates_role_status_and_password_but_never_company_or_creation_time() {
        Company company = savedCompany();
        OwnerAccount owner = CompanyBuilder.anOwnerOf(company.id());
        ports.owners().save(owner);

        OwnerAccount changed = owner.withRole(Role.VIEWER).withStatus(OwnerStatus.DISABLED)
                .withPassword("new-hash", Optional.empty());
        ports.owners().save(changed);
        assertThat(ports.owners().findById(owner.id())).contains(changed);

        OwnerAccount moved = new OwnerAccount(owner.id(), savedCompany().id(), owner.email(), owner.passwordHash(),
                owner.role(), owner.status(), Instant.parse("2030-01-01T00:00:00Z"), Optional.empty(), 0,
                Optional.empty());
        ports.owners().save(moved);
        assertThat(ports.owners().findById(owner.id())).contains(changed);
    }

    @Test
    void an_email_is_an_owner_once_per_company_CONFLICT_on_email_but_may_be_one_in_several() {
        Company first = savedCompany();
        Company second = savedCompany();
        OwnerAccount owner = CompanyBuilder.anOwnerOf(first.id());
        ports.owners().save(owner);
        OwnerAccount twin = OwnerAccount.active(new OwnerId(UUID.randomUUID()), first.id(), owner.email(), Role.EDITOR,
                "h", T0);

        assertFails(ErrorCode.CONFLICT, "email", () -> ports.owners().save(twin));
        assertThat(ports.owners().findById(twin.id())).isEmpty();

        OwnerAccount elsewhere = OwnerAccount.active(new OwnerId(UUID.randomUUID()), second.id(), owner.email(),
                Role.VIEWER, "h", T0.plusSeconds(1));
        ports.owners().save(elsewhere);
        assertThat(ports.owners().findByEmail(owner.email())).containsExactly(owner, elsewhere);
    }

    @Test
    void email_lookup_matches_a_differently_cased_address_once_normalised() {
        Company company = savedCompany();
        OwnerAccount owner = CompanyBuilder.anOwnerOf(company.id());
        ports.owners().save(owner);

        EmailAddress shouted = EmailAddress.parse(owner.email().value().toUpperCase()).orElseThrow();

        assertThat(ports.owners().findByEmail(shouted)).containsExactly(owner);
    }

    @Test
    void delete_removes_an_owner_of_its_company_only() {
        Company company = savedCompany();
        Company other = savedCompany();
        OwnerAccount owner = CompanyBuilder.anOwnerOf(company.id());
        ports.owners().save(owner);

        assertThat(ports.owners().delete(other.id(), owner.id())).isFalse();
        assertThat(ports.owners().findById(owner.id())).contains(owner);
        assertThat(ports.owners().delete(company.id(), owner.id())).isTrue();
        assertThat(ports.owners().findById(owner.id())).isEmpty();
        assertThat(ports.owners().delete(company.id(), owner.id())).isFalse();
    }

    @Test
    void the_team_lists_the_company_owners_only_and_locking_it_inside_a_transaction_reads_the_same() {
        Company company = savedCompany();
        OwnerAccount a = CompanyBuilder.anOwnerOf(company.id());
        OwnerAccount b = CompanyBuilder.anOwnerOf(company.id(), Role.VIEWER);
        ports.owners().save(a);
        ports.owners().save(b);
        ports.owners().save(CompanyBuilder.anOwnerOf(savedCompany().id()));

        assertThat(ports.owners().list(company.id())).containsExactlyInAnyOrder(a, b);
        List<OwnerAccount> locked = ports.unitOfWork().inTransaction(() -> ports.owners().lockTeam(company.id()));
        assertThat(locked).containsExactlyInAnyOrder(a, b);
    }

    @Test
    void concurrent_changes_to_one_team_are_serialized_by_the_lock() throws Exception {
        Company company = savedCompany();
        OwnerAccount a = CompanyBuilder.anOwnerOf(company.id());
        OwnerAccount b = CompanyBuilder.anOwnerOf(company.id());
        ports.owners().save(a);
        ports.owners().save(b);

        // Each demotes "the other admin" only if another active admin remains: the last-admin rule.
        List<Boolean> demoted = concurrently(2, () -> ports.unitOfWork().inTransaction(() -> {
            List<OwnerAccount> team = ports.owners().lockTeam(company.id());
            long admins = team.stream().filter(OwnerAccount::isActiveAdmin).count();
            OwnerAccount target = team.stream().filter(OwnerAccount::isActiveAdmin).findFirst().orElse(null);
            if (admins < 2 || target == null) {
                return false;
            }
            ports.owners().save(target.withRole(Role.EDITOR));
            return true;
        }));

        assertThat(demoted).containsExactlyInAnyOrder(true, false);
        assertThat(ports.owners().list(company.id()).stream().filter(OwnerAccount::isActiveAdmin)).hasSize(1);
    }
}
