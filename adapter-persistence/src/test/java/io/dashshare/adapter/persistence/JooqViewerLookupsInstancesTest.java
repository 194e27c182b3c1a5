package io.dashshare.adapter.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import io.dashshare.domain.common.EmailAddress;
import io.dashshare.domain.context.Member;
import io.dashshare.domain.context.ShareContext;
import io.dashshare.domain.dashboard.Dashboard;
import io.dashshare.domain.embed.EmbedKey;
import io.dashshare.domain.port.ViewerLookups.PortalSession;
import io.dashshare.domain.portal.SessionId;
import io.dashshare.domain.portal.ShareSession;
import io.dashshare.domain.share.Share;
import io.dashshare.domain.tenant.Company;
import io.dashshare.domain.testing.CompanyBuilder;
import io.dashshare.domain.testing.ContextBuilder;
import io.dashshare.domain.testing.DashboardBuilder;
import io.dashshare.domain.testing.EmbedKeyBuilder;
import io.dashshare.domain.testing.ShareBuilder;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * The kept answers of {@link JooqViewerLookups} against what several service instances and an
 * operator do to the same database: each instance has its own lookups and its own memory.
 */
class JooqViewerLookupsInstancesTest {

    private static final Instant T0 = Instant.parse("2026-01-01T10:00:00Z");

    private final JooqPersistence first = JooqPersistence.on(TestDatabase.get().service());
    private final List<String> secondStatements = new CopyOnWriteArrayList<>();
    private final JooqPersistence second = JooqPersistence.on(recording(TestDatabase.get().service(), secondStatements));

    private Company company() {
        Company company = CompanyBuilder.aCompany().build();
        first.companies().save(company);
        return company;
    }

    private Dashboard dashboard(Company company) {
        Dashboard dashboard = DashboardBuilder.aSalesDashboard().inCompany(company.id())
                .withSlug("d-" + UUID.randomUUID().toString().substring(0, 8)).createdAt(T0).build();
        first.dashboards().save(dashboard);
        return dashboard;
    }

    private EmbedKey key(Company company) {
        EmbedKey key = EmbedKeyBuilder.anEmbedKey().inCompany(company.id()).build();
        first.embedKeys().save(key);
        return key;
    }

    @Test
    void a_share_revoked_on_one_instance_is_read_revoked_by_another_that_had_read_it() {
        ShareBuilder builder = ShareBuilder.aShareOf(dashboard(company()));
        Share share = builder.build();
        first.shares().save(share);
        assertThat(second.viewerLookups().shareByTokenHash(builder.token().hash()).orElseThrow().share().revokedAt())
                .isEmpty();

        first.unitOfWork().inTransaction(() -> {
            first.shares().save(share.revoke(T0.plusSeconds(1)));
            return null;
        });

        assertThat(second.viewerLookups().shareByTokenHash(builder.token().hash()).orElseThrow().share().revokedAt())
                .contains(T0.plusSeconds(1));
    }

    @Test
    void a_key_retired_and_a_cutoff_set_on_one_instance_are_seen_by_another() {
        Company company = company();
        Dashboard dashboard = dashboard(company);
        EmbedKey key = key(company);
        assertThat(second.viewerLookups().embedKey(key.id()).orElseThrow().key().isActive()).isTrue();
        assertThat(second.viewerLookups().embedKey(key.id()).orElseThrow().dashboard(dashboard.id()).orElseThrow()
                .embedTokensNotBefore()).isEmpty();

        first.embedKeys().save(key.retire(T0.plusSeconds(5)));
        first.dashboards().save(dashboard.refuseEmbedTokensIssuedBefore(T0.plusSeconds(6), T0.plusSeconds(6)));

        assertThat(second.viewerLookups().embedKey(key.id()).orElseThrow().key().isActive()).isFalse();
        assertThat(second.viewerLookups().embedKey(key.id()).orElseThrow().dashboard(dashboard.id()).orElseThrow()
                .embedTokensNotBefore()).contains(T0.plusSeconds(6));
    }

    @Test
    void an_operators_sql_and_a_deleted_company_are_seen_at_once_too() throws SQLException {
        Company company = company();
        ShareBuilder builder = ShareBuilder.aShareOf(dashboard(company));
        Share share = builder.build();
        first.shares().save(share);
        second.viewerLookups().shareByTokenHash(builder.token().hash()).orElseThrow();

        sql("update sharing.shares set revoked_at = now() where id = '" + share.id().value() + "'");
        assertThat(second.viewerLookups().shareByTokenHash(builder.token().hash()).orElseThrow().share().revokedAt())
                .isPresent();

        sql("delete from sharing.companies where id = '" + company.id().value() + "'");
        assertThat(second.viewerLookups().shareByTokenHash(builder.token().hash())).isEmpty();
    }

    @Test
    void an_unchanged_key_and_dashboard_cost_one_primary_key_read_of_the_generation_together() {
        Company company = company();
        Dashboard dashboard = dashboard(company);
        EmbedKey key = key(company);
        second.viewerLookups().embedKey(key.id()).orElseThrow().dashboard(dashboard.id()).orElseThrow();
        secondStatements.clear();

        second.viewerLookups().embedKey(key.id()).orElseThrow().dashboard(dashboard.id()).orElseThrow();

        assertThat(secondStatements).singleElement().satisfies(statement -> assertThat(statement)
                .contains("company_generations").doesNotContain("embed_keys").doesNotContain("dashboards"));
    }

    @Test
    void an_unchanged_answer_costs_one_primary_key_read_of_the_generation() {
        Company company = company();
        ShareBuilder builder = ShareBuilder.aShareOf(dashboard(company));
        first.shares().save(builder.build());
        second.viewerLookups().shareByTokenHash(builder.token().hash()).orElseThrow();
        secondStatements.clear();

        second.viewerLookups().shareByTokenHash(builder.token().hash()).orElseThrow();

        assertThat(secondStatements).singleElement().satisfies(statement -> assertThat(statement)
                .contains("company_generations").doesNotContain("shares").doesNotContain("dashboards"));
    }

    /** A viewer of {@code company}: a live session, a context with them as a member and a share of a dashboard in it. */
    private record Viewer(ShareSession session, EmailAddress email, ShareContext context, Member member,
                          Dashboard dashboard, Share share) {
    }

    private Viewer viewer(Company company) {
        EmailAddress email = CompanyBuilder.randomEmail("viewer");
        ShareSession session = ShareSession.open(new SessionId(UUID.randomUUID()), company.id(), email, T0,
                Duration.ofDays(30));
        first.sessions().create(session);
        ShareContext context = ContextBuilder.aContext().inCompany(company.id()).build();
        first.contexts().save(context);
        Member member = ContextBuilder.aMember(context.id(), email, T0);
        first.contexts().addMember(member);
        Dashboard dashboard = dashboard(company);
        Share share = ShareBuilder.aShareOf(dashboard).boundTo(context.id()).build();
        first.shares().save(share);
        return new Viewer(session, email, context, member, dashboard, share);
    }

    /** What a portal request of {@code viewer} on the second instance reads: session, contexts, shares, dashboard. */
    private PortalSession portalRequest(Viewer viewer) {
        PortalSession read = second.viewerLookups().portalSession(viewer.session().id(), viewer.email(),
                T0.plusSeconds(60)).orElseThrow();
        read.shares().get();
        read.dashboard(viewer.dashboard().slug());
        return read;
    }

    @Test
    void a_member_removed_on_one_instance_is_no_member_on_another_that_had_read_the_portal() {
        Viewer viewer = viewer(company());
        assertThat(portalRequest(viewer).contexts()).extracting(ShareContext::id).containsExactly(viewer.context().id());

        first.contexts().removeMember(viewer.context().id(), viewer.member().id());

        assertThat(portalRequest(viewer).contexts()).isEmpty();
    }

    @Test
    void a_session_revoked_and_a_share_revoked_on_one_instance_are_seen_by_another_at_once() {
        Viewer viewer = viewer(company());
        assertThat(portalRequest(viewer).session().revokedAt()).isEmpty();
        assertThat(portalRequest(viewer).shares().get()).singleElement()
                .satisfies(share -> assertThat(share.revokedAt()).isEmpty());

        first.shares().save(viewer.share().revoke(T0.plusSeconds(1)));
        assertThat(portalRequest(viewer).shares().get()).singleElement()
                .satisfies(share -> assertThat(share.revokedAt()).contains(T0.plusSeconds(1)));

        first.sessions().revoke(viewer.session().id(), T0.plusSeconds(2));
        assertThat(portalRequest(viewer).session().revokedAt()).contains(T0.plusSeconds(2));
    }

    @Test
    void a_membership_expired_or_a_context_deleted_by_an_operators_sql_is_seen_at_once() throws SQLException {
        Company company = company();
        Viewer viewer = viewer(company);
        portalRequest(viewer);

        sql("update sharing.share_context_members set expires_at = now() - interval '1 second' where id = '"
                + viewer.member().id().value() + "'");
        assertThat(second.viewerLookups().portalSession(viewer.session().id(), viewer.email(), Instant.now())
                .orElseThrow().contexts()).isEmpty();

        sql("update sharing.share_context_members set expires_at = null where id = '"
                + viewer.member().id().value() + "'");
        assertThat(portalRequest(viewer).contexts()).hasSize(1);
        sql("delete from sharing.share_contexts where id = '" + viewer.context().id().value() + "'");
        PortalSession after = portalRequest(viewer);
        assertThat(after.contexts()).isEmpty();
        assertThat(after.shares().get()).isEmpty();
    }

    @Test
    void an_unchanged_portal_request_costs_one_statement_of_session_and_membership() {
        Viewer viewer = viewer(company());
        portalRequest(viewer);
        secondStatements.clear();

        PortalSession read = portalRequest(viewer);

        assertThat(read.shares().get()).hasSize(1);
        assertThat(read.dashboard(viewer.dashboard().slug())).isPresent();
        assertThat(secondStatements).singleElement().satisfies(statement -> assertThat(statement)
                .contains("\"share_sessions\"").contains("\"share_context_members\"")
                .doesNotContain("\"shares\"").doesNotContain("\"dashboards\"").doesNotContain("\"companies\""));
    }

    private static void sql(String statement) throws SQLException {
        try (Connection c = TestDatabase.get().service().getConnection(); var s = c.createStatement()) {
            s.execute(statement);
        }
    }

    /** {@code pool}, recording the SQL of every statement prepared on its connections. */
    private static DataSource recording(DataSource pool, List<String> statements) {
        InvocationHandler dataSource = (proxy, method, args) -> {
            Object result = invoke(pool, method, args);
            if (result instanceof Connection connection) {
                return Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[] {Connection.class},
                        (p, m, a) -> {
                            if (m.getName().equals("prepareStatement") && a != null && a[0] instanceof String sql) {
                                statements.add(sql);
                            }
                            return invoke(connection, m, a);
                        });
            }
            return result;
        };
        return (DataSource) Proxy.newProxyInstance(DataSource.class.getClassLoader(),
                new Class<?>[] {DataSource.class}, dataSource);
    }

    private static Object invoke(Object target, java.lang.reflect.Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
