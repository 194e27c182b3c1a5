package io.dashshare.domain.port;

import io.dashshare.domain.secret.TokenHash;
import io.dashshare.domain.tenant.ApiKey;
import io.dashshare.domain.tenant.ApiKeyId;
import io.dashshare.domain.tenant.CompanyId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** API keys, stored by the hash of the key only. */
public interface ApiKeyRepository {

    /** Inserts or updates by id. */
    void save(ApiKey key);

    /** Across companies: the key that hashes to {@code hash}, usable or not. */
    Optional<ApiKey> findByHash(TokenHash hash);

    Optional<ApiKey> find(CompanyId company, ApiKeyId id);

    List<ApiKey> list(CompanyId company);

    /** Records a use; a no-op for a key that no longer exists. */
    void touch(ApiKeyId id, Instant usedAt);
}
