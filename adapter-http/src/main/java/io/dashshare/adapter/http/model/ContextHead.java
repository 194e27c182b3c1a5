package io.dashshare.adapter.http.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.dashshare.domain.context.ShareContext;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.serde.config.naming.SnakeCaseStrategy;

/** A share context as a portal viewer sees it: its id and name. */
@Serdeable(naming = SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.ALWAYS)
public record ContextHead(String id, String name) {

    public static ContextHead from(ShareContext context) {
        return new ContextHead(context.id().toString(), context.name());
    }
}
