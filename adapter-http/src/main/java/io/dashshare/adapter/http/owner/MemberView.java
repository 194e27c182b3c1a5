package io.dashshare.adapter.http.owner;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.dashshare.domain.context.Member;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.serde.config.naming.SnakeCaseStrategy;
import io.dashshare.domain.context.MemberId;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A member of a share context: {@code email} for an {@code external_email} member, {@code domain}
 * for an {@code email_domain} one (the other is left out); {@code expires_at} null when it does not expire;
 * {@code last_sign_in_at} the member's last portal sign-in from the audit log, null when none is kept
 * (docs/api.md, share contexts: last_sign_in_at).
 */
@Serdeable(naming = SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.ALWAYS)
public record MemberView(String id, String contextId, String memberType,
                         @JsonInclude(JsonInclude.Include.NON_NULL) @io.micronaut.core.annotation.Nullable String email,
                         @JsonInclude(JsonInclude.Include.NON_NULL) @io.micronaut.core.annotation.Nullable String domain,
                         Instant createdAt, @io.micronaut.core.annotation.Nullable Instant expiresAt,
                         @io.micronaut.core.annotation.Nullable Instant lastSignInAt) {

    public static MemberView from(Member member, Map<MemberId, Instant> lastSignIns) {
        String email = member.admits() instanceof Member.Admits.Address a ? a.email().value() : null;
        String domain = member.admits() instanceof Member.Admits.Domain d ? d.domain().value() : null;
        return new MemberView(member.id().toString(), member.contextId().toString(), member.type().wire(), email,
                domain, member.createdAt(), member.expiresAt().orElse(null), lastSignIns.get(member.id()));
    }

    @Serdeable(naming = SnakeCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Page(List<MemberView> members) {
    }
}
