package io.dashshare.application.service;

import io.dashshare.application.port.in.OptionsAnswer;
import io.dashshare.application.port.in.SharedDashboard;
import io.dashshare.application.port.in.ViewEmbedUseCase;
import io.dashshare.domain.error.SharingException;
import io.dashshare.domain.execution.DashboardResult;
import io.dashshare.domain.filter.AccessRules;
import io.dashshare.domain.filter.RawValue;
import io.dashshare.domain.tenant.EmbedOrigin;
import java.util.List;
import java.util.Map;

public final class ViewEmbedService implements ViewEmbedUseCase {

    private final EmbedTokens tokens;
    private final DashboardRunner runner;

    public ViewEmbedService(EmbedTokens tokens, DashboardRunner runner) {
        this.tokens = tokens;
        this.runner = runner;
    }

    @Override
    public SharedDashboard info(String token) {
        EmbedTokens.Verified verified = tokens.verify(token);
        return new SharedDashboard(verified.company(), verified.dashboard(),
                runner.filters(verified.dashboard(), rules(verified)));
    }

    @Override
    public DashboardResult execute(String token, Map<String, RawValue> parameters) {
        EmbedTokens.Verified verified = tokens.verify(token);
        return runner.execute(verified.dashboard(), rules(verified), parameters,
                DashboardRunner.Quota.perEmbedDashboard(runner.settings(), verified.dashboard().id()));
    }

    @Override
    public OptionsAnswer options(String token, String filterSlug, String search) {
        EmbedTokens.Verified verified = tokens.verify(token);
        return runner.options(verified.dashboard(), rules(verified), filterSlug, search,
                DashboardRunner.Quota.perEmbedDashboard(runner.settings(), verified.dashboard().id()));
    }

    @Override
    public List<EmbedOrigin> frameAncestors(String token) {
        try {
            return tokens.verify(token).company().embedOrigins();
        } catch (SharingException e) {
            return List.of();
        }
    }

    private static AccessRules rules(EmbedTokens.Verified verified) {
        return verified.claims().rulesFor(verified.dashboard().definition());
    }
}
