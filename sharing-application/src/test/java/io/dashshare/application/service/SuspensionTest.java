package io.dashshare.application.service;

import static io.dashshare.application.testing.SharingAssertions.failsWith;
import static org.assertj.core.api.Assertions.assertThat;

import io.dashshare.application.port.in.CreatedShare;
import io.dashshare.application.port.in.OwnerPrincipal;
import io.dashshare.application.port.in.PortalTokens;
import io.dashshare.application.testing.SharingHarness;
import io.dashshare.domain.context.ShareContext;
import io.dashshare.domain.dashboard.Dashboard;
import io.dashshare.domain.error.ErrorCode;
import io.dashshare.domain.tenant.Company;
import io.dashshare.domain.tenant.CompanyStatus;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A suspended company is refused everywhere at once; re-activating restores it (docs/api.md, operator). */
class SuspensionTest {

    private SharingHarness h;
    private Company acme;
    private OwnerPrincipal admin;
    private Dashboard dashboard;

    @BeforeEach
    void setUp() {
        h = SharingHarness.create();
        acme = h.company("acme");
        admin = h.ownerOf(acme, "admin@acme.test");
        dashboard = h.salesDashboard(acme);
    }

    private void suspend() {
        h.tenants().update(acme.id(), Optional.empty(), Optional.of(CompanyStatus.SUSPENDED));
    }

    private void reactivate() {
        h.tenants().update(acme.id(), Optional.empty(), Optional.of(CompanyStatus.ACTIVE));
    }

    @Test
    void public_links_are_token_invalid_while_suspended() {
        CreatedShare share = h.publicShare(admin, dashboard);
        assertThat(h.publicShares().resolve(share.token()).dashboard()).isEqualTo(dashboard);

        suspend();
        failsWith(ErrorCode.TOKEN_INVALID, () -> h.publicShares().resolve(share.token()));

        reactivate();
        assertThat(h.publicShares().resolve(share.token()).dashboard()).isEqualTo(dashboard);
    }

    @Test
    void portal_sessions_and_refreshes_are_token_invalid_and_code_requests_send_nothing() {
        ShareContext context = h.context(admin, "Customers");
        h.member(admin, context, "ext@customer.test");
        h.portalShare(admin, dashboard, context);
        PortalTokens tokens = h.login("acme", "ext@customer.test");
        int mails = h.mailer().sent().size();

        suspend();
        failsWith(ErrorCode.TOKEN_INVALID, () -> h.viewer("acme", tokens));
        failsWith(ErrorCode.TOKEN_INVALID, () -> h.refreshSessions().refresh(tokens.refreshToken()));
        h.requestCode("acme", "ext@customer.test");
        assertThat(h.mailer().sent()).hasSize(mails);

        reactivate();
        assertThat(h.viewer("acme", tokens).company().id()).isEqualTo(acme.id());
    }
}
