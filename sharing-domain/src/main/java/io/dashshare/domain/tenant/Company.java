package io.dashshare.domain.tenant;

import io.dashshare.domain.common.Text;
import java.util.List;
import java.util.Objects;

/**
 * A tenant. {@code embedOrigins} are the exact origins allowed to frame embed pages
 * (CSP {@code frame-ancestors}); empty means no site may frame them.
 */
public record Company(CompanyId id, CompanySlug slug, String name, List<EmbedOrigin> embedOrigins) {

    public Company {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(slug, "slug");
        Text.requireName(name, 200, "name");
        embedOrigins = List.copyOf(embedOrigins);
    }

    public Company withEmbedOrigins(List<EmbedOrigin> origins) {
        return new Company(id, slug, name, origins);
    }
}
