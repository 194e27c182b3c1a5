package io.dashshare.application.service;

import io.dashshare.domain.audit.AuditType;
import io.dashshare.domain.tenant.Permission;
import io.dashshare.application.port.in.CreatedEmbedKey;
import io.dashshare.application.port.in.ManageEmbedKeysUseCase;
import io.dashshare.application.port.in.OwnerPrincipal;
import io.dashshare.domain.dashboard.Dashboard;
import io.dashshare.domain.dashboard.DashboardId;
import io.dashshare.domain.embed.EmbedKey;
import io.dashshare.domain.embed.EmbedKeyId;
import io.dashshare.domain.error.SharingException;
import io.dashshare.domain.port.DashboardCatalog;
import io.dashshare.domain.port.EmbedKeyRepository;
import io.dashshare.domain.port.UnitOfWork;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

public final class ManageEmbedKeysService implements ManageEmbedKeysUseCase {

    private final EmbedKeyRepository keys;
    private final EmbedKeyRing keyRing;
    private final DashboardCatalog catalog;
    private final UnitOfWork unitOfWork;
    private final Clock clock;
    private final Audit audit;

    public ManageEmbedKeysService(EmbedKeyRepository keys, EmbedKeyRing keyRing, DashboardCatalog catalog,
                                  UnitOfWork unitOfWork, Clock clock, Audit audit) {
        this.keys = keys;
        this.keyRing = keyRing;
        this.catalog = catalog;
        this.unitOfWork = unitOfWork;
        this.clock = clock;
        this.audit = audit;
    }

    @Override
    public List<EmbedKey> list(OwnerPrincipal owner) {
        owner.require(Permission.READ);
        return keys.list(owner.companyId()).stream().sorted(Comparator.comparing(EmbedKey::createdAt)).toList();
    }

    @Override
    public CreatedEmbedKey create(OwnerPrincipal owner) {
        owner.require(Permission.MANAGE_EMBED_KEYS);
        EmbedKey key = unitOfWork.inTransaction(() -> keyRing.newKey(owner.companyId()));
        audit.owner(AuditType.EMBED_KEY_CREATED, owner).detail("kid", key.id().value()).ok();
        return new CreatedEmbedKey(key, Base64.getUrlEncoder().withoutPadding().encodeToString(key.secret()));
    }

    @Override
    public EmbedKey retire(OwnerPrincipal owner, EmbedKeyId keyId) {
        owner.require(Permission.MANAGE_EMBED_KEYS);
        EmbedKey done = unitOfWork.inTransaction(() -> {
            EmbedKey key = keys.find(keyId).filter(k -> k.companyId().equals(owner.companyId()))
                    .orElseThrow(() -> SharingException.notFound("Embed key"));
            EmbedKey retired = key.retire(clock.instant());
            keys.save(retired);
            return retired;
        });
        audit.owner(AuditType.EMBED_KEY_RETIRED, owner).detail("kid", done.id().value()).ok();
        return done;
    }

    @Override
    public Dashboard refuseTokensIssuedBefore(OwnerPrincipal owner, DashboardId dashboard, Optional<Instant> cutoff) {
        owner.require(Permission.ISSUE_EMBED_TOKENS);
        Instant now = clock.instant();
        Instant before = cutoff.orElse(now);
        Dashboard done = unitOfWork.inTransaction(() -> {
            Dashboard updated = Lookups.dashboard(catalog, owner.companyId(), dashboard)
                    .refuseEmbedTokensIssuedBefore(before, now);
            catalog.save(updated);
            return updated;
        });
        audit.owner(AuditType.EMBED_TOKENS_REVOKED, owner).dashboard(dashboard)
                .detail("issued_before", before.toString()).ok();
        return done;
    }
}
