package io.dashshare.application.service;

import io.dashshare.domain.common.EmailAddress;
import static io.dashshare.application.testing.SharingAssertions.failsWith;
import static org.assertj.core.api.Assertions.assertThat;

import io.dashshare.application.port.in.OwnerPrincipal;
import io.dashshare.application.testing.SharingHarness;
import io.dashshare.domain.error.ErrorCode;
import io.dashshare.domain.error.SharingException;
import io.dashshare.domain.tenant.Company;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class OwnerLoginServiceTest {

    private SharingHarness h;
    private Company acme;
    private OwnerPrincipal admin;

    @BeforeEach
    void setUp() {
        h = SharingHarness.create();
        acme = h.company("acme");
        admin = h.ownerOf(acme, "admin@acme.test");
    }

    @Test
    void the_right_password_logs_the_owner_in_to_their_company() {
        OwnerPrincipal principal = h.ownerLogin().login(email("admin@acme.test"), SharingHarness.OWNER_PASSWORD);

        assertThat(principal).isEqualTo(admin);
        assertThat(principal.companyId()).isEqualTo(acme.id());
    }

    @Test
    void the_email_is_matched_case_insensitively() {
        assertThat(h.ownerLogin().login(email(" Admin@ACME.test "), SharingHarness.OWNER_PASSWORD)).isEqualTo(admin);
    }

    @Test
    void wrong_password_unknown_email_and_a_missing_or_overlong_password_are_unauthenticated_alike() {
        List<SharingException> failures = new ArrayList<>();
        failures.add(failsWith(ErrorCode.UNAUTHENTICATED, () -> h.ownerLogin().login(email("admin@acme.test"), "wrong")));
        failures.add(failsWith(ErrorCode.UNAUTHENTICATED,
                () -> h.ownerLogin().login(email("nobody@acme.test"), SharingHarness.OWNER_PASSWORD)));
        failures.add(failsWith(ErrorCode.UNAUTHENTICATED, () -> h.ownerLogin().login(email("admin@acme.test"), "")));
        failures.add(failsWith(ErrorCode.UNAUTHENTICATED, () -> h.ownerLogin().login(email("admin@acme.test"), null)));
        failures.add(failsWith(ErrorCode.UNAUTHENTICATED,
                () -> h.ownerLogin().login(email("admin@acme.test"), SharingHarness.OWNER_PASSWORD + "x".repeat(2000))));

        assertThat(failures).extracting(SharingException::getMessage).containsOnly(failures.get(0).getMessage());
        assertThat(failures).allSatisfy(f -> assertThat(f.details()).isEmpty());
    }

    @Test
    void an_unknown_email_costs_the_same_password_check_as_a_known_one() {
        int before = h.hasher().comparisons();
        failsWith(ErrorCode.UNAUTHENTICATED, () -> h.ownerLogin().login(email("admin@acme.test"), "wrong"));
        int known = h.hasher().comparisons() - before;

        before = h.hasher().comparisons();
        failsWith(ErrorCode.UNAUTHENTICATED, () -> h.ownerLogin().login(email("nobody@acme.test"), "wrong"));
        int unknown = h.hasher().comparisons() - before;

        assertThat(known).isEqualTo(1);
        assertThat(unknown).isEqualTo(known);
    }

    /** As the adapter parses the login body's email. */
    private static EmailAddress email(String raw) {
        return EmailAddress.parse(raw).orElseThrow();
    }
}
