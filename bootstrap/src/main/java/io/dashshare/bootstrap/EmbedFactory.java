package io.dashshare.bootstrap;

import io.dashshare.application.service.Audit;
import io.dashshare.application.port.in.IssueEmbedTokenUseCase;
import io.dashshare.application.port.in.ManageEmbedKeysUseCase;
import io.dashshare.application.port.in.ViewEmbedUseCase;
import io.dashshare.application.service.DashboardRunner;
import io.dashshare.application.service.EmbedKeyRing;
import io.dashshare.application.service.EmbedTokens;
import io.dashshare.application.service.InspectEmbedTokenService;
import io.dashshare.application.port.in.InspectEmbedTokenUseCase;
import io.dashshare.application.service.ExecutionQuotas;
import io.dashshare.application.service.FilterOptionsRunner;
import io.dashshare.application.service.IssueEmbedTokenService;
import io.dashshare.application.service.ManageEmbedKeysService;
import io.dashshare.application.service.SharingSettings;
import io.dashshare.application.service.ViewEmbedService;
import io.dashshare.domain.port.CompanyRepository;
import io.dashshare.domain.port.DashboardCatalog;
import io.dashshare.domain.port.EmbedKeyRepository;
import io.dashshare.domain.port.RandomSource;
import io.dashshare.domain.port.TokenSigner;
import io.dashshare.domain.port.UnitOfWork;
import io.dashshare.domain.port.ViewerLookups;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;
import java.time.Clock;

/** The embed flow's wiring: keys, tokens minted and verified, and the embed views (docs/embedding.md). */
@Factory
public class EmbedFactory {

    @Singleton
    EmbedKeyRing embedKeyRing(EmbedKeyRepository keys, RandomSource random, Clock clock) {
        return new EmbedKeyRing(keys, random, clock);
    }

    @Singleton
    EmbedTokens embedTokens(TokenSigner signer, ViewerLookups lookups, Clock clock, SharingSettings settings) {
        return new EmbedTokens(signer, lookups, clock, settings);
    }

    @Singleton
    IssueEmbedTokenUseCase issueEmbedToken(DashboardCatalog catalog, CompanyRepository companies, EmbedKeyRing keyRing,
                                           EmbedTokens tokens, RandomSource random, Clock clock,
                                           SharingSettings settings, Audit audit) {
        return new IssueEmbedTokenService(catalog, companies, keyRing, tokens, random, clock, settings, audit);
    }

    @Singleton
    InspectEmbedTokenUseCase inspectEmbedToken(EmbedTokens tokens, TokenSigner signer) {
        return new InspectEmbedTokenService(tokens, signer);
    }

    @Singleton
    ManageEmbedKeysUseCase manageEmbedKeys(EmbedKeyRepository keys, EmbedKeyRing keyRing, DashboardCatalog catalog,
                                           UnitOfWork unitOfWork, Clock clock, Audit audit) {
        return new ManageEmbedKeysService(keys, keyRing, catalog, unitOfWork, clock, audit);
    }

    @Singleton
    ViewEmbedUseCase viewEmbed(EmbedTokens tokens, DashboardRunner runner, FilterOptionsRunner options,
                               ExecutionQuotas quotas, Audit audit) {
        return new ViewEmbedService(tokens, runner, options, quotas, audit);
    }
}
