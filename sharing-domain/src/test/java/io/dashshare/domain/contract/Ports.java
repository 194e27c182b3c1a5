package io.dashshare.domain.contract;

import io.dashshare.domain.port.ApiKeyRepository;
import io.dashshare.domain.port.CompanyRepository;
import io.dashshare.domain.port.DashboardCatalog;
import io.dashshare.domain.port.EmbedKeyRepository;
import io.dashshare.domain.port.MailOutbox;
import io.dashshare.domain.port.OtpChallengeRepository;
import io.dashshare.domain.port.OwnerAccountRepository;
import io.dashshare.domain.port.OwnerInviteRepository;
import io.dashshare.domain.port.OwnerTokenRevocations;
import io.dashshare.domain.port.RateLimiter;
import io.dashshare.domain.port.ShareContextRepository;
import io.dashshare.domain.port.ShareRepository;
import io.dashshare.domain.port.ShareSessionRepository;
import io.dashshare.domain.port.UnitOfWork;
import io.dashshare.domain.port.ViewerLookups;

/**
 * One implementation of every stored driven port over the same store. Contracts need more than
 * the port under test: a share needs its company and dashboard to exist first.
 */
public record Ports(CompanyRepository companies, OwnerAccountRepository owners, DashboardCatalog dashboards,
                    ShareRepository shares, ShareContextRepository contexts, OtpChallengeRepository challenges,
                    ShareSessionRepository sessions, EmbedKeyRepository embedKeys, RateLimiter rateLimiter,
                    UnitOfWork unitOfWork, ViewerLookups viewerLookups, ApiKeyRepository apiKeys,
                    OwnerInviteRepository invites, OwnerTokenRevocations tokenRevocations, MailOutbox mailOutbox) {
}
