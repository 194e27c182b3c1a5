package io.dashshare.domain.port;

import io.dashshare.domain.embed.EmbedKey;
import io.dashshare.domain.embed.EmbedKeyId;
import io.dashshare.domain.tenant.CompanyId;
import java.util.List;
import java.util.Optional;

/** Embed signing keys. Secrets are stored so that tokens can be verified; the API never shows them twice. */
public interface EmbedKeyRepository {

    /** Inserts or updates by id. */
    void save(EmbedKey key);

    /** By {@code kid} across companies; the caller checks the key's company against the claims. */
    Optional<EmbedKey> find(EmbedKeyId id);

    List<EmbedKey> list(CompanyId company);
}
