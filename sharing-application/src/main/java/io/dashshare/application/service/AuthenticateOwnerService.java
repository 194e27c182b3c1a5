package io.dashshare.application.service;

import io.dashshare.application.port.in.AuthenticateOwnerUseCase;
import io.dashshare.application.port.in.OwnerPrincipal;
import io.dashshare.domain.error.SharingException;
import io.dashshare.domain.port.ApiKeyRepository;
import io.dashshare.domain.port.CompanyRepository;
import io.dashshare.domain.port.OwnerAccountRepository;
import io.dashshare.domain.port.OwnerTokenRevocations;
import io.dashshare.domain.secret.TokenHash;
import io.dashshare.domain.tenant.ApiKey;
import io.dashshare.domain.tenant.ApiKeyId;
import io.dashshare.domain.tenant.Company;
import io.dashshare.domain.tenant.CompanyId;
import io.dashshare.domain.tenant.OwnerAccount;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;

/**
 * Checks an owner route's credential against the store on every request (docs/tokens.md, owner
 * tokens and API keys): the account active and of the token's company and generation, the token
 * not logged out, the key neither revoked nor expired, the company active. The role is read here,
 * not from the token, so a role change applies to the next request.
 */
public final class AuthenticateOwnerService implements AuthenticateOwnerUseCase {

    /** {@code last_used_at} is kept to the minute: at most one write a minute per key and instance. */
    static final Duration TOUCH_EVERY = Duration.ofMinutes(1);
    private static final System.Logger LOG = System.getLogger(AuthenticateOwnerService.class.getName());
    private static final int MAX_REMEMBERED_TOUCHES = 10_000;

    private final OwnerAccountRepository accounts;
    private final CompanyRepository companies;
    private final ApiKeyRepository keys;
    private final OwnerTokenRevocations revocations;
    private final Executor background;
    private final Clock clock;
    private final Map<ApiKeyId, Instant> touched = new ConcurrentHashMap<>();

    /** {@code background} runs the {@code last_used_at} writes, off the request's path. */
    public AuthenticateOwnerService(OwnerAccountRepository accounts, CompanyRepository companies, ApiKeyRepository keys,
                                    OwnerTokenRevocations revocations, Executor background, Clock clock) {
        this.accounts = accounts;
        this.companies = companies;
        this.keys = keys;
        this.revocations = revocations;
        this.background = background;
        this.clock = clock;
    }

    @Override
    public OwnerPrincipal owner(OwnerTokenClaims claims) {
        OwnerAccount account = accounts.findById(claims.owner())
                .filter(a -> a.companyId().equals(claims.company()) && a.accepts(claims.generation(), claims.jti()))
                .orElseThrow(SharingException::tokenInvalid);
        activeCompany(account.companyId());
        if (revocations.isRevoked(claims.jti())) {
            throw SharingException.tokenInvalid();
        }
        return OwnerPrincipal.person(account.id(), account.email(), account.companyId(), account.role());
    }

    @Override
    public OwnerPrincipal apiKey(TokenHash presentedKey) {
        Instant now = clock.instant();
        ApiKey key = keys.findByHash(presentedKey).filter(k -> k.isUsable(now))
                .orElseThrow(SharingException::tokenInvalid);
        activeCompany(key.companyId());
        touchLater(key, now);
        return new OwnerPrincipal(key.companyId(), key.role(), new OwnerPrincipal.Actor.Key(key.id(), key.name()));
    }

    private Company activeCompany(CompanyId id) {
        return companies.findById(id).filter(Company::isActive).orElseThrow(SharingException::tokenInvalid);
    }

    private void touchLater(ApiKey key, Instant now) {
        Instant stored = key.lastUsedAt().orElse(Instant.MIN);
        Instant remembered = touched.getOrDefault(key.id(), Instant.MIN);
        Instant last = stored.isAfter(remembered) ? stored : remembered;
        if (now.isBefore(last.plus(TOUCH_EVERY))) {
            return;
        }
        // Of concurrent requests of one key only the one that moves the mark writes.
        boolean mine = remembered == Instant.MIN
                ? touched.putIfAbsent(key.id(), now) == null
                : touched.replace(key.id(), remembered, now);
        if (!mine) {
            return;
        }
        if (touched.size() > MAX_REMEMBERED_TOUCHES) {
            touched.entrySet().removeIf(e -> e.getValue().isBefore(now.minus(TOUCH_EVERY)));
        }
        try {
            background.execute(() -> {
                try {
                    keys.touch(key.id(), now);
                } catch (RuntimeException e) {
                    LOG.log(System.Logger.Level.WARNING, "last_used_at of API key {0} not recorded: {1}", key.id(),
                            e.getMessage());
                }
            });
        } catch (RuntimeException rejected) {
            LOG.log(System.Logger.Level.WARNING, "last_used_at of API key {0} not recorded: {1}", key.id(),
                    rejected.getMessage());
        }
    }
}
