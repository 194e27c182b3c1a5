package io.dashshare.application.service;

import io.dashshare.domain.embed.EmbedKey;
import io.dashshare.domain.embed.EmbedKeyId;
import io.dashshare.domain.port.EmbedKeyRepository;
import io.dashshare.domain.port.RandomSource;
import io.dashshare.domain.tenant.CompanyId;
import java.time.Clock;
import java.util.Base64;
import java.util.Comparator;

/** A company's embed keys: the newest active one signs; a first key is made on first use. */
public final class EmbedKeyRing {

    private final EmbedKeyRepository keys;
    private final RandomSource random;
    private final Clock clock;

    public EmbedKeyRing(EmbedKeyRepository keys, RandomSource random, Clock clock) {
        this.keys = keys;
        this.random = random;
        this.clock = clock;
    }

    public EmbedKey signingKey(CompanyId company) {
        return keys.list(company).stream().filter(EmbedKey::isActive)
                .max(Comparator.comparing(EmbedKey::createdAt))
                .orElseGet(() -> newKey(company));
    }

    public EmbedKey newKey(CompanyId company) {
        EmbedKeyId id = new EmbedKeyId(Base64.getUrlEncoder().withoutPadding().encodeToString(random.bytes(12)));
        EmbedKey key = EmbedKey.create(id, company, random.bytes(32), clock.instant());
        keys.save(key);
        return key;
    }
}
