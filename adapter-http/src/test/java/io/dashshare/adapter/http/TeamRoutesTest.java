package io.dashshare.adapter.http;

import static org.mockito.ArgumentMatchers.argThat;
import static io.dashshare.adapter.http.support.Fixtures.ACME;
import static io.dashshare.adapter.http.support.Fixtures.OWNER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.reset;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import io.dashshare.adapter.http.support.Fixtures;
import io.dashshare.adapter.http.support.FixedOwners;
import io.dashshare.adapter.http.support.HttpTest;
import io.dashshare.adapter.http.support.Reply;
import io.dashshare.application.port.in.AcceptInviteUseCase;
import io.dashshare.application.port.in.AuthenticateOwnerUseCase;
import io.dashshare.application.port.in.ManageApiKeysUseCase;
import io.dashshare.application.port.in.ManageOwnersUseCase;
import io.dashshare.application.port.in.OwnerLoginUseCase.LoginAttempt;
import io.dashshare.application.port.in.OwnerSelfUseCase;
import io.dashshare.application.port.in.SignedInOwner;
import io.dashshare.domain.common.EmailAddress;
import io.dashshare.domain.error.ErrorCode;
import io.dashshare.domain.error.SharingException;
import io.dashshare.domain.secret.SecretToken;
import io.dashshare.domain.tenant.ApiKey;
import io.dashshare.domain.tenant.ApiKeyId;
import io.dashshare.domain.tenant.CompanySlug;
import io.dashshare.domain.tenant.OwnerAccount;
import io.dashshare.domain.tenant.OwnerId;
import io.dashshare.domain.tenant.OwnerStatus;
import io.dashshare.domain.tenant.Role;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The auth, owners and API-key routes on the wire (docs/api.md, owners and API keys). */
@MicronautTest
class TeamRoutesTest extends HttpTest {

    private static final Instant CREATED = Instant.parse("2026-02-03T04:05:06Z");

    @Inject
    AcceptInviteUseCase acceptInvite;
    @Inject
    OwnerSelfUseCase self;
    @Inject
    ManageOwnersUseCase owners;
    @Inject
    ManageApiKeysUseCase apiKeys;
    @Inject
    AuthenticateOwnerUseCase authenticate;

    @AfterEach
    void resetTeamMocks() {
        reset(acceptInvite, self, owners, apiKeys);
    }

    private static OwnerAccount invited(String email, Role role) {
        return OwnerAccount.invited(new OwnerId(UUID.fromString("11111111-2222-4333-8444-555555555555")),
                Fixtures.COMPANY_ID, new EmailAddress(email), role, CREATED);
    }

    @Test
    void login_passes_the_company_slug_and_the_client_address_and_the_token_carries_generation_and_id() {
        when(ownerLogin.login(any())).thenReturn(new SignedInOwner(OWNER, 7));

        Reply reply = api.post("/api/v1/auth/login",
                "{\"email\":\"Admin@ACME.test\",\"password\":\"pw\",\"company_slug\":\"acme\"}");

        assertThat(reply.status()).isEqualTo(200);
        verify(ownerLogin).login(argThat(attempt -> attempt.email().equals(new EmailAddress("admin@acme.test"))
                && attempt.password().equals("pw") && attempt.company().equals(Optional.of(new CompanySlug("acme")))
                && attempt.clientAddress().equals("127.0.0.1") && attempt.client().requestId() != null));
        String token = (String) reply.json().get("access_token");
        when(self.me(any())).thenReturn(new OwnerSelfUseCase.Me(OWNER, ACME));
        assertThat(api.get("/api/v1/auth/me", "Authorization", "Bearer " + token).status()).isEqualTo(200);
        List<AuthenticateOwnerUseCase.OwnerTokenClaims> seen = ((FixedOwners) authenticate).seen();
        AuthenticateOwnerUseCase.OwnerTokenClaims claims = seen.get(seen.size() - 1);
        assertThat(claims.generation()).isEqualTo(7);
        assertThat(claims.jti()).hasSizeGreaterThanOrEqualTo(22);
        assertThat(claims.expiresAt()).isAfter(Instant.now());
    }

    @Test
    void a_bad_company_slug_or_email_is_invalid_request_on_that_field() {
        Reply slug = api.post("/api/v1/auth/login", "{\"email\":\"a@acme.test\",\"password\":\"pw\",\"company_slug\":\"A B\"}");
        assertThat(slug.status()).isEqualTo(400);
        assertThat(slug.json()).extractingByKey("details").asString().contains("company_slug");
        Reply email = api.post("/api/v1/auth/login", "{\"email\":\"nope\",\"password\":\"pw\"}");
        assertThat(email.errorCode()).isEqualTo("INVALID_REQUEST");
        verifyNoInteractions(ownerLogin);
    }

    @Test
    void me_of_a_person_and_of_an_api_key() {
        when(self.me(OWNER)).thenReturn(new OwnerSelfUseCase.Me(OWNER, ACME));
        Map<String, Object> person = api.get("/api/v1/auth/me", owner()).json();
        assertThat(person).containsOnlyKeys("id", "email", "role", "company");
        assertThat(person).containsEntry("email", "admin@acme.test").containsEntry("role", "admin");
        assertThat(person.get("company")).isEqualTo(Map.of("id", Fixtures.COMPANY_ID.toString(), "slug", "acme",
                "name", "Acme"));

        when(self.me(Fixtures.KEY_OWNER)).thenReturn(new OwnerSelfUseCase.Me(Fixtures.KEY_OWNER, ACME));
        Map<String, Object> key = api.get("/api/v1/auth/me", "Authorization", "Bearer " + Fixtures.API_KEY).json();
        assertThat(key).containsOnlyKeys("api_key", "role", "company");
        assertThat(key.get("api_key")).isEqualTo(Map.of("id", Fixtures.API_KEY_ID.toString(), "name", "ci"));
        assertThat(key).containsEntry("role", "editor");
    }

    @Test
    void an_unknown_api_key_is_token_invalid_and_a_key_is_refused_on_viewer_routes() {
        Reply unknown = api.get("/api/v1/dashboards", "Authorization", "Bearer dsk_" + "z".repeat(43));
        assertThat(unknown.status()).isEqualTo(401);
        assertThat(unknown.errorCode()).isEqualTo("TOKEN_INVALID");
        verifyNoInteractions(dashboards);
    }

    @Test
    void password_change_and_logout_answer_204_with_the_token_id() {
        Reply changed = api.post("/api/v1/auth/password",
                "{\"current_password\":\"old password here\",\"new_password\":\"a new password here\"}", owner());
        assertThat(changed.status()).isEqualTo(204);
        verify(self).changePassword(eq(OWNER), any(), eq("old password here"), eq("a new password here"));

        Reply out = api.post("/api/v1/auth/logout", "", owner());
        assertThat(out.status()).isEqualTo(204);
        verify(self).logout(eq(OWNER), any());
        assertThat(api.post("/api/v1/auth/logout", "").errorCode()).isEqualTo("UNAUTHENTICATED");
    }

    @Test
    void accept_invite_answers_an_access_token_and_a_refused_token_is_401() {
        when(acceptInvite.accept("good", "long enough password")).thenReturn(new SignedInOwner(OWNER, 1));
        when(acceptInvite.accept(eq("bad"), any())).thenThrow(SharingException.tokenInvalid());

        Reply ok = api.post("/api/v1/auth/accept-invite", "{\"token\":\"good\",\"password\":\"long enough password\"}");
        assertThat(ok.status()).isEqualTo(200);
        assertThat(ok.json()).containsOnlyKeys("access_token", "token_type", "expires_in");
        assertThat(ok.header("Cache-Control")).isEqualTo("no-store");
        Reply bad = api.post("/api/v1/auth/accept-invite", "{\"token\":\"bad\",\"password\":\"x\"}");
        assertThat(bad.status()).isEqualTo(401);
        assertThat(bad.errorCode()).isEqualTo("TOKEN_INVALID");
    }

    @Test
    void owners_list_invite_patch_and_delete() {
        OwnerAccount editor = invited("ed@acme.test", Role.EDITOR);
        when(owners.list(OWNER)).thenReturn(List.of(editor));
        Map<String, Object> list = api.get("/api/v1/owners", owner()).json();
        @SuppressWarnings("unchecked")
        Map<String, Object> first = ((List<Map<String, Object>>) list.get("owners")).get(0);
        assertThat(first).containsOnlyKeys("id", "email", "role", "status", "created_at", "last_login_at");
        assertThat(first).containsEntry("status", "invited").containsEntry("created_at", "2026-02-03T04:05:06Z");
        assertThat(first.get("last_login_at")).isNull();

        when(owners.invite(OWNER, new EmailAddress("ed@acme.test"), Role.EDITOR)).thenReturn(
                new ManageOwnersUseCase.InvitedOwner(editor, "https://share.example/console/invite#tok"));
        Reply created = api.post("/api/v1/owners", "{\"email\":\"ed@acme.test\",\"role\":\"editor\"}", owner());
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.json()).containsEntry("invite_url", "https://share.example/console/invite#tok")
                .containsEntry("role", "editor");

        Reply badRole = api.post("/api/v1/owners", "{\"email\":\"ed@acme.test\",\"role\":\"owner\"}", owner());
        assertThat(badRole.status()).isEqualTo(400);

        when(owners.update(OWNER, editor.id(), Optional.of(Role.VIEWER), Optional.of(OwnerStatus.DISABLED)))
                .thenReturn(editor.withRole(Role.VIEWER));
        Reply patched = api.patch("/api/v1/owners/" + editor.id(), "{\"role\":\"viewer\",\"status\":\"disabled\"}",
                owner());
        assertThat(patched.status()).isEqualTo(200);
        assertThat(api.patch("/api/v1/owners/" + editor.id(), "{\"status\":\"invited\"}", owner()).status())
                .isEqualTo(400);

        assertThat(api.delete("/api/v1/owners/" + editor.id(), owner()).status()).isEqualTo(204);
        verify(owners).remove(OWNER, editor.id());
        assertThat(api.delete("/api/v1/owners/not-a-uuid", owner()).status()).isEqualTo(404);
    }

    @Test
    void the_last_admin_conflict_and_a_role_refusal_reach_the_wire() {
        doThrow(new SharingException(ErrorCode.CONFLICT, "last admin", Map.of("reason", "last_admin")))
                .when(owners).remove(eq(OWNER), any());
        Reply conflict = api.delete("/api/v1/owners/" + UUID.randomUUID(), owner());
        assertThat(conflict.status()).isEqualTo(409);
        assertThat(conflict.errorCode()).isEqualTo("CONFLICT");

        when(owners.list(Fixtures.KEY_OWNER)).thenThrow(new SharingException(ErrorCode.FORBIDDEN, "role"));
        Reply forbidden = api.get("/api/v1/owners", "Authorization", "Bearer " + Fixtures.API_KEY);
        assertThat(forbidden.status()).isEqualTo(403);
        assertThat(forbidden.errorCode()).isEqualTo("FORBIDDEN");
    }

    @Test
    void api_keys_are_shown_once_and_listed_by_prefix() {
        ApiKey key = new ApiKey(new ApiKeyId(UUID.randomUUID()), Fixtures.COMPANY_ID, "ci", Role.EDITOR,
                SecretToken.hashOfPresented("dsk_plain"), "dsk_plainxxx", CREATED, Optional.empty(), Optional.empty(),
                Optional.empty());
        when(apiKeys.create(OWNER, "ci", Role.EDITOR, Optional.of(Instant.parse("2027-01-31T00:00:00Z"))))
                .thenReturn(new ManageApiKeysUseCase.CreatedApiKey(key, "dsk_plain"));
        Reply created = api.post("/api/v1/api-keys",
                "{\"name\":\"ci\",\"role\":\"editor\",\"expires_at\":\"2027-01-31T01:00:00+01:00\"}", owner());
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.json()).containsOnlyKeys("id", "name", "role", "key", "prefix", "created_at", "expires_at")
                .containsEntry("key", "dsk_plain");

        assertThat(api.post("/api/v1/api-keys", "{\"name\":\"ci\",\"role\":\"editor\",\"expires_at\":\"tomorrow\"}",
                owner()).status()).isEqualTo(400);

        when(apiKeys.list(OWNER)).thenReturn(List.of(key));
        @SuppressWarnings("unchecked")
        Map<String, Object> listed = ((List<Map<String, Object>>) api.get("/api/v1/api-keys", owner()).json()
                .get("api_keys")).get(0);
        assertThat(listed).containsOnlyKeys("id", "name", "role", "prefix", "created_at", "expires_at", "last_used_at",
                "revoked_at");

        assertThat(api.delete("/api/v1/api-keys/" + key.id(), owner()).status()).isEqualTo(204);
        verify(apiKeys).revoke(OWNER, key.id());
    }

    @Test
    void the_operator_api_is_not_there_without_its_token() {
        Reply reply = api.get("/api/v1/operator/companies", "Authorization", "Bearer " + "o".repeat(40));
        assertThat(reply.status()).isEqualTo(404);
        assertThat(reply.errorCode()).isEqualTo("NOT_FOUND");
    }
}
