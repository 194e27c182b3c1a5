package io.dashshare.bench;

import io.dashshare.application.token.StrictJson;
import io.dashshare.domain.dashboard.DashboardDefinition;
import io.dashshare.domain.document.DashboardDocument;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** The demo's sales-overview dashboard (copied from bootstrap's resources at build time). */
final class Demo {

    private Demo() {
    }

    static DashboardDefinition salesOverview() {
        try (InputStream in = Demo.class.getResourceAsStream("/sales-overview.json")) {
            return DashboardDocument.read(StrictJson.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
