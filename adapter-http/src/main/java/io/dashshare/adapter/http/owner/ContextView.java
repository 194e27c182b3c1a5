package io.dashshare.adapter.http.owner;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.dashshare.domain.context.ShareContext;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.serde.config.naming.SnakeCaseStrategy;
import java.time.Instant;
import java.util.List;

/** A share context as its owner sees it. */
@Serdeable(naming = SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.ALWAYS)
public record ContextView(String id, String name, @io.micronaut.core.annotation.Nullable String description, Instant createdAt) {

    public static ContextView from(ShareContext context) {
        return new ContextView(context.id().toString(), context.name(), context.description(), context.createdAt());
    }

    @Serdeable(naming = SnakeCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Page(List<ContextView> shareContexts) {
    }
}
