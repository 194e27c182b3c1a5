package io.dashshare.application.service;

import io.dashshare.application.port.in.OptionsAnswer;
import io.dashshare.application.port.in.SharedDashboard;
import io.dashshare.application.port.in.ViewPublicShareUseCase;
import io.dashshare.domain.dashboard.Dashboard;
import io.dashshare.domain.error.ErrorCode;
import io.dashshare.domain.error.SharingException;
import io.dashshare.domain.execution.DashboardResult;
import io.dashshare.domain.filter.RawValue;
import io.dashshare.domain.port.CompanyRepository;
import io.dashshare.domain.port.DashboardCatalog;
import io.dashshare.domain.port.ShareRepository;
import io.dashshare.domain.secret.SecretToken;
import io.dashshare.domain.share.Share;
import io.dashshare.domain.tenant.Company;
import java.time.Clock;
import java.util.Map;

public final class ViewPublicShareService implements ViewPublicShareUseCase {

    private final ShareRepository shares;
    private final DashboardCatalog catalog;
    private final CompanyRepository companies;
    private final DashboardRunner runner;
    private final Clock clock;

    public ViewPublicShareService(ShareRepository shares, DashboardCatalog catalog, CompanyRepository companies,
                                  DashboardRunner runner, Clock clock) {
        this.shares = shares;
        this.catalog = catalog;
        this.companies = companies;
        this.runner = runner;
        this.clock = clock;
    }

    @Override
    public SharedDashboard resolve(String token) {
        Access access = open(token);
        return new SharedDashboard(access.company(), access.dashboard(),
                runner.filters(access.dashboard(), access.share().accessRules()));
    }

    @Override
    public DashboardResult execute(String token, Map<String, RawValue> parameters) {
        Access access = open(token);
        return runner.execute(access.dashboard(), access.share().accessRules(), parameters,
                DashboardRunner.Quota.perShare(runner.settings(), access.share().id()));
    }

    @Override
    public OptionsAnswer options(String token, String filterSlug, String search) {
        Access access = open(token);
        return runner.options(access.dashboard(), access.share().accessRules(), filterSlug, search,
                DashboardRunner.Quota.perShare(runner.settings(), access.share().id()));
    }

    /** Unknown, revoked, expired and rotated-away tokens look exactly alike to the caller. */
    private Access open(String token) {
        if (!SecretToken.hasTokenShape(token)) {
            throw SharingException.tokenInvalid();
        }
        Share share = shares.findByTokenHash(SecretToken.hashOfPresented(token))
                .filter(s -> s.isLive(clock.instant()))
                .orElseThrow(SharingException::tokenInvalid);
        Company company = companies.findById(share.companyId()).orElseThrow(SharingException::tokenInvalid);
        if (share.requiresPortalLogin()) {
            throw new SharingException(ErrorCode.AUTH_REQUIRED,
                    "This dashboard is shared with approved emails only: log in to the share portal.",
                    Map.of("company_slug", company.slug().value()));
        }
        Dashboard dashboard = catalog.findById(share.companyId(), share.dashboardId())
                .orElseThrow(SharingException::tokenInvalid);
        return new Access(company, share, dashboard);
    }

    private record Access(Company company, Share share, Dashboard dashboard) {
    }
}
