package io.dashshare.adapter.http.owner;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.dashshare.adapter.http.json.JsonBody;
import io.dashshare.domain.error.InvalidValueException;
import io.dashshare.domain.tenant.Company;
import io.dashshare.domain.tenant.EmbedOrigin;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.serde.config.naming.SnakeCaseStrategy;
import java.util.ArrayList;
import java.util.List;

/** The owner's company settings. */
@Serdeable(naming = SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.ALWAYS)
public record CompanyView(String id, String slug, String name, List<String> embedOrigins) {

    public static CompanyView from(Company company) {
        return new CompanyView(company.id().toString(), company.slug().value(), company.name(),
                company.embedOrigins().stream().map(EmbedOrigin::value).toList());
    }

    /** {@code PUT /api/v1/company/embed-origins}: the whole list ({@code []} for none). */
    @Serdeable(naming = SnakeCaseStrategy.class)
    record OriginsBody(List<String> embedOrigins) implements JsonBody {

        List<EmbedOrigin> origins() {
            List<EmbedOrigin> origins = new ArrayList<>();
            for (int i = 0; i < embedOrigins.size(); i++) {
                String raw = embedOrigins.get(i);
                origins.add(InvalidValueException.named("embed_origins[" + i + "]", () -> new EmbedOrigin(raw)));
            }
            return origins;
        }
    }
}
