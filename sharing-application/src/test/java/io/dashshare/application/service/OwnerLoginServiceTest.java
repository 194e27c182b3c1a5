package io.dashshare.application.service;

import static io.dashshare.application.testing.SharingAssertions.failsWith;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dashshare.application.port.in.OwnerLoginUseCase.LoginAttempt;
import io.dashshare.application.port.in.OwnerPrincipal;
import io.dashshare.application.port.in.SignedInOwner;
import io.dashshare.application.testing.SharingHarness;
import io.dashshare.domain.common.EmailAddress;
import io.dashshare.domain.error.ErrorCode;
import io.dashshare.domain.error.RateLimitedException;
import io.dashshare.domain.error.SharingException;
import io.dashshare.domain.tenant.Company;
import io.dashshare.domain.tenant.CompanySlug;
import io.dashshare.domain.tenant.CompanyStatus;
import io.dashshare.domain.tenant.OwnerStatus;
import io.dashshare.domain.tenant.Role;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Password login (docs/security.md#owners-2). */
class OwnerLoginServiceTest {

    private static final String PASSWORD = SharingHarness.OWNER_PASSWORD;

    private SharingHarness h;
    private Company acme;
    private OwnerPrincipal admin;

    @BeforeEach
    void setUp() {
        h = SharingHarness.create();
        acme = h.company("acme");
        admin = h.ownerOf(acme, "admin@acme.test");
    }

    private SignedInOwner login(String email, String password) {
        return login(email, password, null, "203.0.113.7");
    }

    private SignedInOwner login(String email, String password, String companySlug, String client) {
        return h.ownerLogin().login(new LoginAttempt(EmailAddress.parse(email).orElseThrow(), password,
                Optional.ofNullable(companySlug).map(CompanySlug::new), client));
    }

    @Test
    void the_right_password_signs_the_owner_in_to_their_company_with_their_role_and_records_when() {
        h.clock().advance(Duration.ofMinutes(3));
        SignedInOwner signedIn = login("admin@acme.test", PASSWORD);

        assertThat(signedIn.principal()).isEqualTo(admin);
        assertThat(signedIn.tokenGeneration()).isZero();
        assertThat(h.store().owners().findByEmail(acme.id(), new EmailAddress("admin@acme.test")).orElseThrow()
                .lastLoginAt()).contains(h.clock().instant());
    }

    @Test
    void the_role_comes_from_the_account() {
        h.ownerOf(acme, "viewer@acme.test", Role.VIEWER);

        assertThat(login("viewer@acme.test", PASSWORD).principal().role()).isEqualTo(Role.VIEWER);
    }

    @Test
    void the_email_is_matched_case_insensitively() {
        assertThat(login(" Admin@ACME.test ", PASSWORD).principal()).isEqualTo(admin);
    }

    @Test
    void wrong_password_unknown_email_missing_or_overlong_password_invited_disabled_or_suspended_answer_alike() {
        h.owners().invite(admin, new EmailAddress("invited@acme.test"), Role.EDITOR);
        OwnerPrincipal disabled = h.ownerOf(acme, "disabled@acme.test", Role.EDITOR);
        h.owners().update(admin, ((OwnerPrincipal.Actor.Person) disabled.actor()).id(), Optional.empty(),
                Optional.of(OwnerStatus.DISABLED));
        Company globex = h.company("globex");
        h.ownerOf(globex, "boss@globex.test");
        h.tenants().update(globex.id(), Optional.empty(), Optional.of(CompanyStatus.SUSPENDED));

        List<SharingException> failures = new ArrayList<>();
        failures.add(failsWith(ErrorCode.UNAUTHENTICATED, () -> login("admin@acme.test", "wrong")));
        failures.add(failsWith(ErrorCode.UNAUTHENTICATED, () -> login("nobody@acme.test", PASSWORD)));
        failures.add(failsWith(ErrorCode.UNAUTHENTICATED, () -> login("admin@acme.test", "")));
        failures.add(failsWith(ErrorCode.UNAUTHENTICATED, () -> login("admin@acme.test", null)));
        failures.add(failsWith(ErrorCode.UNAUTHENTICATED, () -> login("admin@acme.test", PASSWORD + "x".repeat(2000))));
        failures.add(failsWith(ErrorCode.UNAUTHENTICATED, () -> login("invited@acme.test", PASSWORD)));
        failures.add(failsWith(ErrorCode.UNAUTHENTICATED, () -> login("disabled@acme.test", PASSWORD)));
        failures.add(failsWith(ErrorCode.UNAUTHENTICATED, () -> login("boss@globex.test", PASSWORD)));

        assertThat(failures).extracting(SharingException::getMessage).containsOnly(failures.get(0).getMessage());
        assertThat(failures).allSatisfy(f -> assertThat(f.details()).isEmpty());
    }

    @Test
    void an_unknown_email_or_an_invited_owner_costs_the_same_password_check_as_a_known_one() {
        h.owners().invite(admin, new EmailAddress("invited@acme.test"), Role.EDITOR);
        int before = h.hasher().comparisons();
        failsWith(ErrorCode.UNAUTHENTICATED, () -> login("admin@acme.test", "wrong"));
        int known = h.hasher().comparisons() - before;

        before = h.hasher().comparisons();
        failsWith(ErrorCode.UNAUTHENTICATED, () -> login("nobody@acme.test", "wrong"));
        int unknown = h.hasher().comparisons() - before;
        before = h.hasher().comparisons();
        failsWith(ErrorCode.UNAUTHENTICATED, () -> login("invited@acme.test", "wrong"));
        int invited = h.hasher().comparisons() - before;

        assertThat(known).isEqualTo(1);
        assertThat(unknown).isEqualTo(known);
        assertThat(invited).isEqualTo(known);
    }

    @Test
    void ten_failures_of_an_account_refuse_the_eleventh_try_even_with_the_right_password_until_the_window_ends() {
        for (int i = 0; i < 10; i++) {
            failsWith(ErrorCode.UNAUTHENTICATED, () -> login("admin@acme.test", "wrong", null, "198.51.100." + 1));
        }

        assertThatThrownBy(() -> login("admin@acme.test", PASSWORD, null, "192.0.2.99"))
                .isInstanceOfSatisfying(RateLimitedException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.RATE_LIMITED);
                    assertThat(e.retryAfter()).isPositive().isLessThanOrEqualTo(LoginThrottle.WINDOW);
                });
        int hashed = h.hasher().comparisons();
        failsWith(ErrorCode.RATE_LIMITED, () -> login("admin@acme.test", PASSWORD));
        assertThat(h.hasher().comparisons()).as("no hash while blocked").isEqualTo(hashed);

        h.clock().advance(LoginThrottle.WINDOW.plusSeconds(1));
        assertThat(login("admin@acme.test", PASSWORD).principal()).isEqualTo(admin);
    }

    @Test
    void unknown_emails_are_throttled_the_same_way() {
        for (int i = 0; i < 10; i++) {
            failsWith(ErrorCode.UNAUTHENTICATED, () -> login("nobody@acme.test", "wrong"));
        }

        failsWith(ErrorCode.RATE_LIMITED, () -> login("nobody@acme.test", "wrong"));
    }

    @Test
    void a_hundred_failures_from_one_address_refuse_it_for_every_email() {
        for (int i = 0; i < 100; i++) {
            String email = "guess" + i + "@acme.test";
            failsWith(ErrorCode.UNAUTHENTICATED, () -> login(email, "wrong", null, "198.51.100.9"));
        }

        failsWith(ErrorCode.RATE_LIMITED, () -> login("admin@acme.test", PASSWORD, null, "198.51.100.9"));
        assertThat(login("admin@acme.test", PASSWORD, null, "198.51.100.10").principal()).isEqualTo(admin);
    }

    @Test
    void an_owner_of_several_companies_names_one_and_is_asked_to_only_after_the_password_matched() {
        Company globex = h.company("globex");
        OwnerPrincipal globexEditor = h.ownerOf(globex, "admin@acme.test", Role.EDITOR);

        failsWith(ErrorCode.UNAUTHENTICATED, () -> login("admin@acme.test", "wrong"));
        SharingException ask = failsWith(ErrorCode.INVALID_REQUEST, () -> login("admin@acme.test", PASSWORD));
        assertThat(ask.details()).containsEntry("field", "company_slug").containsEntry("reason", "company_slug_required");

        assertThat(login("admin@acme.test", PASSWORD, "globex", "203.0.113.7").principal()).isEqualTo(globexEditor);
        assertThat(login("admin@acme.test", PASSWORD, "acme", "203.0.113.7").principal()).isEqualTo(admin);
        failsWith(ErrorCode.UNAUTHENTICATED, () -> login("admin@acme.test", PASSWORD, "initech", "203.0.113.7"));
    }
}
