package io.dashshare.application.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dashshare.application.testing.Values;
import io.dashshare.application.port.in.EmbedRequest;
import io.dashshare.application.port.in.OwnerPrincipal;
import io.dashshare.application.testing.SharingHarness;
import io.dashshare.domain.dashboard.Dashboard;
import io.dashshare.domain.error.ErrorCode;
import io.dashshare.domain.error.RateLimitedException;
import io.dashshare.domain.filter.RawValue;
import io.dashshare.domain.tenant.Company;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Per-share and per-embedded-dashboard execution limits (issue 7): only executions that reach SQL count. */
class ExecutionQuotaTest {

    private SharingHarness h;
    private OwnerPrincipal owner;
    private Dashboard sales;

    @BeforeEach
    void setUp() {
        h = SharingHarness.withSettings(SharingHarness.testSettings().withLimits(new SharingSettings.Limits(2, 3)));
        Company acme = h.company("acme");
        owner = h.ownerOf(acme);
        sales = h.salesDashboard(acme);
    }

    private static Map<String, RawValue> region(String value) {
        return Map.of("region", new RawValue.Str(value));
    }

    @Test
    void a_share_over_its_limit_is_RATE_LIMITED_until_the_minute_is_over() {
        String token = h.publicShare(owner, sales).token();
        h.publicShares().execute(token, region("north"));
        h.publicShares().execute(token, region("south"));
        int ran = h.executor().count();

        assertThatThrownBy(() -> h.publicShares().execute(token, region("east")))
                .isInstanceOfSatisfying(RateLimitedException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.RATE_LIMITED);
                    assertThat(e.retryAfter()).isPositive().isLessThanOrEqualTo(Duration.ofMinutes(1));
                });
        assertThat(h.executor().count()).as("a refused execution runs no SQL").isEqualTo(ran);

        h.clock().advance(Duration.ofMinutes(1));
        h.publicShares().execute(token, region("east"));
    }

    @Test
    void cached_answers_do_not_count() {
        String token = h.publicShare(owner, sales).token();
        for (int i = 0; i < 10; i++) {
            h.publicShares().execute(token, region("north"));
        }
        h.publicShares().execute(token, region("south"));
    }

    @Test
    void each_share_has_its_own_limit() {
        String first = h.publicShare(owner, sales).token();
        String second = h.publicShare(owner, sales).token();
        h.publicShares().execute(first, region("north"));
        h.publicShares().execute(first, region("south"));

        h.publicShares().execute(second, region("east"));
        assertThatThrownBy(() -> h.publicShares().execute(first, region("west")))
                .isInstanceOf(RateLimitedException.class);
    }

    @Test
    void an_embedded_dashboard_is_limited_across_all_its_tokens() {
        String one = embedToken();
        String other = embedToken();
        h.embeds().execute(one, region("north"));
        h.embeds().execute(other, region("south"));
        h.embeds().execute(one, region("east"));

        assertThatThrownBy(() -> h.embeds().execute(other, region("west")))
                .isInstanceOf(RateLimitedException.class);
    }

    @Test
    void a_limit_of_zero_turns_the_quota_off() {
        SharingHarness unlimited = SharingHarness.withSettings(SharingHarness.testSettings().withLimits(new SharingSettings.Limits(0, 0)));
        Company acme = unlimited.company("acme");
        OwnerPrincipal boss = unlimited.ownerOf(acme);
        String token = unlimited.publicShare(boss, unlimited.salesDashboard(acme)).token();
        for (String region : List.of("north", "south", "east", "west")) {
            unlimited.publicShares().execute(token, region(region));
        }
    }

    private String embedToken() {
        return h.issueEmbed().issue(owner, sales.id(), Values.embedRequest(List.of("region"), List.of(), Map.of(),
                Optional.empty())).token();
    }
}
