package io.dashshare.application.service;

import static io.dashshare.application.testing.SharingAssertions.failsWith;
import static io.dashshare.application.testing.SharingAssertions.invalidField;
import static org.assertj.core.api.Assertions.assertThat;

import io.dashshare.application.port.in.AuthenticateOwnerUseCase.OwnerTokenClaims;
import io.dashshare.application.port.in.OwnerLoginUseCase.LoginAttempt;
import io.dashshare.application.port.in.OwnerPrincipal;
import io.dashshare.application.testing.SharingHarness;
import io.dashshare.domain.common.EmailAddress;
import io.dashshare.domain.error.ErrorCode;
import io.dashshare.domain.error.SharingException;
import io.dashshare.domain.tenant.Company;
import io.dashshare.domain.tenant.Role;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class OwnerSelfServiceTest {

    private static final String NEW_PASSWORD = "a brand new harbour lantern";

    private SharingHarness h;
    private Company acme;
    private OwnerPrincipal admin;

    @BeforeEach
    void setUp() {
        h = SharingHarness.create();
        acme = h.company("acme");
        admin = h.ownerOf(acme, "admin@acme.test");
    }

    private OwnerTokenClaims token(long generation, String jti) {
        return new OwnerTokenClaims(((OwnerPrincipal.Actor.Person) admin.actor()).id(), acme.id(), generation, jti,
                h.clock().instant().plus(Duration.ofHours(1)));
    }

    @Test
    void me_names_the_principal_and_its_company() {
        assertThat(h.self().me(admin).company()).isEqualTo(acme);
        assertThat(h.self().me(admin).principal()).isEqualTo(admin);
    }

    @Test
    void a_password_change_keeps_the_token_that_made_it_and_refuses_every_other() {
        h.self().changePassword(admin, Optional.of("mine"), SharingHarness.OWNER_PASSWORD, NEW_PASSWORD);

        assertThat(h.authenticate().owner(token(0, "mine"))).isEqualTo(admin);
        failsWith(ErrorCode.TOKEN_INVALID, () -> h.authenticate().owner(token(0, "other")));
        failsWith(ErrorCode.UNAUTHENTICATED, () -> h.ownerLogin().login(new LoginAttempt(
                new EmailAddress("admin@acme.test"), SharingHarness.OWNER_PASSWORD, Optional.empty(), "192.0.2.1")));
        assertThat(h.ownerLogin().login(new LoginAttempt(new EmailAddress("admin@acme.test"), NEW_PASSWORD,
                Optional.empty(), "192.0.2.1")).tokenGeneration()).isEqualTo(1);
    }

    @Test
    void a_wrong_current_password_is_invalid_on_current_password_and_throttled_like_a_login() {
        for (int i = 0; i < 10; i++) {
            SharingException e = invalidField("current_password",
                    () -> h.self().changePassword(admin, Optional.of("t"), "wrong", NEW_PASSWORD));
            assertThat(e.details()).containsEntry("reason", "wrong");
        }
        failsWith(ErrorCode.RATE_LIMITED,
                () -> h.self().changePassword(admin, Optional.of("t"), SharingHarness.OWNER_PASSWORD, NEW_PASSWORD));
    }

    @Test
    void the_new_password_must_pass_the_rules() {
        SharingException e = invalidField("new_password",
                () -> h.self().changePassword(admin, Optional.of("t"), SharingHarness.OWNER_PASSWORD, "password1234"));
        assertThat(e.details()).containsEntry("reason", "common");
        invalidField("new_password",
                () -> h.self().changePassword(admin, Optional.of("t"), SharingHarness.OWNER_PASSWORD, "short"));
        assertThat(h.authenticate().owner(token(0, "other"))).as("nothing changed").isEqualTo(admin);
    }

    @Test
    void an_api_key_has_neither_a_password_nor_a_sign_out() {
        OwnerPrincipal key = h.authenticate().apiKey(
                h.apiKeys().create(admin, "ci", Role.ADMIN, Optional.empty()).key().hash());

        failsWith(ErrorCode.FORBIDDEN, () -> h.self().changePassword(key, Optional.empty(), "x", NEW_PASSWORD));
        failsWith(ErrorCode.FORBIDDEN, () -> h.self().logout(key, Optional.empty()));
        assertThat(h.self().me(key).company()).isEqualTo(acme);
    }

    @Test
    void logout_ends_that_token_only() {
        h.self().logout(admin, Optional.of(token(0, "gone")));

        failsWith(ErrorCode.TOKEN_INVALID, () -> h.authenticate().owner(token(0, "gone")));
        assertThat(h.authenticate().owner(token(0, "kept"))).isEqualTo(admin);
    }
}
