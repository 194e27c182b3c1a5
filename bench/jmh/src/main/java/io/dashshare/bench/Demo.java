package io.dashshare.bench;

import io.dashshare.adapter.http.owner.DashboardDocument;
import io.dashshare.domain.dashboard.DashboardDefinition;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** The demo's sales-overview dashboard (copied from bootstrap's resources at build time), read as DemoSeeder reads it. */
final class Demo {

    private Demo() {
    }

    static DashboardDefinition salesOverview() {
        try (InputStream in = Demo.class.getResourceAsStream("/sales-overview.json")) {
            return DashboardDocument.parse(in.readAllBytes()).toDefinition();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
