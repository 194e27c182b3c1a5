package io.dashshare.domain.contract;

import static org.assertj.core.api.Assertions.assertThat;

import io.dashshare.domain.secret.SecretToken;
import io.dashshare.domain.tenant.ApiKey;
import io.dashshare.domain.tenant.ApiKeyId;
import io.dashshare.domain.tenant.Company;
import io.dashshare.domain.tenant.CompanyId;
import io.dashshare.domain.tenant.Role;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

public abstract class ApiKeyRepositoryContract extends PortContract {

    private ApiKey key(CompanyId company, Instant createdAt, Optional<Instant> expiresAt) {
        SecretToken secret = randomToken();
        String plain = ApiKey.KEY_PREFIX + secret.value();
        return new ApiKey(new ApiKeyId(UUID.randomUUID()), company, "ci", Role.EDITOR, SecretToken.hashOfPresented(plain),
                plain.substring(0, ApiKey.PREFIX_LENGTH), createdAt, expiresAt, Optional.empty(), Optional.empty());
    }

    @Test
    void a_saved_key_is_found_by_its_hash_across_companies_and_by_id_within_its_company_only() {
        Company company = savedCompany();
        ApiKey key = key(company.id(), T0, Optional.of(T0.plusSeconds(3600)));

        ports.apiKeys().save(key);

        assertThat(ports.apiKeys().findByHash(key.hash())).contains(key);
        assertThat(ports.apiKeys().find(company.id(), key.id())).contains(key);
        assertThat(ports.apiKeys().find(savedCompany().id(), key.id())).isEmpty();
        assertThat(ports.apiKeys().findByHash(randomToken().hash())).isEmpty();
    }

    @Test
    void the_list_holds_the_company_keys_oldest_first() {
        Company company = savedCompany();
        ApiKey newer = key(company.id(), T0.plusSeconds(10), Optional.empty());
        ApiKey older = key(company.id(), T0, Optional.empty());
        ports.apiKeys().save(newer);
        ports.apiKeys().save(older);
        ports.apiKeys().save(key(savedCompany().id(), T0, Optional.empty()));

        assertThat(ports.apiKeys().list(company.id())).containsExactly(older, newer);
    }

    @Test
    void saving_a_revocation_keeps_the_recorded_use_and_never_moves_a_key_to_another_company() {
        Company company = savedCompany();
        ApiKey key = key(company.id(), T0, Optional.empty());
        ports.apiKeys().save(key);
        ports.apiKeys().touch(key.id(), T0.plusSeconds(60));

        ports.apiKeys().save(key.revoke(T0.plusSeconds(120)));

        ApiKey read = ports.apiKeys().find(company.id(), key.id()).orElseThrow();
        assertThat(read.revokedAt()).contains(T0.plusSeconds(120));
        assertThat(read.lastUsedAt()).contains(T0.plusSeconds(60));
        assertThat(read.isUsable(T0.plusSeconds(121))).isFalse();

        ApiKey stolen = new ApiKey(key.id(), savedCompany().id(), "x", Role.ADMIN, key.hash(), key.prefix(), T0,
                Optional.empty(), Optional.empty(), Optional.empty());
        ports.apiKeys().save(stolen);
        assertThat(ports.apiKeys().findByHash(key.hash()).orElseThrow().companyId()).isEqualTo(company.id());
    }

    @Test
    void a_use_only_ever_moves_last_used_at_forward_and_an_unknown_key_is_ignored() {
        Company company = savedCompany();
        ApiKey key = key(company.id(), T0, Optional.empty());
        ports.apiKeys().save(key);

        ports.apiKeys().touch(key.id(), T0.plusSeconds(120));
        ports.apiKeys().touch(key.id(), T0.plusSeconds(60));
        ports.apiKeys().touch(new ApiKeyId(UUID.randomUUID()), T0);

        assertThat(ports.apiKeys().findByHash(key.hash()).orElseThrow().lastUsedAt()).contains(T0.plusSeconds(120));
    }
}
