package io.dashshare.adapter.http.owner;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.dashshare.domain.context.Member;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.serde.config.naming.SnakeCaseStrategy;
import java.time.Instant;
import java.util.List;

/** A member of a share context. */
@Serdeable(naming = SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.ALWAYS)
public record MemberView(String id, String contextId, String memberType, String email, Instant createdAt) {

    public static MemberView from(Member member) {
        return new MemberView(member.id().toString(), member.contextId().toString(), member.type().wire(),
                member.email().value(), member.createdAt());
    }

    @Serdeable(naming = SnakeCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Page(List<MemberView> members) {
    }
}
