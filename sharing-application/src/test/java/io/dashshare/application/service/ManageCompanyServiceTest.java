package io.dashshare.application.service;

import static io.dashshare.application.testing.SharingAssertions.invalidField;
import static org.assertj.core.api.Assertions.assertThat;

import io.dashshare.application.port.in.OwnerPrincipal;
import io.dashshare.application.testing.SharingHarness;
import io.dashshare.domain.tenant.EmbedOrigin;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ManageCompanyServiceTest {

    private SharingHarness h;
    private OwnerPrincipal owner;

    @BeforeEach
    void setUp() {
        h = SharingHarness.create();
        owner = h.ownerOf(h.company("acme"));
    }

    @Test
    void embed_origins_are_exact_normalised_and_deduplicated() {
        var company = h.companies().setEmbedOrigins(owner, List.of(new EmbedOrigin("https://App.Customer.example"),
                new EmbedOrigin("https://app.customer.example"), new EmbedOrigin("http://localhost:3000")));

        assertThat(company.embedOrigins()).extracting(EmbedOrigin::value)
                .containsExactly("https://app.customer.example", "http://localhost:3000");
        assertThat(h.companies().get(owner).embedOrigins()).hasSize(2);
    }

    @Test
    void more_than_fifty_origins_are_refused() {
        invalidField("embed_origins", () -> h.companies().setEmbedOrigins(owner,
                Collections.nCopies(51, new EmbedOrigin("https://ok.example"))));
        assertThat(h.companies().get(owner).embedOrigins()).isEmpty();
    }
}
