package io.dashshare.domain.share;

import io.dashshare.domain.error.InvalidValueException;
import io.dashshare.domain.testing.Policies;
import static io.dashshare.domain.testing.DashboardBuilder.aSalesDashboard;
import static io.dashshare.domain.testing.PolicyBuilder.disabled;
import static io.dashshare.domain.testing.PolicyBuilder.fixed;
import static io.dashshare.domain.testing.ShareBuilder.aShareOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import io.dashshare.domain.context.ShareContextId;
import io.dashshare.domain.dashboard.Dashboard;
import io.dashshare.domain.filter.AccessRules;
import io.dashshare.domain.filter.FilterDefinition;
import io.dashshare.domain.secret.TokenHash;
import io.dashshare.domain.testing.FilterBuilder;
import io.dashshare.domain.testing.ShareBuilder;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ShareTest {

    private static final Dashboard DASHBOARD = aSalesDashboard().build();
    private static final Instant CREATED = Instant.parse("2026-01-02T00:00:00Z");
    private static final FilterDefinition REGION = DASHBOARD.definition().filter("region").orElseThrow();

    @Test
    void a_share_without_expiry_is_live_until_revoked() {
        Share share = aShareOf(DASHBOARD).build();

        assertThat(share.isLive(CREATED.plus(Duration.ofDays(3650)))).isTrue();
        Share revoked = share.revoke(CREATED.plusSeconds(60));
        assertThat(revoked.isLive(CREATED.plusSeconds(61))).isFalse();
        assertThat(revoked.revokedAt()).contains(CREATED.plusSeconds(60));
    }

    @Test
    void a_share_is_live_until_just_before_its_expiry() {
        Instant expiry = CREATED.plus(Duration.ofDays(7));
        Share share = aShareOf(DASHBOARD).expiringAt(expiry).build();

        assertThat(share.isLive(expiry.minusMillis(1))).isTrue();
        assertThat(share.isLive(expiry)).isFalse();
        assertThat(share.isLive(expiry.plusSeconds(1))).isFalse();
    }

    @Test
    void revoking_twice_keeps_the_first_revocation() {
        Share revoked = aShareOf(DASHBOARD).build().revoke(CREATED.plusSeconds(10)).revoke(CREATED.plusSeconds(20));

        assertThat(revoked.revokedAt()).contains(CREATED.plusSeconds(10));
    }

    @Test
    void an_expiry_in_the_past_or_now_is_refused_at_creation() {
        assertThatExceptionOfType(InvalidValueException.class).isThrownBy(() -> aShareOf(DASHBOARD).expiringAt(CREATED).build());
        assertThatExceptionOfType(InvalidValueException.class)
                .isThrownBy(() -> aShareOf(DASHBOARD).expiringAt(CREATED.minusSeconds(1)).build());
    }

    @Test
    void removing_the_expiry_makes_an_expired_share_live_again() {
        Share expired = aShareOf(DASHBOARD).expiringAt(CREATED.plusSeconds(60)).build();

        assertThat(expired.expiringAt(null, CREATED.plusSeconds(120)).isLive(CREATED.plusSeconds(121))).isTrue();
    }

    @Test
    void rotating_the_token_replaces_its_hash_and_keeps_everything_else() {
        ShareBuilder builder = aShareOf(DASHBOARD).withPolicy(fixed(REGION, "north"));
        Share share = builder.build();
        TokenHash newHash = TokenHash.of("new token");

        Share rotated = share.rotateToken(newHash, CREATED.plusSeconds(5));

        assertThat(share.tokenHash()).isEqualTo(builder.token().hash());
        assertThat(rotated.tokenHash()).isEqualTo(newHash).isNotEqualTo(share.tokenHash());
        assertThat(rotated.id()).isEqualTo(share.id());
        assertThat(rotated.policies()).isEqualTo(share.policies());
        assertThat(rotated.isLive(CREATED.plusSeconds(6))).isTrue();
        assertThat(rotated.updatedAt()).isEqualTo(CREATED.plusSeconds(5));
    }

    @Test
    void rotating_a_revoked_share_does_not_revive_it() {
        Share revoked = aShareOf(DASHBOARD).build().revoke(CREATED.plusSeconds(1));

        assertThat(revoked.rotateToken(TokenHash.of("x"), CREATED.plusSeconds(2)).isLive(CREATED.plusSeconds(3))).isFalse();
    }

    @Test
    void a_policy_for_a_filter_the_dashboard_does_not_have_is_refused() {
        FilterDefinition elsewhere = FilterBuilder.aTextFilter("country").build();

        assertThatExceptionOfType(InvalidValueException.class).isThrownBy(() -> aShareOf(DASHBOARD).withPolicy(disabled(elsewhere)).build())
                .withMessageContaining("country");
    }

    @Test
    void two_policies_for_one_filter_are_refused() {
        assertThatExceptionOfType(InvalidValueException.class).isThrownBy(() -> aShareOf(DASHBOARD)
                .withPolicy(fixed(REGION, "north")).withPolicy(disabled(REGION)).build());
    }

    @Test
    void new_policies_are_checked_against_the_dashboard_too() {
        Share share = aShareOf(DASHBOARD).build();
        FilterDefinition elsewhere = FilterBuilder.aTextFilter("country").build();

        assertThatExceptionOfType(InvalidValueException.class).isThrownBy(() -> share.withPolicies(DASHBOARD.definition(),
                List.of(disabled(elsewhere)), CREATED.plusSeconds(1)));
        assertThat(share.withPolicies(DASHBOARD.definition(), List.of(disabled(REGION)), CREATED.plusSeconds(1))
                .policies()).containsExactly(disabled(REGION));
    }

    @Test
    void access_rules_are_the_share_policies() {
        Share share = aShareOf(DASHBOARD).withPolicy(fixed(REGION, "south")).build();

        assertThat(share.accessRules()).isEqualTo(AccessRules.SharePolicies.of(List.of(fixed(REGION, "south"))));
    }

    @Test
    void only_a_share_bound_to_a_context_requires_the_portal_login() {
        assertThat(aShareOf(DASHBOARD).build().requiresPortalLogin()).isFalse();
        Share bound = aShareOf(DASHBOARD).boundTo(new ShareContextId(UUID.randomUUID())).build();
        assertThat(bound.requiresPortalLogin()).isTrue();
        assertThat(bound.contextId()).isPresent();
    }

    @Test
    void a_blank_name_is_refused() {
        assertThatExceptionOfType(InvalidValueException.class).isThrownBy(() -> aShareOf(DASHBOARD).named("  ").build());
    }
}
