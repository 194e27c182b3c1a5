package io.dashshare.application.service;

import static io.dashshare.application.testing.SharingAssertions.failsWith;
import static org.assertj.core.api.Assertions.assertThat;

import io.dashshare.application.port.in.AuthenticateOwnerUseCase.OwnerTokenClaims;
import io.dashshare.application.port.in.ManageApiKeysUseCase.CreatedApiKey;
import io.dashshare.application.port.in.OwnerPrincipal;
import io.dashshare.application.testing.SharingHarness;
import io.dashshare.domain.error.ErrorCode;
import io.dashshare.domain.secret.SecretToken;
import io.dashshare.domain.tenant.ApiKey;
import io.dashshare.domain.tenant.Company;
import io.dashshare.domain.tenant.CompanyId;
import io.dashshare.domain.tenant.CompanyStatus;
import io.dashshare.domain.tenant.OwnerId;
import io.dashshare.domain.tenant.OwnerStatus;
import io.dashshare.domain.tenant.Role;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Every owner request's credential, checked against the store (docs/tokens.md, owner tokens and API keys). */
class AuthenticateOwnerServiceTest {

    private SharingHarness h;
    private Company acme;
    private OwnerPrincipal admin;
    private OwnerPrincipal editor;

    @BeforeEach
    void setUp() {
        h = SharingHarness.create();
        acme = h.company("acme");
        admin = h.ownerOf(acme, "admin@acme.test");
        editor = h.ownerOf(acme, "editor@acme.test", Role.EDITOR);
    }

    private static OwnerId id(OwnerPrincipal owner) {
        return ((OwnerPrincipal.Actor.Person) owner.actor()).id();
    }

    private OwnerTokenClaims claims(OwnerPrincipal owner, long generation, String jti) {
        return new OwnerTokenClaims(id(owner), owner.companyId(), generation, jti,
                h.clock().instant().plus(Duration.ofHours(1)));
    }

    @Test
    void a_token_of_an_active_owner_of_an_active_company_names_them_with_the_role_stored_now() {
        assertThat(h.authenticate().owner(claims(editor, 0, "t1"))).isEqualTo(editor);

        h.owners().update(admin, id(editor), Optional.of(Role.VIEWER), Optional.empty());

        assertThat(h.authenticate().owner(claims(editor, 0, "t1")).role()).isEqualTo(Role.VIEWER);
    }

    @Test
    void another_company_an_unknown_owner_or_another_generation_is_token_invalid() {
        failsWith(ErrorCode.TOKEN_INVALID, () -> h.authenticate().owner(new OwnerTokenClaims(id(editor),
                new CompanyId(UUID.randomUUID()), 0, "t", Instant.MAX)));
        failsWith(ErrorCode.TOKEN_INVALID, () -> h.authenticate().owner(new OwnerTokenClaims(
                new OwnerId(UUID.randomUUID()), acme.id(), 0, "t", Instant.MAX)));
        failsWith(ErrorCode.TOKEN_INVALID, () -> h.authenticate().owner(claims(editor, 1, "t")));
    }

    @Test
    void disabling_removing_suspending_and_logging_out_refuse_the_token_at_once() {
        OwnerTokenClaims token = claims(editor, 0, "t1");
        h.owners().update(admin, id(editor), Optional.empty(), Optional.of(OwnerStatus.DISABLED));
        failsWith(ErrorCode.TOKEN_INVALID, () -> h.authenticate().owner(token));
        h.owners().update(admin, id(editor), Optional.empty(), Optional.of(OwnerStatus.ACTIVE));
        failsWith(ErrorCode.TOKEN_INVALID, () -> h.authenticate().owner(token));

        OwnerTokenClaims adminToken = claims(admin, 0, "t2");
        h.tenants().update(acme.id(), Optional.empty(), Optional.of(CompanyStatus.SUSPENDED));
        failsWith(ErrorCode.TOKEN_INVALID, () -> h.authenticate().owner(adminToken));
        h.tenants().update(acme.id(), Optional.empty(), Optional.of(CompanyStatus.ACTIVE));
        assertThat(h.authenticate().owner(adminToken)).isEqualTo(admin);

        h.self().logout(admin, Optional.of(adminToken));
        failsWith(ErrorCode.TOKEN_INVALID, () -> h.authenticate().owner(adminToken));
        assertThat(h.authenticate().owner(claims(admin, 0, "t3"))).isEqualTo(admin);

        h.owners().remove(admin, id(editor));
        failsWith(ErrorCode.TOKEN_INVALID, () -> h.authenticate().owner(claims(editor, 1, "t4")));
    }

    @Test
    void an_api_key_acts_with_its_own_role_until_revoked_expired_or_its_company_suspended() {
        CreatedApiKey created = h.apiKeys().create(admin, "ci", Role.EDITOR,
                Optional.of(h.clock().instant().plus(Duration.ofDays(1))));
        OwnerPrincipal key = h.authenticate().apiKey(SecretToken.hashOfPresented(created.plainKey()));
        assertThat(key.role()).isEqualTo(Role.EDITOR);
        assertThat(key.companyId()).isEqualTo(acme.id());
        assertThat(key.actor()).isEqualTo(new OwnerPrincipal.Actor.Key(created.key().id(), "ci"));

        h.tenants().update(acme.id(), Optional.empty(), Optional.of(CompanyStatus.SUSPENDED));
        failsWith(ErrorCode.TOKEN_INVALID, () -> h.authenticate().apiKey(created.key().hash()));
        h.tenants().update(acme.id(), Optional.empty(), Optional.of(CompanyStatus.ACTIVE));
        h.authenticate().apiKey(created.key().hash());

        h.clock().advance(Duration.ofDays(1));
        failsWith(ErrorCode.TOKEN_INVALID, () -> h.authenticate().apiKey(created.key().hash()));

        CreatedApiKey other = h.apiKeys().create(admin, "backend", Role.VIEWER, Optional.empty());
        h.apiKeys().revoke(admin, other.key().id());
        failsWith(ErrorCode.TOKEN_INVALID, () -> h.authenticate().apiKey(other.key().hash()));
        failsWith(ErrorCode.TOKEN_INVALID, () -> h.authenticate().apiKey(SecretToken.hashOfPresented("dsk_nope")));
    }

    @Test
    void a_key_use_is_recorded_off_the_request_path_and_at_most_once_a_minute() {
        CreatedApiKey created = h.apiKeys().create(admin, "ci", Role.EDITOR, Optional.empty());
        for (int i = 0; i < 5; i++) {
            h.authenticate().apiKey(created.key().hash());
        }
        assertThat(h.store().apiKeys().find(acme.id(), created.key().id()).orElseThrow().lastUsedAt())
                .as("not written by the request itself").isEmpty();
        assertThat(h.background().pending()).isEqualTo(1);
        h.background().runAll();
        Instant first = h.clock().instant();
        assertThat(lastUsed(created)).contains(first);

        h.clock().advance(Duration.ofSeconds(59));
        h.authenticate().apiKey(created.key().hash());
        assertThat(h.background().pending()).isZero();

        h.clock().advance(Duration.ofSeconds(2));
        h.authenticate().apiKey(created.key().hash());
        h.background().runAll();
        assertThat(lastUsed(created)).contains(h.clock().instant());
    }

    private Optional<Instant> lastUsed(CreatedApiKey created) {
        ApiKey key = h.store().apiKeys().find(acme.id(), created.key().id()).orElseThrow();
        return key.lastUsedAt();
    }
}
