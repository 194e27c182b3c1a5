package io.dashshare.adapter.persistence;

import io.dashshare.domain.tenant.ApiKey;
import io.dashshare.domain.tenant.OwnerInvite;

import static io.dashshare.adapter.persistence.Times.column;
import static io.dashshare.adapter.persistence.Times.instant;

import io.dashshare.adapter.persistence.jooq.tables.records.ApiKeysRecord;
import io.dashshare.adapter.persistence.jooq.tables.records.CompaniesRecord;
import io.dashshare.adapter.persistence.jooq.tables.records.OwnerInvitesRecord;
import io.dashshare.adapter.persistence.jooq.tables.records.DashboardsRecord;
import io.dashshare.adapter.persistence.jooq.tables.records.EmbedKeysRecord;
import io.dashshare.adapter.persistence.jooq.tables.records.MailOutboxRecord;
import io.dashshare.adapter.persistence.jooq.tables.records.OtpChallengesRecord;
import io.dashshare.adapter.persistence.jooq.tables.records.OwnerAccountsRecord;
import io.dashshare.adapter.persistence.jooq.tables.records.ShareContextMembersRecord;
import io.dashshare.adapter.persistence.jooq.tables.records.ShareContextsRecord;
import io.dashshare.adapter.persistence.jooq.tables.records.ShareSessionsRecord;
import io.dashshare.adapter.persistence.jooq.tables.records.SharesRecord;
import io.dashshare.domain.common.EmailAddress;
import io.dashshare.domain.common.EmailDomain;
import io.dashshare.domain.mail.MailKind;
import io.dashshare.domain.mail.OutboxMail;
import io.dashshare.domain.mail.OutboxMailId;
import io.dashshare.domain.context.Member;
import io.dashshare.domain.context.MemberId;
import io.dashshare.domain.context.MemberType;
import io.dashshare.domain.context.ShareContext;
import io.dashshare.domain.context.ShareContextId;
import io.dashshare.domain.dashboard.Dashboard;
import io.dashshare.domain.dashboard.DashboardDefinition;
import io.dashshare.domain.dashboard.DashboardId;
import io.dashshare.domain.embed.EmbedKey;
import io.dashshare.domain.embed.EmbedKeyId;
import io.dashshare.domain.portal.OtpChallenge;
import io.dashshare.domain.portal.OtpChallengeId;
import io.dashshare.domain.portal.SessionId;
import io.dashshare.domain.portal.ShareSession;
import io.dashshare.domain.secret.TokenHash;
import io.dashshare.domain.share.Share;
import io.dashshare.domain.share.ShareId;
import io.dashshare.domain.share.ShareType;
import io.dashshare.domain.tenant.Company;
import io.dashshare.domain.tenant.ApiKeyId;
import io.dashshare.domain.tenant.CompanyId;
import io.dashshare.domain.tenant.CompanyStatus;
import io.dashshare.domain.tenant.OwnerStatus;
import io.dashshare.domain.tenant.Role;
import io.dashshare.domain.tenant.CompanySlug;
import io.dashshare.domain.tenant.EmbedOrigin;
import io.dashshare.domain.tenant.OwnerAccount;
import io.dashshare.domain.tenant.OwnerId;
import java.util.Arrays;
import java.util.Optional;

/**
 * Explicit mapping between generated records and domain objects, both ways. Reading goes
 * through each aggregate's {@code rehydrate} (or record constructor), so a row that breaks a
 * domain rule fails loudly here instead of travelling on.
 */
final class RecordMappers {

    private RecordMappers() {
    }

    static CompaniesRecord record(Company c) {
        return new CompaniesRecord(c.id().value(), c.slug().value(), c.name(),
                c.embedOrigins().stream().map(EmbedOrigin::value).toArray(String[]::new), c.status().wire(),
                column(c.createdAt()));
    }

    static Company company(CompaniesRecord r) {
        return new Company(new CompanyId(r.getId()), new CompanySlug(r.getSlug()), r.getName(),
                Arrays.stream(r.getEmbedOrigins()).map(EmbedOrigin::new).toList(),
                CompanyStatus.fromWire(r.getStatus()).orElseThrow(), instant(r.getCreatedAt()));
    }

    static OwnerAccountsRecord record(OwnerAccount a) {
        return new OwnerAccountsRecord(a.id().value(), a.companyId().value(), a.email().value(),
                a.passwordHash().orElse(null), a.role().wire(), a.status().wire(), column(a.createdAt()),
                column(a.lastLoginAt().orElse(null)), a.tokenGeneration(), a.keptTokenId().orElse(null));
    }

    static OwnerAccount owner(OwnerAccountsRecord r) {
        return new OwnerAccount(new OwnerId(r.getId()), new CompanyId(r.getCompanyId()), new EmailAddress(r.getEmail()),
                Optional.ofNullable(r.getPasswordHash()), Role.fromWire(r.getRole()).orElseThrow(),
                OwnerStatus.fromWire(r.getStatus()).orElseThrow(), instant(r.getCreatedAt()),
                Optional.ofNullable(instant(r.getLastLoginAt())), r.getTokenGeneration(),
                Optional.ofNullable(r.getKeptTokenId()));
    }

    static ApiKeysRecord record(ApiKey k) {
        return new ApiKeysRecord(k.id().value(), k.companyId().value(), k.name(), k.role().wire(), k.hash().hex(),
                k.prefix(), column(k.createdAt()), column(k.expiresAt().orElse(null)),
                column(k.lastUsedAt().orElse(null)), column(k.revokedAt().orElse(null)));
    }

    static ApiKey apiKey(ApiKeysRecord r) {
        return new ApiKey(new ApiKeyId(r.getId()), new CompanyId(r.getCompanyId()), r.getName(),
                Role.fromWire(r.getRole()).orElseThrow(), new TokenHash(r.getKeyHash()), r.getPrefix(),
                instant(r.getCreatedAt()), Optional.ofNullable(instant(r.getExpiresAt())),
                Optional.ofNullable(instant(r.getLastUsedAt())), Optional.ofNullable(instant(r.getRevokedAt())));
    }

    static OwnerInvitesRecord record(OwnerInvite i) {
        return new OwnerInvitesRecord(i.hash().hex(), i.ownerId().value(), i.companyId().value(), column(i.createdAt()),
                column(i.expiresAt()), column(i.usedAt().orElse(null)));
    }

    static OwnerInvite invite(OwnerInvitesRecord r) {
        return new OwnerInvite(new TokenHash(r.getTokenHash()), new OwnerId(r.getOwnerId()),
                new CompanyId(r.getCompanyId()), instant(r.getCreatedAt()), instant(r.getExpiresAt()),
                Optional.ofNullable(instant(r.getUsedAt())));
    }

    static DashboardsRecord record(Dashboard d) {
        DashboardDefinition def = d.definition();
        return new DashboardsRecord(d.id().value(), d.companyId().value(), def.slug().value(), def.name(),
                def.description(), def.dataSource().value(), DashboardJsonCodec.definitionBody(def), d.version(),
                column(d.createdAt()), column(d.updatedAt()), column(d.embedTokensNotBefore().orElse(null)));
    }

    static Dashboard dashboard(DashboardsRecord r) {
        DashboardDefinition def = DashboardJsonCodec.definition(r.getSlug(), r.getName(), r.getDescription(),
                r.getDataSource(), r.getDefinition());
        return Dashboard.rehydrate(new DashboardId(r.getId()), new CompanyId(r.getCompanyId()), def, r.getVersion(),
                instant(r.getCreatedAt()), instant(r.getUpdatedAt()), instant(r.getEmbedTokensNotBefore()));
    }

    static SharesRecord record(Share s) {
        return new SharesRecord(s.id().value(), s.companyId().value(), s.dashboardId().value(), s.name(),
                s.type().wire(), s.contextId().map(ShareContextId::value).orElse(null),
                DashboardJsonCodec.policies(s.policies()), s.tokenHash().hex(), column(s.expiresAt().orElse(null)),
                column(s.revokedAt().orElse(null)), column(s.createdAt()), column(s.updatedAt()), s.downloads());
    }

    static Share share(SharesRecord r) {
        ShareType type = ShareType.fromWire(r.getShareType())
                .orElseThrow(() -> new IllegalStateException("unknown share_type " + r.getShareType()));
        return Share.rehydrate(new ShareId(r.getId()), new CompanyId(r.getCompanyId()), new DashboardId(r.getDashboardId()),
                r.getName(), type, r.getContextId() == null ? null : new ShareContextId(r.getContextId()),
                DashboardJsonCodec.policies(r.getPolicies()), r.getDownloads(), new TokenHash(r.getTokenHash()),
                instant(r.getExpiresAt()), instant(r.getRevokedAt()), instant(r.getCreatedAt()),
                instant(r.getUpdatedAt()));
    }

    static ShareContextsRecord record(ShareContext c) {
        return new ShareContextsRecord(c.id().value(), c.companyId().value(), c.name(), c.description(),
                column(c.createdAt()));
    }

    static ShareContext context(ShareContextsRecord r) {
        return new ShareContext(new ShareContextId(r.getId()), new CompanyId(r.getCompanyId()), r.getName(),
                r.getDescription(), instant(r.getCreatedAt()));
    }

    static ShareContextMembersRecord record(Member m) {
        ShareContextMembersRecord r = new ShareContextMembersRecord();
        r.setId(m.id().value());
        r.setContextId(m.contextId().value());
        r.setMemberType(m.type().wire());
        if (m.admits() instanceof Member.Admits.Address a) {
            r.setEmail(a.email().value());
        } else if (m.admits() instanceof Member.Admits.Domain d) {
            r.setDomain(d.domain().value());
        }
        r.setCreatedAt(column(m.createdAt()));
        r.setExpiresAt(column(m.expiresAt().orElse(null)));
        return r;
    }

    static Member member(ShareContextMembersRecord r) {
        MemberType type = MemberType.fromWire(r.getMemberType())
                .orElseThrow(() -> new IllegalStateException("unknown member_type " + r.getMemberType()));
        Member.Admits admits = switch (type) {
            case EXTERNAL_EMAIL -> new Member.Admits.Address(new EmailAddress(r.getEmail()));
            case EMAIL_DOMAIN -> new Member.Admits.Domain(new EmailDomain(r.getDomain()));
        };
        return new Member(new MemberId(r.getId()), new ShareContextId(r.getContextId()), admits,
                instant(r.getCreatedAt()), Optional.ofNullable(instant(r.getExpiresAt())));
    }

    static OtpChallengesRecord record(OtpChallenge c) {
        return new OtpChallengesRecord(c.id().value(), c.companyId().value(), c.email().value(), c.codeHash(),
                column(c.createdAt()), column(c.expiresAt()), c.failedAttempts(), column(c.consumedAt().orElse(null)));
    }

    static OtpChallenge challenge(OtpChallengesRecord r) {
        return OtpChallenge.rehydrate(new OtpChallengeId(r.getId()), new CompanyId(r.getCompanyId()),
                new EmailAddress(r.getEmail()), r.getCodeHash(), instant(r.getCreatedAt()), instant(r.getExpiresAt()),
                r.getFailedAttempts(), instant(r.getConsumedAt()));
    }

    static ShareSessionsRecord record(ShareSession s) {
        ShareSessionsRecord r = new ShareSessionsRecord();
        r.setId(s.id().value());
        r.setCompanyId(s.companyId().value());
        r.setEmail(s.email().value());
        r.setCreatedAt(column(s.createdAt()));
        r.setLastSeenAt(column(s.lastSeenAt()));
        r.setExpiresAt(column(s.expiresAt()));
        r.setRevokedAt(column(s.revokedAt().orElse(null)));
        return r;
    }

    static ShareSession session(ShareSessionsRecord r) {
        return new ShareSession(new SessionId(r.getId()), new CompanyId(r.getCompanyId()), new EmailAddress(r.getEmail()),
                instant(r.getCreatedAt()), instant(r.getLastSeenAt()), instant(r.getExpiresAt()),
                Optional.ofNullable(instant(r.getRevokedAt())));
    }

    static MailOutboxRecord record(OutboxMail m) {
        MailOutboxRecord r = new MailOutboxRecord();
        r.setId(m.id().value());
        r.setKind(m.kind().wire());
        r.setRecipient(m.recipient().value());
        r.setTopic(m.topic());
        r.setSealedBody(m.sealedBody());
        r.setCreatedAt(column(m.createdAt()));
        r.setDeadline(column(m.deadline()));
        r.setAttempts(m.attempts());
        r.setNextAttemptAt(column(m.nextAttemptAt()));
        return r;
    }

    static OutboxMail outboxMail(MailOutboxRecord r) {
        MailKind kind = MailKind.fromWire(r.getKind())
                .orElseThrow(() -> new IllegalStateException("unknown mail kind " + r.getKind()));
        return OutboxMail.rehydrate(new OutboxMailId(r.getId()), kind, new EmailAddress(r.getRecipient()), r.getTopic(),
                r.getSealedBody(), instant(r.getCreatedAt()), instant(r.getDeadline()), r.getAttempts(),
                instant(r.getNextAttemptAt()));
    }

    static EmbedKeysRecord record(EmbedKey k) {
        return new EmbedKeysRecord(k.id().value(), k.companyId().value(), k.secret(), column(k.createdAt()),
                column(k.retiredAt().orElse(null)));
    }

    static EmbedKey embedKey(EmbedKeysRecord r) {
        return EmbedKey.rehydrate(new EmbedKeyId(r.getKid()), new CompanyId(r.getCompanyId()), r.getSecret(),
                instant(r.getCreatedAt()), instant(r.getRetiredAt()));
    }
}
