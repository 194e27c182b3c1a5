package io.dashshare.adapter.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import io.dashshare.domain.dashboard.Dashboard;
import io.dashshare.domain.embed.EmbedKey;
import io.dashshare.domain.share.Share;
import io.dashshare.domain.tenant.Company;
import io.dashshare.domain.testing.CompanyBuilder;
import io.dashshare.domain.testing.DashboardBuilder;
import io.dashshare.domain.testing.EmbedKeyBuilder;
import io.dashshare.domain.testing.ShareBuilder;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
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
