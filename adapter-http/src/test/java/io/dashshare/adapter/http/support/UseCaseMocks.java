package io.dashshare.adapter.http.support;

import static org.mockito.Mockito.mock;

import io.dashshare.application.port.in.AcceptInviteUseCase;
import io.dashshare.application.port.in.AuthenticateOwnerUseCase;
import io.dashshare.application.port.in.IssueEmbedTokenUseCase;
import io.dashshare.application.port.in.ManageApiKeysUseCase;
import io.dashshare.application.port.in.ManageOwnersUseCase;
import io.dashshare.application.port.in.ManageTenantsUseCase;
import io.dashshare.application.port.in.OwnerSelfUseCase;
import io.dashshare.application.port.in.ManageCompanyUseCase;
import io.dashshare.application.port.in.ManageDashboardsUseCase;
import io.dashshare.application.port.in.ManageEmbedKeysUseCase;
import io.dashshare.application.port.in.ManagePortalSessionsUseCase;
import io.dashshare.application.port.in.ManageShareContextsUseCase;
import io.dashshare.application.port.in.ManageSharesUseCase;
import io.dashshare.application.port.in.ReadAuditUseCase;
import io.dashshare.application.port.in.ShareStatisticsUseCase;
import io.dashshare.application.port.in.OwnerLoginUseCase;
import io.dashshare.application.port.in.PreviewDashboardUseCase;
import io.dashshare.application.port.in.PortalLogoutUseCase;
import io.dashshare.application.port.in.RefreshPortalSessionUseCase;
import io.dashshare.application.port.in.RequestCodeUseCase;
import io.dashshare.application.port.in.VerifyCodeUseCase;
import io.dashshare.application.port.in.ViewEmbedUseCase;
import io.dashshare.application.port.in.ViewPublicShareUseCase;
import io.dashshare.application.port.in.ViewSharePortalUseCase;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;

/** Every driving port the adapter uses, as a Mockito mock (bootstrap wires the real services). */
@Factory
public class UseCaseMocks {

    @Singleton
    OwnerLoginUseCase ownerLogin() {
        return mock(OwnerLoginUseCase.class);
    }

    @Singleton
    ManageDashboardsUseCase dashboards() {
        return mock(ManageDashboardsUseCase.class);
    }

    @Singleton
    PreviewDashboardUseCase preview() {
        return mock(PreviewDashboardUseCase.class);
    }

    @Singleton
    ManageSharesUseCase shares() {
        return mock(ManageSharesUseCase.class);
    }

    @Singleton
    ManageShareContextsUseCase contexts() {
        return mock(ManageShareContextsUseCase.class);
    }

    @Singleton
    ShareStatisticsUseCase shareStatistics() {
        return mock(ShareStatisticsUseCase.class);
    }

    @Singleton
    ReadAuditUseCase audit() {
        return mock(ReadAuditUseCase.class);
    }

    @Singleton
    ManagePortalSessionsUseCase portalSessions() {
        return mock(ManagePortalSessionsUseCase.class);
    }

    @Singleton
    IssueEmbedTokenUseCase embedIssuer() {
        return mock(IssueEmbedTokenUseCase.class);
    }

    @Singleton
    ManageEmbedKeysUseCase embedKeys() {
        return mock(ManageEmbedKeysUseCase.class);
    }

    @Singleton
    ManageCompanyUseCase company() {
        return mock(ManageCompanyUseCase.class);
    }

    @Singleton
    ViewPublicShareUseCase publicShares() {
        return mock(ViewPublicShareUseCase.class);
    }

    @Singleton
    RequestCodeUseCase requestCodes() {
        return mock(RequestCodeUseCase.class);
    }

    @Singleton
    VerifyCodeUseCase verifyCodes() {
        return mock(VerifyCodeUseCase.class);
    }

    @Singleton
    RefreshPortalSessionUseCase refreshes() {
        return mock(RefreshPortalSessionUseCase.class);
    }

    @Singleton
    PortalLogoutUseCase logouts() {
        return mock(PortalLogoutUseCase.class);
    }

    @Singleton
    ViewSharePortalUseCase portal() {
        return mock(ViewSharePortalUseCase.class);
    }

    @Singleton
    ViewEmbedUseCase embeds() {
        return mock(ViewEmbedUseCase.class);
    }

    @Singleton
    AcceptInviteUseCase acceptInvite() {
        return mock(AcceptInviteUseCase.class);
    }

    @Singleton
    OwnerSelfUseCase ownerSelf() {
        return mock(OwnerSelfUseCase.class);
    }

    @Singleton
    ManageOwnersUseCase manageOwners() {
        return mock(ManageOwnersUseCase.class);
    }

    @Singleton
    ManageApiKeysUseCase manageApiKeys() {
        return mock(ManageApiKeysUseCase.class);
    }

    @Singleton
    ManageTenantsUseCase manageTenants() {
        return mock(ManageTenantsUseCase.class);
    }

    /** Not a mock: the fixed owner and API key of {@link Fixtures}, so every owner route has a principal. */
    @Singleton
    AuthenticateOwnerUseCase authenticateOwner() {
        return new FixedOwners();
    }
}
