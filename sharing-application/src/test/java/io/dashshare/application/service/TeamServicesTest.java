package io.dashshare.application.service;

import static io.dashshare.application.testing.SharingAssertions.failsWith;
import static io.dashshare.application.testing.SharingAssertions.invalidField;
import static org.assertj.core.api.Assertions.assertThat;

import io.dashshare.application.port.in.ManageApiKeysUseCase.CreatedApiKey;
import io.dashshare.application.port.in.ManageOwnersUseCase.InvitedOwner;
import io.dashshare.application.port.in.ManageTenantsUseCase.ProvisionedCompany;
import io.dashshare.application.port.in.OwnerPrincipal;
import io.dashshare.application.port.in.SignedInOwner;
import io.dashshare.application.testing.SharingHarness;
import io.dashshare.domain.common.EmailAddress;
import io.dashshare.domain.error.ErrorCode;
import io.dashshare.domain.error.SharingException;
import io.dashshare.domain.port.InviteMailer;
import io.dashshare.domain.secret.SecretToken;
import io.dashshare.domain.tenant.ApiKey;
import io.dashshare.domain.tenant.ApiKeyId;
import io.dashshare.domain.tenant.Company;
import io.dashshare.domain.tenant.CompanyId;
import io.dashshare.domain.tenant.CompanySlug;
import io.dashshare.domain.tenant.CompanyStatus;
import io.dashshare.domain.tenant.OwnerAccount;
import io.dashshare.domain.tenant.OwnerId;
import io.dashshare.domain.tenant.OwnerInvite;
import io.dashshare.domain.tenant.OwnerStatus;
import io.dashshare.domain.tenant.Role;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Tenants, owners, invites and API keys (docs/api.md, operator, owners and API keys). */
class TeamServicesTest {

    private static final String GOOD_PASSWORD = "tulip ocean marble forty two";

    private SharingHarness h;
    private Company acme;
    private OwnerPrincipal admin;
    private OwnerPrincipal editor;
    private OwnerPrincipal viewer;

    @BeforeEach
    void setUp() {
        h = SharingHarness.create();
        acme = h.company("acme");
        admin = h.ownerOf(acme, "admin@acme.test");
        editor = h.ownerOf(acme, "editor@acme.test", Role.EDITOR);
        viewer = h.ownerOf(acme, "viewer@acme.test", Role.VIEWER);
    }

    private static OwnerId id(OwnerPrincipal owner) {
        return ((OwnerPrincipal.Actor.Person) owner.actor()).id();
    }

    @Nested
    class Invites {

        @Test
        void an_admin_invites_by_mail_with_a_single_use_link_in_the_fragment() {
            InvitedOwner invited = h.owners().invite(admin, new EmailAddress("new@acme.test"), Role.EDITOR);

            assertThat(invited.owner().status()).isEqualTo(OwnerStatus.INVITED);
            assertThat(invited.owner().role()).isEqualTo(Role.EDITOR);
            assertThat(invited.inviteUrl()).startsWith("https://share.example.test/console/invite#");
            InviteMailer.Invite mail = h.inviteMailer().sent().get(0);
            assertThat(mail.to().value()).isEqualTo("new@acme.test");
            assertThat(mail.inviteUrl()).isEqualTo(invited.inviteUrl());
            assertThat(mail.companyName()).isEqualTo(acme.name());
            assertThat(mail.expiresAt()).isEqualTo(h.clock().instant().plus(OwnerInvite.VALIDITY));
            String token = h.inviteMailer().lastTokenFor("new@acme.test");
            assertThat(SecretToken.hasTokenShape(token)).as("256 random bits, base64url").isTrue();
            assertThat(mail.toString()).doesNotContain(token);
        }

        @Test
        void accepting_with_a_weak_password_leaves_the_invite_usable_for_a_good_one() {
            h.owners().invite(admin, new EmailAddress("new@acme.test"), Role.EDITOR);
            String token = h.inviteMailer().lastTokenFor("new@acme.test");

            SharingException weak = invalidField("password", () -> h.acceptInvite().accept(token, "password1234"));
            assertThat(weak.details()).containsEntry("reason", "common");
            invalidField("password", () -> h.acceptInvite().accept(token, "new@acme.test"));
            invalidField("password", () -> h.acceptInvite().accept(token, "elevenchars"));

            SignedInOwner accepted = h.acceptInvite().accept(token, GOOD_PASSWORD);
            assertThat(accepted.principal().role()).isEqualTo(Role.EDITOR);
            OwnerAccount account = h.store().owners().findById(accepted.person().id()).orElseThrow();
            assertThat(account.status()).isEqualTo(OwnerStatus.ACTIVE);
            assertThat(account.accepts(accepted.tokenGeneration(), "any")).isTrue();
            failsWith(ErrorCode.TOKEN_INVALID, () -> h.acceptInvite().accept(token, GOOD_PASSWORD));
        }

        @Test
        void an_expired_unknown_superseded_or_malformed_invite_token_is_token_invalid() {
            h.owners().invite(admin, new EmailAddress("new@acme.test"), Role.EDITOR);
            String first = h.inviteMailer().lastTokenFor("new@acme.test");
            h.owners().remove(admin, h.store().owners().findByEmail(acme.id(), new EmailAddress("new@acme.test"))
                    .orElseThrow().id());
            failsWith(ErrorCode.TOKEN_INVALID, () -> h.acceptInvite().accept(first, GOOD_PASSWORD));

            h.owners().invite(admin, new EmailAddress("late@acme.test"), Role.VIEWER);
            String late = h.inviteMailer().lastTokenFor("late@acme.test");
            h.clock().advance(OwnerInvite.VALIDITY);
            failsWith(ErrorCode.TOKEN_INVALID, () -> h.acceptInvite().accept(late, GOOD_PASSWORD));

            failsWith(ErrorCode.TOKEN_INVALID, () -> h.acceptInvite().accept("nope", GOOD_PASSWORD));
            failsWith(ErrorCode.TOKEN_INVALID, () -> h.acceptInvite().accept(null, GOOD_PASSWORD));
        }

        @Test
        void an_email_already_an_owner_here_is_a_conflict() {
            SharingException e = failsWith(ErrorCode.CONFLICT,
                    () -> h.owners().invite(admin, new EmailAddress("editor@acme.test"), Role.VIEWER));
            assertThat(e.details()).containsEntry("field", "email");
            assertThat(h.inviteMailer().sent()).isEmpty();
        }

        @Test
        void an_smtp_outage_delays_the_invite_mail_and_the_link_works_all_the_while() {
            h.inviteMailer().failing(true);

            InvitedOwner invited = h.owners().invite(admin, new EmailAddress("new@acme.test"), Role.EDITOR);
            assertThat(h.inviteMailer().sent()).isEmpty();

            h.inviteMailer().failing(false);
            h.clock().advance(Duration.ofMinutes(2));
            assertThat(h.inviteMailer().sent()).extracting(InviteMailer.Invite::inviteUrl)
                    .containsExactly(invited.inviteUrl());
            String token = invited.inviteUrl().substring(invited.inviteUrl().indexOf('#') + 1);
            assertThat(h.acceptInvite().accept(token, GOOD_PASSWORD).principal().role()).isEqualTo(Role.EDITOR);
        }

        @Test
        void inviting_again_replaces_the_link_and_the_mail_still_waiting() {
            h.inviteMailer().failing(true);
            InvitedOwner first = h.owners().invite(admin, new EmailAddress("new@acme.test"), Role.EDITOR);
            h.owners().remove(admin, first.owner().id());
            InvitedOwner second = h.owners().invite(admin, new EmailAddress("new@acme.test"), Role.VIEWER);
            h.inviteMailer().failing(false);
            h.clock().advance(Duration.ofMinutes(2));

            assertThat(h.inviteMailer().sent()).extracting(InviteMailer.Invite::inviteUrl)
                    .contains(second.inviteUrl());
        }
    }

    @Nested
    class Owners {

        @Test
        void only_admins_manage_the_team() {
            for (OwnerPrincipal notAdmin : new OwnerPrincipal[] {editor, viewer}) {
                failsWith(ErrorCode.FORBIDDEN, () -> h.owners().list(notAdmin));
                failsWith(ErrorCode.FORBIDDEN, () -> h.owners().invite(notAdmin, new EmailAddress("x@acme.test"),
                        Role.VIEWER));
                failsWith(ErrorCode.FORBIDDEN, () -> h.owners().update(notAdmin, id(viewer), Optional.of(Role.ADMIN),
                        Optional.empty()));
                failsWith(ErrorCode.FORBIDDEN, () -> h.owners().remove(notAdmin, id(viewer)));
            }
            assertThat(h.owners().list(admin)).hasSize(3);
        }

        @Test
        void the_last_active_admin_can_be_neither_demoted_disabled_nor_removed() {
            failsWith(ErrorCode.CONFLICT, () -> h.owners().update(admin, id(admin), Optional.of(Role.EDITOR),
                    Optional.empty()));
            failsWith(ErrorCode.CONFLICT, () -> h.owners().update(admin, id(admin), Optional.empty(),
                    Optional.of(OwnerStatus.DISABLED)));
            failsWith(ErrorCode.CONFLICT, () -> h.owners().remove(admin, id(admin)));

            h.owners().update(admin, id(editor), Optional.of(Role.ADMIN), Optional.empty());
            h.owners().remove(admin, id(admin));
            assertThat(h.store().owners().findById(id(admin))).isEmpty();
        }

        @Test
        void an_invited_owner_is_activated_only_by_accepting() {
            InvitedOwner invited = h.owners().invite(admin, new EmailAddress("new@acme.test"), Role.EDITOR);

            invalidField("status", () -> h.owners().update(admin, invited.owner().id(), Optional.empty(),
                    Optional.of(OwnerStatus.ACTIVE)));
            assertThat(h.owners().update(admin, invited.owner().id(), Optional.of(Role.VIEWER), Optional.empty())
                    .role()).isEqualTo(Role.VIEWER);
        }

        @Test
        void an_owner_of_another_company_is_not_found() {
            OwnerPrincipal stranger = h.ownerOf(h.company("globex"), "boss@globex.test");

            failsWith(ErrorCode.NOT_FOUND, () -> h.owners().update(admin, id(stranger), Optional.of(Role.VIEWER),
                    Optional.empty()));
            failsWith(ErrorCode.NOT_FOUND, () -> h.owners().remove(admin, id(stranger)));
            failsWith(ErrorCode.NOT_FOUND, () -> h.owners().remove(admin, new OwnerId(UUID.randomUUID())));
            assertThat(h.owners().list(admin)).extracting(OwnerAccount::email)
                    .doesNotContain(new EmailAddress("boss@globex.test"));
        }
    }

    @Nested
    class ApiKeys {

        @Test
        void a_key_is_shown_once_stored_hashed_with_its_prefix_and_listed_without_it() {
            CreatedApiKey created = h.apiKeys().create(admin, "embed backend", Role.EDITOR, Optional.empty());

            assertThat(created.plainKey()).startsWith("dsk_").hasSize(47);
            assertThat(created.key().prefix()).isEqualTo(created.plainKey().substring(0, 12));
            assertThat(created.key().hash()).isEqualTo(SecretToken.hashOfPresented(created.plainKey()));
            assertThat(h.apiKeys().list(admin)).extracting(ApiKey::id).containsExactly(created.key().id());
            assertThat(created.toString()).doesNotContain(created.plainKey());
            assertThat(h.apiKeys().create(admin, "other", Role.VIEWER, Optional.empty()).plainKey())
                    .isNotEqualTo(created.plainKey());
        }

        @Test
        void only_admins_manage_keys_and_an_expiry_must_be_in_the_future() {
            failsWith(ErrorCode.FORBIDDEN, () -> h.apiKeys().create(editor, "x", Role.VIEWER, Optional.empty()));
            failsWith(ErrorCode.FORBIDDEN, () -> h.apiKeys().list(viewer));
            invalidField("expires_at", () -> h.apiKeys().create(admin, "x", Role.VIEWER,
                    Optional.of(h.clock().instant())));
            invalidField("name", () -> h.apiKeys().create(admin, " ", Role.VIEWER, Optional.empty()));
            assertThat(h.apiKeys().create(admin, "x", Role.VIEWER,
                    Optional.of(h.clock().instant().plus(Duration.ofDays(30)))).key().expiresAt()).isPresent();
        }

        @Test
        void a_revoked_key_stays_listed_with_its_revocation_and_another_company_key_is_not_found() {
            CreatedApiKey created = h.apiKeys().create(admin, "ci", Role.EDITOR, Optional.empty());
            h.apiKeys().revoke(admin, created.key().id());
            h.apiKeys().revoke(admin, created.key().id());

            assertThat(h.apiKeys().list(admin).get(0).revokedAt()).contains(h.clock().instant());
            OwnerPrincipal stranger = h.ownerOf(h.company("globex"), "boss@globex.test");
            failsWith(ErrorCode.NOT_FOUND, () -> h.apiKeys().revoke(stranger, created.key().id()));
            failsWith(ErrorCode.NOT_FOUND, () -> h.apiKeys().revoke(admin, new ApiKeyId(UUID.randomUUID())));
        }
    }

    @Nested
    class Tenants {

        @Test
        void the_operator_provisions_a_company_with_its_first_admin_invited() {
            ProvisionedCompany created = h.tenants().create(new CompanySlug("initech"), "Initech",
                    new EmailAddress("boss@initech.test"));

            assertThat(created.company().isActive()).isTrue();
            assertThat(created.admin().role()).isEqualTo(Role.ADMIN);
            assertThat(created.admin().status()).isEqualTo(OwnerStatus.INVITED);
            assertThat(h.tenants().list()).contains(created.company());
            String token = h.inviteMailer().lastTokenFor("boss@initech.test");
            assertThat(created.inviteUrl()).endsWith("#" + token);
            SignedInOwner boss = h.acceptInvite().accept(token, GOOD_PASSWORD);
            assertThat(boss.principal().companyId()).isEqualTo(created.company().id());
        }

        @Test
        void a_taken_slug_is_a_conflict_and_leaves_nothing_behind() {
            failsWith(ErrorCode.CONFLICT, () -> h.tenants().create(new CompanySlug("acme"), "Other",
                    new EmailAddress("x@other.test")));
            assertThat(h.store().owners().findByEmail(new EmailAddress("x@other.test"))).isEmpty();
            assertThat(h.inviteMailer().sent()).isEmpty();
        }

        @Test
        void renaming_and_suspending_and_an_unknown_company() {
            Company renamed = h.tenants().update(acme.id(), Optional.of("Acme Corp"), Optional.empty());
            assertThat(renamed.name()).isEqualTo("Acme Corp");
            assertThat(h.tenants().update(acme.id(), Optional.empty(), Optional.of(CompanyStatus.SUSPENDED))
                    .isActive()).isFalse();
            failsWith(ErrorCode.NOT_FOUND, () -> h.tenants().update(new CompanyId(UUID.randomUUID()), Optional.of("n"),
                    Optional.empty()));
        }
    }

    @Nested
    class Bootstrap {

        @Test
        void creates_the_company_and_its_active_admin_once_and_leaves_an_existing_one_alone() {
            Company created = h.bootstrapCompany().ensure(new CompanySlug("initech"), "Initech",
                    new EmailAddress("boss@initech.test"), GOOD_PASSWORD);
            assertThat(h.store().owners().findByEmail(created.id(), new EmailAddress("boss@initech.test"))
                    .orElseThrow().isActiveAdmin()).isTrue();

            Company again = h.bootstrapCompany().ensure(new CompanySlug("initech"), "Renamed",
                    new EmailAddress("other@initech.test"), "another good password here");
            assertThat(again).isEqualTo(created);
            assertThat(h.store().owners().list(created.id())).hasSize(1);
        }

        @Test
        void a_weak_admin_password_is_refused() {
            invalidField("SHARING_ADMIN_PASSWORD", () -> h.bootstrapCompany().ensure(new CompanySlug("initech"),
                    "Initech", new EmailAddress("boss@initech.test"), "password1234"));
            assertThat(h.store().companies().findBySlug(new CompanySlug("initech"))).isEmpty();
        }
    }
}
