package io.dashshare.domain.contract;

import static org.assertj.core.api.Assertions.assertThat;

import io.dashshare.domain.common.EmailAddress;
import io.dashshare.domain.context.Member;
import io.dashshare.domain.context.ShareContext;
import io.dashshare.domain.dashboard.Dashboard;
import io.dashshare.domain.embed.EmbedKey;
import io.dashshare.domain.embed.EmbedKeyId;
import io.dashshare.domain.port.ViewerLookups.KeyOfCompany;
import io.dashshare.domain.port.ViewerLookups.PortalSession;
import io.dashshare.domain.port.ViewerLookups.SharedView;
import io.dashshare.domain.portal.SessionId;
import io.dashshare.domain.portal.ShareSession;
import io.dashshare.domain.secret.SecretToken;
import io.dashshare.domain.share.Share;
import io.dashshare.domain.tenant.Company;
import io.dashshare.domain.testing.CompanyBuilder;
import io.dashshare.domain.testing.ContextBuilder;
import io.dashshare.domain.testing.EmbedKeyBuilder;
import io.dashshare.domain.testing.PolicyBuilder;
import io.dashshare.domain.testing.ShareBuilder;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
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

    // The portal's read: session and membership as they are now, the rest as the repositories answer it.

    private ShareSession savedSession(Company company, EmailAddress email) {
        ShareSession session = ShareSession.open(new SessionId(UUID.randomUUID()), company.id(), email, T0,
                Duration.ofDays(30));
        ports.sessions().create(session);
        return session;
    }

    private ShareContext savedContext(Company company, java.time.Instant createdAt) {
        ShareContext context = ContextBuilder.aContext().inCompany(company.id()).createdAt(createdAt).build();
        ports.contexts().save(context);
        return context;
    }

    private PortalSession portal(ShareSession session, EmailAddress email) {
        return ports.viewerLookups().portalSession(session.id(), email, T0.plusSeconds(60)).orElseThrow();
    }

    @Test
    void a_portal_session_comes_with_its_company_the_viewers_contexts_their_shares_and_dashboards() {
        Company company = savedCompanyWithOrigin();
        EmailAddress email = CompanyBuilder.randomEmail("viewer");
        ShareSession session = savedSession(company, email);
        ShareContext byAddress = savedContext(company, T0.plusSeconds(2));
        ShareContext byDomain = savedContext(company, T0.plusSeconds(1));
        ShareContext notTheirs = savedContext(company, T0);
        ports.contexts().addMember(ContextBuilder.aMember(byAddress.id(), email, T0));
        ports.contexts().addMember(ContextBuilder.aDomainMember(byDomain.id(), email.domain(), T0));
        ports.contexts().addMember(ContextBuilder.aMember(notTheirs.id(), CompanyBuilder.randomEmail("other"), T0));
        Dashboard dashboard = savedDashboard(company.id());
        Share first = ShareBuilder.aShareOf(dashboard).boundTo(byAddress.id()).createdAt(T0).build();
        Share revoked = ShareBuilder.aShareOf(dashboard).boundTo(byDomain.id()).createdAt(T0.plusSeconds(1)).build()
                .revoke(T0.plusSeconds(5));
        ports.shares().save(revoked);
        ports.shares().save(first);
        ports.shares().save(ShareBuilder.aShareOf(dashboard).boundTo(notTheirs.id()).build());
        ports.shares().save(ShareBuilder.aShareOf(dashboard).build());

        PortalSession read = portal(session, email);

        assertThat(read.session()).isEqualTo(session);
        assertThat(read.company()).usingRecursiveComparison()
                .isEqualTo(ports.companies().findById(company.id()).orElseThrow());
        assertThat(read.contexts()).isEqualTo(ports.contexts().contextsOf(company.id(), email, T0.plusSeconds(60)))
                .extracting(ShareContext::id).containsExactly(byDomain.id(), byAddress.id());
        assertThat(read.shares().get()).usingRecursiveComparison().isEqualTo(List.of(first, revoked));
        assertThat(read.dashboard(dashboard.slug()).orElseThrow()).usingRecursiveComparison().isEqualTo(dashboard);
        assertThat(read.dashboard(new io.dashshare.domain.dashboard.DashboardSlug("no-such-dashboard"))).isEmpty();
    }

    @Test
    void an_unknown_session_finds_nothing_and_a_revoked_one_is_found_as_it_is() {
        Company company = savedCompany();
        EmailAddress email = CompanyBuilder.randomEmail("viewer");
        ShareSession session = savedSession(company, email);
        ports.sessions().revoke(session.id(), T0.plusSeconds(3));

        assertThat(ports.viewerLookups().portalSession(new SessionId(UUID.randomUUID()), email, T0)).isEmpty();
        assertThat(portal(session, email).session().revokedAt()).contains(T0.plusSeconds(3));
    }

    @Test
    void a_viewer_without_contexts_gets_none_and_no_shares() {
        Company company = savedCompany();
        EmailAddress email = CompanyBuilder.randomEmail("viewer");
        ShareSession session = savedSession(company, email);
        ShareContext context = savedContext(company, T0);
        ports.shares().save(ShareBuilder.aShareOf(savedDashboard(company.id())).boundTo(context.id()).build());

        PortalSession read = portal(session, email);

        assertThat(read.contexts()).isEmpty();
        assertThat(read.shares().get()).isEmpty();
    }

    @Test
    void another_companys_contexts_dashboards_and_shares_are_never_the_sessions() {
        Company company = savedCompany();
        Company other = savedCompany();
        EmailAddress email = CompanyBuilder.randomEmail("viewer");
        ShareSession session = savedSession(company, email);
        ShareContext elsewhere = savedContext(other, T0);
        ports.contexts().addMember(ContextBuilder.aMember(elsewhere.id(), email, T0));
        Dashboard theirs = savedDashboard(other.id());
        ports.shares().save(ShareBuilder.aShareOf(theirs).boundTo(elsewhere.id()).build());

        PortalSession read = portal(session, email);

        assertThat(read.contexts()).isEmpty();
        assertThat(read.dashboard(theirs.slug())).isEmpty();
    }

    @Test
    void membership_removed_expired_or_deleted_after_a_read_is_read_as_it_is_now() {
        Company company = savedCompany();
        EmailAddress email = CompanyBuilder.randomEmail("viewer");
        ShareSession session = savedSession(company, email);
        ShareContext removed = savedContext(company, T0);
        ShareContext expiring = savedContext(company, T0.plusSeconds(1));
        ShareContext deleted = savedContext(company, T0.plusSeconds(2));
        Member removedMember = ContextBuilder.aMember(removed.id(), email, T0);
        ports.contexts().addMember(removedMember);
        ports.contexts().addMember(ContextBuilder.expiring(ContextBuilder.aMember(expiring.id(), email, T0),
                T0.plusSeconds(120)));
        ports.contexts().addMember(ContextBuilder.aMember(deleted.id(), email, T0));
        Dashboard dashboard = savedDashboard(company.id());
        ports.shares().save(ShareBuilder.aShareOf(dashboard).boundTo(deleted.id()).build());
        assertThat(portal(session, email).contexts()).hasSize(3);
        assertThat(portal(session, email).shares().get()).hasSize(1);

        ports.contexts().removeMember(removed.id(), removedMember.id());
        assertThat(portal(session, email).contexts()).extracting(ShareContext::id)
                .containsExactly(expiring.id(), deleted.id());
        ports.contexts().delete(company.id(), deleted.id());
        PortalSession after = portal(session, email);
        assertThat(after.contexts()).extracting(ShareContext::id).containsExactly(expiring.id());
        assertThat(after.shares().get()).isEmpty();
        assertThat(ports.viewerLookups().portalSession(session.id(), email, T0.plusSeconds(120)).orElseThrow()
                .contexts()).isEmpty();
    }

    @Test
    void a_session_revoked_a_share_revoked_or_a_dashboard_edited_after_a_read_is_read_as_it_is_now() {
        Company company = savedCompany();
        EmailAddress email = CompanyBuilder.randomEmail("viewer");
        ShareSession session = savedSession(company, email);
        ShareContext context = savedContext(company, T0);
        ports.contexts().addMember(ContextBuilder.aMember(context.id(), email, T0));
        Dashboard dashboard = savedDashboard(company.id());
        Share share = ShareBuilder.aShareOf(dashboard).boundTo(context.id()).build();
        ports.shares().save(share);
        PortalSession before = portal(session, email);
        before.shares().get();
        before.dashboard(dashboard.slug()).orElseThrow();
        before.company();

        ports.shares().save(share.revoke(T0.plusSeconds(7)));
        Dashboard cutOff = dashboard.refuseEmbedTokensIssuedBefore(T0.plusSeconds(8), T0.plusSeconds(8));
        ports.dashboards().save(cutOff);
        ports.companies().save(company.withEmbedOrigins(List.of(new io.dashshare.domain.tenant.EmbedOrigin(
                "https://framer.example"))));
        PortalSession after = portal(session, email);
        assertThat(after.shares().get()).singleElement()
                .satisfies(s -> assertThat(s.revokedAt()).contains(T0.plusSeconds(7)));
        assertThat(after.dashboard(dashboard.slug()).orElseThrow().version()).isEqualTo(cutOff.version());
        assertThat(after.company().embedOrigins()).hasSize(1);

        ports.sessions().revoke(session.id(), T0.plusSeconds(9));
        assertThat(portal(session, email).session().revokedAt()).contains(T0.plusSeconds(9));
        ports.dashboards().delete(company.id(), dashboard.id());
        assertThat(portal(session, email).dashboard(dashboard.slug())).isEmpty();
    }
}
