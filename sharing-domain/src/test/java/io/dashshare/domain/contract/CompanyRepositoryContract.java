package io.dashshare.domain.contract;

import static org.assertj.core.api.Assertions.assertThat;

import io.dashshare.domain.error.ErrorCode;
import io.dashshare.domain.tenant.Company;
import io.dashshare.domain.tenant.CompanyId;
import io.dashshare.domain.tenant.CompanySlug;
import io.dashshare.domain.tenant.CompanyStatus;
import io.dashshare.domain.tenant.EmbedOrigin;
import io.dashshare.domain.testing.CompanyBuilder;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

public abstract class CompanyRepositoryContract extends PortContract {

    @Test
    void saved_company_is_found_by_id_and_by_slug_with_its_embed_origins_status_and_creation_time() {
        Company company = CompanyBuilder.aCompany().named("Acme Inc")
                .withEmbedOrigin("https://app.example.com").withEmbedOrigin("http://localhost:3000")
                .createdAt(Instant.parse("2026-03-04T05:06:07.123456Z")).build();

        ports.companies().save(company);

        assertThat(ports.companies().findById(company.id())).contains(company);
        assertThat(ports.companies().findBySlug(company.slug())).contains(company);
        assertThat(ports.companies().findById(company.id()).orElseThrow().embedOrigins())
                .containsExactly(new EmbedOrigin("https://app.example.com"), new EmbedOrigin("http://localhost:3000"));
    }

    @Test
    void unknown_id_and_slug_are_not_found() {
        assertThat(ports.companies().findById(new CompanyId(UUID.randomUUID()))).isEmpty();
        assertThat(ports.companies().findBySlug(new CompanySlug("no-such-" + UUID.randomUUID().toString().substring(0, 8))))
                .isEmpty();
    }

    @Test
    void saving_again_updates_name_embed_origins_and_status_but_never_the_creation_time() {
        Company company = savedCompany();
        Company changed = company.renamed("Renamed").withEmbedOrigins(List.of(new EmbedOrigin("https://x.example")))
                .withStatus(CompanyStatus.SUSPENDED);

        ports.companies().save(changed);

        assertThat(ports.companies().findById(company.id())).contains(changed);
        assertThat(ports.companies().findById(company.id()).orElseThrow().isActive()).isFalse();
        ports.companies().save(changed.withEmbedOrigins(List.of()).withStatus(CompanyStatus.ACTIVE));
        Company back = ports.companies().findById(company.id()).orElseThrow();
        assertThat(back.embedOrigins()).isEmpty();
        assertThat(back.isActive()).isTrue();
        ports.companies().save(new Company(back.id(), back.slug(), back.name(), back.embedOrigins(), back.status(),
                Instant.parse("2030-01-01T00:00:00Z")));
        assertThat(ports.companies().findById(company.id()).orElseThrow().createdAt()).isEqualTo(company.createdAt());
    }

    @Test
    void slug_of_another_company_is_refused_with_CONFLICT_on_slug() {
        Company first = savedCompany();
        Company second = CompanyBuilder.aCompany().withSlug(first.slug().value()).build();

        assertFails(ErrorCode.CONFLICT, "slug", () -> ports.companies().save(second));
        assertThat(ports.companies().findById(second.id())).isEmpty();
        assertThat(ports.companies().findBySlug(first.slug())).contains(first);
    }

    @Test
    void the_list_holds_every_company_oldest_first() {
        Company older = CompanyBuilder.aCompany().createdAt(Instant.parse("2020-01-01T00:00:00Z")).build();
        Company newer = CompanyBuilder.aCompany().createdAt(Instant.parse("2020-01-02T00:00:00Z")).build();
        ports.companies().save(newer);
        ports.companies().save(older);

        List<Company> listed = ports.companies().list();

        assertThat(listed).contains(older, newer);
        assertThat(listed.indexOf(older)).isLessThan(listed.indexOf(newer));
    }
}
