package io.dashshare.adapter.http;

import static org.mockito.ArgumentMatchers.eq;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.reset;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import io.dashshare.adapter.http.support.Fixtures;
import io.dashshare.adapter.http.support.HttpTest;
import io.dashshare.adapter.http.support.Reply;
import io.dashshare.application.port.in.ManageTenantsUseCase;
import io.dashshare.application.port.in.SignedInOwner;
import io.dashshare.domain.common.EmailAddress;
import io.dashshare.domain.error.ErrorCode;
import io.dashshare.domain.error.SharingException;
import io.dashshare.domain.tenant.CompanySlug;
import io.dashshare.domain.tenant.CompanyStatus;
import io.dashshare.domain.tenant.OwnerAccount;
import io.dashshare.domain.tenant.OwnerId;
import io.dashshare.domain.tenant.Role;
import io.micronaut.context.ApplicationContext;
import io.micronaut.context.annotation.Property;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The operator API (docs/api.md, operator): on with its token only, checked before the body. */
@MicronautTest
@Property(name = "sharing.operator.token", value = OperatorRoutesTest.TOKEN)
class OperatorRoutesTest extends HttpTest {

    static final String TOKEN = "operator-token-for-tests-0123456789abcdef";
    private static final String[] OPERATOR = {"Authorization", "Bearer " + TOKEN};

    @Inject
    ManageTenantsUseCase tenants;

    @AfterEach
    void resetTenants() {
        reset(tenants);
    }

    @Test
    void create_answers_the_company_its_invited_admin_and_the_link() {
        OwnerAccount admin = OwnerAccount.invited(new OwnerId(UUID.randomUUID()), Fixtures.COMPANY_ID,
                new EmailAddress("boss@acme.test"), Role.ADMIN, Fixtures.CREATED);
        when(tenants.create(eq(new CompanySlug("acme")), eq("Acme"), eq(new EmailAddress("boss@acme.test")), any())).thenReturn(
                new ManageTenantsUseCase.ProvisionedCompany(Fixtures.ACME, admin, "https://x.example/console/invite#t"));

        Reply reply = api.post("/api/v1/operator/companies",
                "{\"slug\":\"acme\",\"name\":\"Acme\",\"admin_email\":\"boss@acme.test\"}", OPERATOR);

        assertThat(reply.status()).isEqualTo(201);
        Map<String, Object> body = reply.json();
        assertThat(body).containsOnlyKeys("id", "slug", "name", "status", "created_at", "admin", "invite_url");
        assertThat(body).containsEntry("status", "active").containsEntry("created_at", "2025-12-01T00:00:00Z");
        assertThat(body.get("admin")).isEqualTo(Map.of("id", admin.id().toString(), "email", "boss@acme.test",
                "role", "admin", "status", "invited"));
    }

    @Test
    void a_bad_slug_is_invalid_request_and_a_taken_one_a_conflict() {
        for (String slug : List.of("A", "-acme", "a_b", "a", "x".repeat(64))) {
            Reply reply = api.post("/api/v1/operator/companies",
                    "{\"slug\":\"" + slug + "\",\"name\":\"N\",\"admin_email\":\"a@b.test\"}", OPERATOR);
            assertThat(reply.status()).as(slug).isEqualTo(400);
        }
        when(tenants.create(any(), any(), any(), any())).thenThrow(new SharingException(ErrorCode.CONFLICT, "taken",
                Map.of("field", "slug")));
        assertThat(api.post("/api/v1/operator/companies",
                "{\"slug\":\"0acme\",\"name\":\"N\",\"admin_email\":\"a@b.test\"}", OPERATOR).status()).isEqualTo(409);
    }

    @Test
    void list_and_patch() {
        when(tenants.list()).thenReturn(List.of(Fixtures.ACME));
        Map<String, Object> list = api.get("/api/v1/operator/companies", OPERATOR).json();
        assertThat(list).containsOnlyKeys("companies");

        when(tenants.update(eq(Fixtures.COMPANY_ID), eq(Optional.empty()), eq(Optional.of(CompanyStatus.SUSPENDED)), any()))
                .thenReturn(Fixtures.ACME.withStatus(CompanyStatus.SUSPENDED));
        Reply patched = api.patch("/api/v1/operator/companies/" + Fixtures.COMPANY_ID, "{\"status\":\"suspended\"}",
                OPERATOR);
        assertThat(patched.json()).containsEntry("status", "suspended");
        assertThat(api.patch("/api/v1/operator/companies/" + Fixtures.COMPANY_ID, "{\"status\":\"gone\"}", OPERATOR)
                .status()).isEqualTo(400);
        assertThat(api.patch("/api/v1/operator/companies/nope", "{}", OPERATOR).status()).isEqualTo(404);
    }

    @Test
    void no_token_is_unauthenticated_and_any_other_bearer_token_invalid_before_the_body_is_read() {
        assertThat(api.get("/api/v1/operator/companies").errorCode()).isEqualTo("UNAUTHENTICATED");
        String ownerToken = ownerTokens.issue(new SignedInOwner(Fixtures.OWNER, 0)).token();
        for (String bearer : List.of(ownerToken, Fixtures.API_KEY, TOKEN + "x", TOKEN.substring(1))) {
            Reply reply = api.post("/api/v1/operator/companies", "{not json", "Authorization", "Bearer " + bearer);
            assertThat(reply.status()).isEqualTo(401);
            assertThat(reply.errorCode()).isEqualTo("TOKEN_INVALID");
        }
        verifyNoInteractions(tenants);
    }

    @Test
    void a_short_operator_token_stops_the_start() {
        try (ApplicationContext ignored = ApplicationContext.run(Map.of("sharing.operator.token", "short",
                "micronaut.server.port", -1))) {
            throw new AssertionError("started with a short operator token");
        } catch (RuntimeException expected) {
            assertThat(expected).hasStackTraceContaining("at least 32 characters");
        }
    }
}
