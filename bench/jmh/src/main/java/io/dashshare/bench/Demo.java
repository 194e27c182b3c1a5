package io.dashshare.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.dashshare.domain.dashboard.DashboardDefinition;
import io.dashshare.domain.document.DashboardDocument;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** The demo's sales-overview dashboard (copied from bootstrap's resources at build time). */
final class Demo {

    private Demo() {
    }

    static DashboardDefinition salesOverview() {
        try (InputStream in = Demo.class.getResourceAsStream("/sales-overview.json")) {
            return DashboardDocument.read(new ObjectMapper().readValue(in, Object.class));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
