package io.dashshare.application.service;

import io.dashshare.domain.audit.AuditType;
import io.dashshare.application.port.in.ManageApiKeysUseCase;
import io.dashshare.application.port.in.OwnerPrincipal;
import io.dashshare.domain.error.InvalidValueException;
import io.dashshare.domain.error.SharingException;
import io.dashshare.domain.port.ApiKeyRepository;
import io.dashshare.domain.port.RandomSource;
import io.dashshare.domain.port.UnitOfWork;
import io.dashshare.domain.secret.SecretToken;
import io.dashshare.domain.tenant.ApiKey;
import io.dashshare.domain.tenant.ApiKeyId;
import io.dashshare.domain.tenant.Permission;
import io.dashshare.domain.tenant.Role;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * API keys (docs/api.md, API keys): {@code dsk_} and 256 random bits in base64url, shown once;
 * only the SHA-256 of the whole key is stored, with its first 12 characters to recognise it by.
 */
public final class ManageApiKeysService implements ManageApiKeysUseCase {

    private final ApiKeyRepository keys;
    private final RandomSource random;
    private final UnitOfWork unitOfWork;
    private final Clock clock;
    private final Audit audit;

    public ManageApiKeysService(ApiKeyRepository keys, RandomSource random, UnitOfWork unitOfWork, Clock clock,
                                Audit audit) {
        this.keys = keys;
        this.random = random;
        this.unitOfWork = unitOfWork;
        this.clock = clock;
        this.audit = audit;
    }

    @Override
    public CreatedApiKey create(OwnerPrincipal owner, String name, Role role, Optional<Instant> expiresAt) {
        owner.require(Permission.MANAGE_API_KEYS);
        Instant now = clock.instant();
        if (expiresAt.isPresent() && !now.isBefore(expiresAt.get())) {
            throw new InvalidValueException("expires_at", "must be in the future", "past");
        }
        String plain = ApiKey.KEY_PREFIX + SecretToken.fromRandomBytes(random.bytes(SecretToken.BYTES)).value();
        ApiKey key = new ApiKey(new ApiKeyId(random.uuid()), owner.companyId(), name, role,
                SecretToken.hashOfPresented(plain), plain.substring(0, ApiKey.PREFIX_LENGTH), now, expiresAt,
                Optional.empty(), Optional.empty());
        keys.save(key);
        // Never the key, nor its prefix: the prefix is a piece of the secret.
        audit.owner(AuditType.API_KEY_CREATED, owner).detail("api_key_id", key.id().toString())
                .detail("name", key.name()).detail("role", key.role().wire())
                .detail("expires_at", expiresAt.map(Instant::toString).orElse(null)).ok();
        return new CreatedApiKey(key, plain);
    }

    @Override
    public List<ApiKey> list(OwnerPrincipal owner) {
        owner.require(Permission.MANAGE_API_KEYS);
        return keys.list(owner.companyId());
    }

    @Override
    public void revoke(OwnerPrincipal owner, ApiKeyId id) {
        owner.require(Permission.MANAGE_API_KEYS);
        ApiKey revoked = unitOfWork.inTransaction(() -> {
            ApiKey key = keys.find(owner.companyId(), id).orElseThrow(() -> SharingException.notFound("API key"));
            keys.save(key.revoke(clock.instant()));
            return key;
        });
        audit.owner(AuditType.API_KEY_REVOKED, owner).detail("api_key_id", revoked.id().toString())
                .detail("name", revoked.name()).ok();
    }
}
