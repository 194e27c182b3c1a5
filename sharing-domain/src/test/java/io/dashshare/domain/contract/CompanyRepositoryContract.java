package io.dashshare.domain.contract;

import static org.assertj.core.api.Assertions.assertThat;

import io.dashshare.domain.error.ErrorCode;
import io.dashshare.domain.tenant.Company;
import io.dashshare.domain.tenant.CompanyId;
import io.dashshare.domain.tenant.CompanySlug;
import io.dashshare.domain.tenant.EmbedOrigin;
import io.dashshare.domain.testing.CompanyBuilder;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

public abstract class CompanyRepositoryContract extends PortContract {

    @Test
    void saved_company_is_found_by_id_and_by_slug_with_its_embed_origins() {
        Company company = CompanyBuilder.aCompany().named("Acme Inc")
                .withEmbedOrigin("https://app.example.com").withEmbedOrigin("http://localhost:3000").build();

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
    void saving_again_updates_name_and_embed_origins() {
        Company company = savedCompany();
        Company changed = new Company(company.id(), company.slug(), "Renamed", List.of(new EmbedOrigin("https://x.example")));

        ports.companies().save(changed);

        assertThat(ports.companies().findById(company.id())).contains(changed);
        ports.companies().save(changed.withEmbedOrigins(List.of()));
        assertThat(ports.companies().findById(company.id()).orElseThrow().embedOrigins()).isEmpty();
    }

    @Test
    void slug_of_another_company_is_refused_with_INVALID_REQUEST_on_slug() {
        Company first = savedCompany();
        Company second = CompanyBuilder.aCompany().withSlug(first.slug().value()).build();

        assertFails(ErrorCode.INVALID_REQUEST, "slug", () -> ports.companies().save(second));
        assertThat(ports.companies().findById(second.id())).isEmpty();
        assertThat(ports.companies().findBySlug(first.slug())).contains(first);
    }
}
