package io.dashshare.domain.contract;

import static org.assertj.core.api.Assertions.assertThat;

import io.dashshare.domain.embed.EmbedKey;
import io.dashshare.domain.embed.EmbedKeyId;
import io.dashshare.domain.error.ErrorCode;
import io.dashshare.domain.tenant.Company;
import io.dashshare.domain.testing.EmbedKeyBuilder;
import org.junit.jupiter.api.Test;

public abstract class EmbedKeyRepositoryContract extends PortContract {

    private EmbedKey saved(EmbedKeyBuilder builder) {
        EmbedKey key = builder.build();
        ports.embedKeys().save(key);
        return key;
    }

    @Test
    void a_saved_key_is_found_by_kid_with_its_secret() {
        Company company = savedCompany();
        EmbedKey key = saved(EmbedKeyBuilder.anEmbedKey().inCompany(company.id()));

        EmbedKey found = ports.embedKeys().find(key.id()).orElseThrow();

        assertThat(found).usingRecursiveComparison().isEqualTo(key);
        assertThat(found.secret()).isEqualTo(key.secret());
        assertThat(found.isActive()).isTrue();
    }

    @Test
    void an_unknown_kid_is_not_found() {
        assertThat(ports.embedKeys().find(new EmbedKeyId("never-issued-kid"))).isEmpty();
    }

    @Test
    void list_holds_the_company_keys_oldest_first() {
        Company company = savedCompany();
        EmbedKey newer = saved(EmbedKeyBuilder.anEmbedKey().inCompany(company.id()).createdAt(T0.plusSeconds(60)));
        EmbedKey older = saved(EmbedKeyBuilder.anEmbedKey().inCompany(company.id()).createdAt(T0));
        saved(EmbedKeyBuilder.anEmbedKey().inCompany(savedCompany().id()));

        assertThat(ports.embedKeys().list(company.id())).extracting(EmbedKey::id).containsExactly(older.id(), newer.id());
    }

    @Test
    void saving_a_retired_key_retires_it_and_keeps_its_secret() {
        Company company = savedCompany();
        EmbedKey key = saved(EmbedKeyBuilder.anEmbedKey().inCompany(company.id()));

        ports.embedKeys().save(key.retire(T0.plusSeconds(100)));

        EmbedKey found = ports.embedKeys().find(key.id()).orElseThrow();
        assertThat(found.retiredAt()).contains(T0.plusSeconds(100));
        assertThat(found.isActive()).isFalse();
        assertThat(found.secret()).isEqualTo(key.secret());
        assertThat(found.createdAt()).isEqualTo(key.createdAt());
    }

    @Test
    void a_kid_of_another_company_is_CONFLICT_on_kid_and_the_key_is_untouched() {
        Company owner = savedCompany();
        EmbedKey key = saved(EmbedKeyBuilder.anEmbedKey().inCompany(owner.id()));
        EmbedKey clash = EmbedKeyBuilder.anEmbedKey().withId(key.id().value()).inCompany(savedCompany().id()).build()
                .retire(T0.plusSeconds(1));

        assertFails(ErrorCode.CONFLICT, "kid", () -> ports.embedKeys().save(clash));
        EmbedKey found = ports.embedKeys().find(key.id()).orElseThrow();
        assertThat(found.companyId()).isEqualTo(owner.id());
        assertThat(found.isActive()).isTrue();
    }
}
