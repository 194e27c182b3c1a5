package io.dashshare.application.service;

import io.dashshare.application.port.in.PortalTokens;
import io.dashshare.application.port.in.RefreshPortalSessionUseCase;
import io.dashshare.domain.context.ShareContext;
import io.dashshare.domain.error.SharingException;
import io.dashshare.domain.port.CompanyRepository;
import io.dashshare.domain.port.ShareContextRepository;
import io.dashshare.domain.port.ShareSessionRepository;
import io.dashshare.domain.port.UnitOfWork;
import io.dashshare.domain.portal.RefreshOutcome;
import io.dashshare.domain.portal.ShareSession;
import io.dashshare.domain.secret.SecretToken;
import io.dashshare.domain.tenant.Company;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * Refresh tokens rotate on every use, and a replayed one revokes its whole session
 * (docs/tokens.md): a stolen token and its owner cannot both keep going.
 */
public final class RefreshPortalSessionService implements RefreshPortalSessionUseCase {

    private static final System.Logger LOG = System.getLogger(RefreshPortalSessionService.class.getName());

    private final CompanyRepository companies;
    private final ShareContextRepository contexts;
    private final ShareSessionRepository sessions;
    private final PortalSessions portalSessions;
    private final UnitOfWork unitOfWork;
    private final Clock clock;

    public RefreshPortalSessionService(CompanyRepository companies, ShareContextRepository contexts,
                                       ShareSessionRepository sessions, PortalSessions portalSessions,
                                       UnitOfWork unitOfWork, Clock clock) {
        this.unitOfWork = unitOfWork;
        this.companies = companies;
        this.contexts = contexts;
        this.sessions = sessions;
        this.portalSessions = portalSessions;
        this.clock = clock;
    }

    @Override
    public PortalTokens refresh(String refreshToken) {
        if (!SecretToken.hasTokenShape(refreshToken)) {
            throw SharingException.tokenInvalid();
        }
        Instant now = clock.instant();
        RefreshOutcome outcome = unitOfWork.inTransaction(() -> {
            RefreshOutcome spent = sessions.spendRefreshToken(SecretToken.hashOfPresented(refreshToken), now);
            if (spent instanceof RefreshOutcome.Rotated rotated
                    && companies.findById(rotated.session().companyId()).filter(Company::isActive).isEmpty()) {
                // Undoes the spend: re-activating the company restores the session (docs/api.md, operator).
                throw SharingException.tokenInvalid();
            }
            return spent;
        });
        if (outcome instanceof RefreshOutcome.Replayed replayed) {
            sessions.revoke(replayed.session().id(), now);
            LOG.log(System.Logger.Level.WARNING, "refresh token replayed: session {0} revoked",
                    replayed.session().id());
            throw SharingException.tokenInvalid();
        }
        if (!(outcome instanceof RefreshOutcome.Rotated rotated) || !rotated.session().isActive(now)) {
            throw SharingException.tokenInvalid();
        }
        ShareSession session = rotated.session();
        Company company = companies.findById(session.companyId()).orElseThrow(SharingException::tokenInvalid);
        List<ShareContext> memberOf = contexts.contextsOf(company.id(), session.email(), now);
        if (memberOf.isEmpty()) {
            sessions.revoke(session.id(), now);
            throw SharingException.tokenInvalid();
        }
        sessions.markSeen(session.id(), now);
        return portalSessions.tokens(session, company, memberOf, now);
    }
}
