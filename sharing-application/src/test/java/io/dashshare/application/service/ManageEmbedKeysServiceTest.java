package io.dashshare.application.service;

import io.dashshare.domain.embed.EmbedKeyId;

import static io.dashshare.application.testing.SharingAssertions.failsWith;
import static org.assertj.core.api.Assertions.assertThat;

import io.dashshare.application.port.in.CreatedEmbedKey;
import io.dashshare.application.port.in.OwnerPrincipal;
import io.dashshare.application.testing.SharingHarness;
import io.dashshare.domain.dashboard.Dashboard;
import io.dashshare.domain.embed.EmbedKey;
import io.dashshare.domain.error.ErrorCode;
import io.dashshare.domain.tenant.Company;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ManageEmbedKeysServiceTest {

    private SharingHarness h;
    private OwnerPrincipal owner;
    private OwnerPrincipal intruder;
    private Dashboard sales;

    @BeforeEach
    void setUp() {
        h = SharingHarness.create();
        Company acme = h.company("acme");
        owner = h.ownerOf(acme);
        intruder = h.ownerOf(h.company("globex"));
        sales = h.salesDashboard(acme);
    }

    @Test
    void a_new_key_shows_its_256_bit_secret_once_as_base64url() {
        CreatedEmbedKey created = h.embedKeys().create(owner);

        assertThat(created.secret()).matches("[A-Za-z0-9_-]{43}");
        assertThat(Base64.getUrlDecoder().decode(created.secret())).isEqualTo(created.key().secret()).hasSize(32);
        assertThat(created.toString()).doesNotContain(created.secret());
        assertThat(created.key().toString()).doesNotContain(created.secret());
        assertThat(created.key().isActive()).isTrue();
    }

    @Test
    void keys_are_listed_oldest_first_and_per_company() {
        CreatedEmbedKey first = h.embedKeys().create(owner);
        h.clock().advance(Duration.ofMinutes(1));
        CreatedEmbedKey second = h.embedKeys().create(owner);
        h.embedKeys().create(intruder);

        assertThat(h.embedKeys().list(owner)).extracting(EmbedKey::id)
                .containsExactly(first.key().id(), second.key().id());
    }

    @Test
    void retiring_is_final_and_repeating_it_keeps_the_first_date() {
        CreatedEmbedKey created = h.embedKeys().create(owner);

        EmbedKey retired = h.embedKeys().retire(owner, created.key().id());
        h.clock().advance(Duration.ofMinutes(1));
        EmbedKey again = h.embedKeys().retire(owner, created.key().id());

        assertThat(retired.isActive()).isFalse();
        assertThat(again.retiredAt()).isEqualTo(retired.retiredAt()).contains(SharingHarness.START);
    }

    @Test
    void another_companys_and_unknown_keys_are_not_found() {
        CreatedEmbedKey ours = h.embedKeys().create(owner);

        failsWith(ErrorCode.NOT_FOUND, () -> h.embedKeys().retire(intruder, ours.key().id()));
        failsWith(ErrorCode.NOT_FOUND, () -> h.embedKeys().retire(owner, new EmbedKeyId("AAAAAAAAAAAAAAAA")));
        assertThat(h.embedKeys().list(owner).get(0).isActive()).isTrue();
    }

    @Test
    void a_cutoff_is_set_on_the_owners_dashboard_only() {
        Instant cutoff = h.clock().instant().minusSeconds(10);

        Dashboard updated = h.embedKeys().refuseTokensIssuedBefore(owner, sales.id(), Optional.of(cutoff));

        assertThat(updated.embedTokensNotBefore()).contains(cutoff);
        assertThat(updated.version()).isGreaterThan(sales.version());
        failsWith(ErrorCode.NOT_FOUND, () -> h.embedKeys().refuseTokensIssuedBefore(intruder, sales.id(),
                Optional.empty()));
    }
}
