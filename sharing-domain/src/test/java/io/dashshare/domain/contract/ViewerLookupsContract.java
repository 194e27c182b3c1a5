package io.dashshare.domain.contract;

import static org.assertj.core.api.Assertions.assertThat;

import io.dashshare.domain.context.ShareContext;
import io.dashshare.domain.dashboard.Dashboard;
import io.dashshare.domain.embed.EmbedKey;
import io.dashshare.domain.embed.EmbedKeyId;
import io.dashshare.domain.port.ViewerLookups.KeyOfCompany;
import io.dashshare.domain.port.ViewerLookups.SharedView;
import io.dashshare.domain.secret.SecretToken;
import io.dashshare.domain.share.Share;
import io.dashshare.domain.tenant.Company;
import io.dashshare.domain.testing.CompanyBuilder;
import io.dashshare.domain.testing.ContextBuilder;
import io.dashshare.domain.testing.EmbedKeyBuilder;
import io.dashshare.domain.testing.PolicyBuilder;
import io.dashshare.domain.testing.ShareBuilder;
import org.junit.jupiter.api.Test;

/**
 * The joined reads answer exactly what the repositories answer one by one, in every state the
 * viewer routes must tell apart (the service decides; the lookup only reads).
 */
public abstract class ViewerLookupsContract extends PortContract {

    private Company savedCompanyWithOrigin() {
        Company company = CompanyBuilder.aCompany().withEmbedOrigin("https://host.example").build();
        ports.companies().save(company);
        return company;
    }

    @Test
    void a_share_is_found_by_its_token_hash_with_its_company_and_dashboard() {
        Company company = savedCompanyWithOrigin();
        Dashboard dashboard = savedDashboard(company.id()).refuseEmbedTokensIssuedBefore(T0.plusSeconds(1),
                T0.plusSeconds(2));
        ports.dashboards().save(dashboard);
        ShareBuilder builder = ShareBuilder.aShareOf(dashboard)
                .withPolicy(PolicyBuilder.fixed(dashboard.definition().filter("region").orElseThrow(), "north"))
                .createdAt(T0).expiringAt(T0.plusSeconds(3600));
        Share share = builder.build();
        ports.shares().save(share);

        SharedView view = ports.viewerLookups().shareByTokenHash(builder.token().hash()).orElseThrow();

        assertThat(view.share()).usingRecursiveComparison().isEqualTo(share);
        assertThat(view.share().policies()).isEqualTo(share.policies());
        assertThat(view.company()).usingRecursiveComparison()
                .isEqualTo(ports.companies().findById(company.id()).orElseThrow());
        assertThat(view.dashboard()).usingRecursiveComparison()
                .isEqualTo(ports.dashboards().findById(company.id(), dashboard.id()).orElseThrow());
        assertThat(view.dashboard().embedTokensNotBefore()).contains(T0.plusSeconds(1));
    }

    @Test
    void revoked_and_context_bound_shares_are_found_as_they_are() {
        Company company = savedCompany();
        Dashboard dashboard = savedDashboard(company.id());
        ShareContext context = ContextBuilder.aContext().inCompany(company.id()).build();
        ports.contexts().save(context);
        ShareBuilder revokedBuilder = ShareBuilder.aShareOf(dashboard);
        ports.shares().save(revokedBuilder.build().revoke(T0.plusSeconds(5)));
        ShareBuilder boundBuilder = ShareBuilder.aShareOf(dashboard).boundTo(context.id());
        ports.shares().save(boundBuilder.build());

        assertThat(ports.viewerLookups().shareByTokenHash(revokedBuilder.token().hash()).orElseThrow()
                .share().revokedAt()).contains(T0.plusSeconds(5));
        assertThat(ports.viewerLookups().shareByTokenHash(boundBuilder.token().hash()).orElseThrow()
                .share().requiresPortalLogin()).isTrue();
    }

    @Test
    void an_unknown_or_rotated_away_token_and_a_deleted_dashboard_find_nothing() {
        Company company = savedCompany();
        Dashboard dashboard = savedDashboard(company.id());
        ShareBuilder rotated = ShareBuilder.aShareOf(dashboard);
        SecretToken next = randomToken();
        ports.shares().save(rotated.build().rotateToken(next.hash(), T0.plusSeconds(1)));
        Dashboard deleted = savedDashboard(company.id());
        ShareBuilder orphan = ShareBuilder.aShareOf(deleted);
        ports.shares().save(orphan.build());
        ports.dashboards().delete(company.id(), deleted.id());

        assertThat(ports.viewerLookups().shareByTokenHash(SecretToken.hashOfPresented("not-a-token"))).isEmpty();
        assertThat(ports.viewerLookups().shareByTokenHash(rotated.token().hash())).isEmpty();
        assertThat(ports.viewerLookups().shareByTokenHash(next.hash())).isPresent();
        assertThat(ports.viewerLookups().shareByTokenHash(orphan.token().hash())).isEmpty();
    }

    @Test
    void an_embed_key_is_found_by_kid_with_its_company_retired_or_not() {
        Company company = savedCompanyWithOrigin();
        EmbedKey key = EmbedKeyBuilder.anEmbedKey().inCompany(company.id()).build();
        ports.embedKeys().save(key);
        EmbedKey retired = EmbedKeyBuilder.anEmbedKey().inCompany(company.id()).build();
        ports.embedKeys().save(retired);
        ports.embedKeys().save(retired.retire(T0.plusSeconds(9)));
        ports.embedKeys().save(EmbedKeyBuilder.anEmbedKey().inCompany(savedCompany().id()).build());

        KeyOfCompany found = ports.viewerLookups().embedKey(key.id()).orElseThrow();

        assertThat(found.key()).usingRecursiveComparison().isEqualTo(key);
        assertThat(found.key().secret()).isEqualTo(key.secret());
        assertThat(found.company()).usingRecursiveComparison()
                .isEqualTo(ports.companies().findById(company.id()).orElseThrow());
        assertThat(found.company().embedOrigins()).hasSize(1);
        assertThat(ports.viewerLookups().embedKey(retired.id()).orElseThrow().key().isActive()).isFalse();
        assertThat(ports.viewerLookups().embedKey(new EmbedKeyId("never-issued-kid"))).isEmpty();
    }

    @Test
    void each_company_sees_its_own_rows_only() {
        Company first = savedCompany();
        Company second = savedCompany();
        ShareBuilder firstShare = ShareBuilder.aShareOf(savedDashboard(first.id()));
        ports.shares().save(firstShare.build());
        EmbedKey secondKey = EmbedKeyBuilder.anEmbedKey().inCompany(second.id()).build();
        ports.embedKeys().save(secondKey);

        assertThat(ports.viewerLookups().shareByTokenHash(firstShare.token().hash()).orElseThrow().company().id())
                .isEqualTo(first.id());
        assertThat(ports.viewerLookups().embedKey(secondKey.id()).orElseThrow().company().id())
                .isEqualTo(second.id());
    }

    /** The company's dashboard as the lookup of one of its keys answers it, read afresh each time. */
    private java.util.Optional<Dashboard> dashboardThroughKey(Company company, Dashboard dashboard) {
        EmbedKey key = EmbedKeyBuilder.anEmbedKey().inCompany(company.id()).build();
        ports.embedKeys().save(key);
        return ports.viewerLookups().embedKey(key.id()).orElseThrow().dashboard(dashboard.id());
    }

    @Test
    void a_keys_dashboards_are_its_own_companys_only() {
        Company company = savedCompany();
        Dashboard dashboard = savedDashboard(company.id());

        assertThat(dashboardThroughKey(company, dashboard).orElseThrow()).usingRecursiveComparison().isEqualTo(dashboard);
        assertThat(dashboardThroughKey(savedCompany(), dashboard)).isEmpty();
        ports.dashboards().delete(company.id(), dashboard.id());
        assertThat(dashboardThroughKey(company, dashboard)).isEmpty();
    }

    // An implementation may keep what it read: every change below, made after a first read, must
    // show on the very next one.

    @Test
    void a_share_revoked_rotated_or_repoliced_after_a_read_is_read_as_it_is_now() {
        Company company = savedCompany();
        Dashboard dashboard = savedDashboard(company.id());
        ShareBuilder builder = ShareBuilder.aShareOf(dashboard);
        Share share = builder.build();
        ports.shares().save(share);
        ports.viewerLookups().shareByTokenHash(builder.token().hash()).orElseThrow();

        Share narrowed = share.withPolicies(dashboard.definition(),
                java.util.List.of(PolicyBuilder.disabled(dashboard.definition().filter("status").orElseThrow())),
                T0.plusSeconds(1));
        ports.shares().save(narrowed);
        assertThat(ports.viewerLookups().shareByTokenHash(builder.token().hash()).orElseThrow().share().policies())
                .isEqualTo(narrowed.policies());

        ports.shares().save(narrowed.revoke(T0.plusSeconds(2)));
        assertThat(ports.viewerLookups().shareByTokenHash(builder.token().hash()).orElseThrow().share().revokedAt())
                .contains(T0.plusSeconds(2));

        SecretToken next = randomToken();
        ports.shares().save(narrowed.rotateToken(next.hash(), T0.plusSeconds(3)));
        assertThat(ports.viewerLookups().shareByTokenHash(builder.token().hash())).isEmpty();
        assertThat(ports.viewerLookups().shareByTokenHash(next.hash())).isPresent();
    }

    @Test
    void a_dashboard_edited_or_deleted_after_a_read_is_read_as_it_is_now() {
        Company company = savedCompany();
        Dashboard dashboard = savedDashboard(company.id());
        ShareBuilder builder = ShareBuilder.aShareOf(dashboard);
        ports.shares().save(builder.build());
        ports.viewerLookups().shareByTokenHash(builder.token().hash()).orElseThrow();
        EmbedKey key = EmbedKeyBuilder.anEmbedKey().inCompany(company.id()).build();
        ports.embedKeys().save(key);
        ports.viewerLookups().embedKey(key.id()).orElseThrow().dashboard(dashboard.id()).orElseThrow();

        Dashboard cutOff = dashboard.refuseEmbedTokensIssuedBefore(T0.plusSeconds(10), T0.plusSeconds(10));
        ports.dashboards().save(cutOff);
        assertThat(ports.viewerLookups().shareByTokenHash(builder.token().hash()).orElseThrow().dashboard().version())
                .isEqualTo(cutOff.version());
        assertThat(ports.viewerLookups().embedKey(key.id()).orElseThrow().dashboard(dashboard.id()).orElseThrow()
                .embedTokensNotBefore()).contains(T0.plusSeconds(10));

        ports.dashboards().delete(company.id(), dashboard.id());
        assertThat(ports.viewerLookups().shareByTokenHash(builder.token().hash())).isEmpty();
        assertThat(ports.viewerLookups().embedKey(key.id()).orElseThrow().dashboard(dashboard.id())).isEmpty();
    }

    @Test
    void a_key_retired_or_origins_changed_after_a_read_are_read_as_they_are_now() {
        Company company = savedCompany();
        EmbedKey key = EmbedKeyBuilder.anEmbedKey().inCompany(company.id()).build();
        ports.embedKeys().save(key);
        ShareBuilder builder = ShareBuilder.aShareOf(savedDashboard(company.id()));
        ports.shares().save(builder.build());
        assertThat(ports.viewerLookups().embedKey(key.id()).orElseThrow().key().isActive()).isTrue();
        ports.viewerLookups().shareByTokenHash(builder.token().hash()).orElseThrow();

        ports.embedKeys().save(key.retire(T0.plusSeconds(20)));
        assertThat(ports.viewerLookups().embedKey(key.id()).orElseThrow().key().isActive()).isFalse();

        Company framed = company.withEmbedOrigins(java.util.List.of(new io.dashshare.domain.tenant.EmbedOrigin(
                "https://framer.example")));
        ports.companies().save(framed);
        assertThat(ports.viewerLookups().embedKey(key.id()).orElseThrow().company().embedOrigins())
                .isEqualTo(framed.embedOrigins());
        assertThat(ports.viewerLookups().shareByTokenHash(builder.token().hash()).orElseThrow().company()
                .embedOrigins()).isEqualTo(framed.embedOrigins());
    }
}
