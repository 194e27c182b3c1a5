package io.dashshare.adapter.http.support;

import static org.mockito.Mockito.reset;

import io.dashshare.adapter.http.security.OwnerTokens;
import io.dashshare.application.port.in.IssueEmbedTokenUseCase;
import io.dashshare.application.port.in.ManageCompanyUseCase;
import io.dashshare.application.port.in.ManageDashboardsUseCase;
import io.dashshare.application.port.in.ManageEmbedKeysUseCase;
import io.dashshare.application.port.in.ManagePortalSessionsUseCase;
import io.dashshare.application.port.in.ManageShareContextsUseCase;
import io.dashshare.application.port.in.ManageSharesUseCase;
import io.dashshare.application.port.in.OwnerLoginUseCase;
import io.dashshare.application.port.in.PreviewDashboardUseCase;
import io.dashshare.application.port.in.PortalLogoutUseCase;
import io.dashshare.application.port.in.RefreshPortalSessionUseCase;
import io.dashshare.application.port.in.RequestCodeUseCase;
import io.dashshare.application.port.in.VerifyCodeUseCase;
import io.dashshare.application.port.in.ViewEmbedUseCase;
import io.dashshare.application.port.in.ViewPublicShareUseCase;
import io.dashshare.application.port.in.ViewSharePortalUseCase;
import io.dashshare.application.port.in.SignedInOwner;
import io.micronaut.runtime.server.EmbeddedServer;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/** The running adapter with every use case mocked; subclasses are {@code @MicronautTest}. */
public abstract class HttpTest {

    @Inject
    protected EmbeddedServer server;
    @Inject
    protected OwnerTokens ownerTokens;
    @Inject
    protected OwnerLoginUseCase ownerLogin;
    @Inject
    protected ManageDashboardsUseCase dashboards;
    @Inject
    protected PreviewDashboardUseCase preview;
    @Inject
    protected ManageSharesUseCase shares;
    @Inject
    protected ManageShareContextsUseCase contexts;
    @Inject
    protected ManagePortalSessionsUseCase portalSessions;
    @Inject
    protected IssueEmbedTokenUseCase embedIssuer;
    @Inject
    protected ManageEmbedKeysUseCase embedKeys;
    @Inject
    protected ManageCompanyUseCase company;
    @Inject
    protected ViewPublicShareUseCase publicShares;
    @Inject
    protected RequestCodeUseCase requestCodes;
    @Inject
    protected VerifyCodeUseCase verifyCodes;
    @Inject
    protected RefreshPortalSessionUseCase refreshes;
    @Inject
    protected PortalLogoutUseCase logouts;
    @Inject
    protected ViewSharePortalUseCase portal;
    @Inject
    protected ViewEmbedUseCase embeds;

    protected Api api;

    @BeforeEach
    void startClient() {
        api = new Api(server.getURL());
    }

    @AfterEach
    void resetMocks() {
        reset(ownerLogin, dashboards, preview, shares, contexts, embedIssuer, embedKeys, company, publicShares,
                requestCodes, verifyCodes, refreshes, logouts, portal, embeds, portalSessions);
    }

    /** {@code Authorization: Bearer <a valid owner token of the demo owner>}. */
    protected String[] owner(String... more) {
        String[] all = new String[more.length + 2];
        all[0] = "Authorization";
        all[1] = Api.bearer(ownerTokens.issue(new SignedInOwner(Fixtures.OWNER, 0)).token());
        System.arraycopy(more, 0, all, 2, more.length);
        return all;
    }
}
