package io.dashshare.domain.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dashshare.domain.dashboard.Dashboard;
import io.dashshare.domain.error.ErrorCode;
import io.dashshare.domain.error.SharingException;
import io.dashshare.domain.tenant.Company;
import io.dashshare.domain.tenant.CompanyId;
import io.dashshare.domain.testing.CompanyBuilder;
import io.dashshare.domain.testing.DashboardBuilder;
import io.dashshare.domain.secret.SecretToken;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.assertj.core.api.ThrowableAssert;
import org.junit.jupiter.api.BeforeEach;

/**
 * Base of the port contracts: each test gets fresh {@link Ports} from the implementation under
 * test. Tests never rely on an empty store (the database one is shared by the whole test run):
 * every company, slug, email and key they touch is random.
 */
public abstract class PortContract {

    protected static final Instant T0 = Instant.parse("2026-01-01T10:00:00Z");

    private static final SecureRandom RANDOM = new SecureRandom();

    protected Ports ports;

    /** A new set of adapters of the implementation under test. */
    protected abstract Ports newPorts();

    @BeforeEach
    void openPorts() {
        ports = newPorts();
    }

    protected Company savedCompany() {
        Company company = CompanyBuilder.aCompany().build();
        ports.companies().save(company);
        return company;
    }

    protected Dashboard savedDashboard(CompanyId company) {
        return savedDashboard(company, "dash-" + UUID.randomUUID().toString().substring(0, 8), T0);
    }

    protected Dashboard savedDashboard(CompanyId company, String slug, Instant createdAt) {
        Dashboard dashboard = DashboardBuilder.aSalesDashboard().inCompany(company).withSlug(slug)
                .createdAt(createdAt).build();
        ports.dashboards().save(dashboard);
        return dashboard;
    }

    protected static SecretToken randomToken() {
        byte[] bytes = new byte[SecretToken.BYTES];
        RANDOM.nextBytes(bytes);
        return SecretToken.fromRandomBytes(bytes);
    }

    protected static void assertFails(ErrorCode code, String field, ThrowableAssert.ThrowingCallable call) {
        assertThatThrownBy(call).isInstanceOfSatisfying(SharingException.class, e -> {
            assertThat(e.code()).isEqualTo(code);
            if (field != null) {
                assertThat(e.details()).containsEntry("field", field);
            }
        });
    }

    /** Runs {@code callers} tasks released at the same instant and returns their results in order. */
    protected static <T> List<T> concurrently(int callers, Callable<T> task) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(callers);
        try {
            CountDownLatch ready = new CountDownLatch(callers);
            CountDownLatch go = new CountDownLatch(1);
            List<Future<T>> futures = new ArrayList<>();
            for (int i = 0; i < callers; i++) {
                futures.add(pool.submit(() -> {
                    ready.countDown();
                    go.await();
                    return task.call();
                }));
            }
            ready.await(10, TimeUnit.SECONDS);
            go.countDown();
            List<T> results = new ArrayList<>();
            for (Future<T> f : futures) {
                results.add(f.get(30, TimeUnit.SECONDS));
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }
}
